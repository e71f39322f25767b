// The count in free text (a community size, active members): which number of a text is the
// count, in the languages the reader knows (words for people, years, dates, ranges, periods,
// counts written in words). Numbers themselves are read by src/core/numbers.ts. A module of its
// own: src/core/numbers.ts loads it on the first count that is not one plain number
// (src/core/countReadingChunk.ts); code that reads free text every time imports it here.
import { isDigit, isLetter, scanNumbers } from './numbers';

export interface CountReading {
  /** The count (for a range, its low end). */
  readonly value: number;
  /** For a range such as `3-5k`: both ends. */
  readonly low?: number;
  readonly high?: number;
  /** Written as an estimate: `~`, `about`, `12,000+`, a range. */
  readonly approximate: boolean;
  /** The part of the text the count was read from, as written (`~3.5K`, `3-5k`). */
  readonly text: string;
}

const MEMBER_WORDS = new Set([
  'members', 'member', 'people', 'users', 'user', 'developers', 'devs', 'subscribers', 'followers', 'mau', 'dau', 'wau',
  'active', 'participants', 'contributors', 'volunteers', 'folks', 'builders', 'attendees', 'readers', 'learners', 'makers',
  'mitglieder', 'miembros', 'personas', 'membres', 'leute', 'membros', 'pessoas', 'membri', 'persone', 'utenti', 'usuarios', 'usuários', 'nutzer', 'utilisateurs', 'personnes',
]);
const APPROX_WORDS = ['environ', 'quelque', 'alrededor de', 'cerca de', 'aproximadamente', 'circa', 'quasi', 'oltre', 'mais de', 'plus de', 'about', 'around', 'approx', 'approx.', 'approximately', 'roughly', 'nearly', 'almost', 'over', 'ca.', 'circa', 'est.', 'estimated', 'some', 'more than', 'than', 'under', 'up to', 'ungefähr', 'etwa', 'rund', 'über', 'aproximadamente', 'unos', 'más de', 'cerca de'];
const MONTHS = new Set(['jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2']);
const YEAR_WORDS = new Set(['in', 'since', 'of', 'year', 'from', 'by', 'until', 'end', 'fy', 'spring', 'summer', 'autumn', 'fall', 'winter', 'early', 'late', 'mid']);
const EXCLUDING_WORDS = ['waitlist', 'wait list', 'waiting list', 'waitlisted', 'pre-registered', 'preregistered', 'signed up for the waitlist'];

function wordsBefore(text: string, at: number, n: number): string[] {
  const before = text.slice(Math.max(0, at - 60), at).toLowerCase();
  return before.split(/[^\p{L}\p{N}.]+/u).filter(Boolean).slice(-n);
}

function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '+' || text[i] === '\u00a0' || text[i] === '(' || text[i] === '"')) i++;
  let j = i;
  while (j < text.length && isLetter(text[j])) j++;
  return text.slice(i, j).toLowerCase();
}

/** Number words: English in full, the other languages the reader knows for their common words. */
const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12, quinze: 15, vingt: 20, trente: 30, quarante: 40, cinquante: 50,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50,
  dois: 2, duas: 2, três: 3, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10, doze: 12, vinte: 20, trinta: 30, quarenta: 40, cinquenta: 50,
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, zwölf: 12, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50,
  due: 2, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, dieci: 10, dodici: 12, venti: 20, trenta: 30, quaranta: 40, cinquanta: 50,
};
const HUNDRED_WORDS = new Set(['hundred', 'cent', 'cents', 'cien', 'ciento', 'cientos', 'cem', 'cento', 'centos', 'hundert']);
const SCALE_WORDS: Record<string, number> = { thousand: 1e3, mille: 1e3, mil: 1e3, mila: 1e3, tausend: 1e3, million: 1e6, millions: 1e6, millón: 1e6, millones: 1e6, milhão: 1e6, milhões: 1e6, milione: 1e6, milioni: 1e6, millionen: 1e6 };
const ONE_WORDS = new Set(['a', 'an', 'one', 'un', 'une', 'uno', 'una', 'um', 'uma', 'ein', 'eine']);

/** A count written in words (`about twelve thousand`, `two hundred and fifty`, `douze mille`): value and offsets, or undefined. */
function wordNumbers(text: string): { value: number; start: number; end: number }[] {
  const out: { value: number; start: number; end: number }[] = [];
  const re = /[\p{L}]+/gu;
  let run: { total: number; cur: number; start: number; end: number; seen: boolean; scaled: boolean } | undefined;
  const close = () => {
    if (run && run.seen && (run.scaled || run.total + run.cur >= 10)) out.push({ value: run.total + run.cur, start: run.start, end: run.end });
    run = undefined;
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].toLowerCase();
    const gap = run ? text.slice(run.end, m.index) : '';
    if (run && !/^[\s-]*(?:(?:and|y|e|et|und)\s+)?$/i.test(gap)) close();
    const unit = UNIT_WORDS[word];
    const next = /^[\s-]*([\p{L}]+)/u.exec(text.slice(m.index + word.length, m.index + word.length + 20))?.[1]?.toLowerCase() ?? '';
    if (unit !== undefined) {
      run ??= { total: 0, cur: 0, start: m.index, end: m.index, seen: false, scaled: false };
      run.cur += unit;
      run.seen = true;
    } else if (ONE_WORDS.has(word) && !run && (HUNDRED_WORDS.has(next) || SCALE_WORDS[next] !== undefined)) {
      run = { total: 0, cur: 1, start: m.index, end: m.index, seen: true, scaled: false };
    } else if (run && HUNDRED_WORDS.has(word)) {
      run.cur = Math.max(run.cur, 1) * 100;
      run.scaled = true;
    } else if (run && SCALE_WORDS[word] !== undefined) {
      run.total += Math.max(run.cur, 1) * SCALE_WORDS[word];
      run.cur = 0;
      run.scaled = true;
    } else if (run && (word === 'and' || word === 'y' || word === 'e' || word === 'et' || word === 'und') && run.scaled && UNIT_WORDS[next] !== undefined) {
      // `two hundred and fifty`: the run carries on over the `and`.
      continue;
    } else {
      close();
      continue;
    }
    if (run) run.end = m.index + word.length;
  }
  close();
  return out;
}

/** Words that say a count is per day, week or month (DAU, WAU, MAU in the languages the reader knows). */
const PERIOD_WORDS: Record<string, 'day' | 'week' | 'month'> = {
  dau: 'day', daily: 'day', day: 'day', täglich: 'day', tägliche: 'day', diarios: 'day', diários: 'day', quotidiens: 'day', giornalieri: 'day',
  wau: 'week', weekly: 'week', week: 'week', wöchentlich: 'week', wöchentliche: 'week', semanales: 'week', semanais: 'week', hebdomadaires: 'week', settimanali: 'week',
  mau: 'month', monthly: 'month', month: 'month', mo: 'month', monatlich: 'month', monatliche: 'month', mensuales: 'month', mensais: 'month', mensuels: 'month', mensili: 'month',
};
/** Words after a number that make it a duration, not a count: `last 30 days`. */
const DURATION_WORDS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours', 'h', 'min', 'jours', 'días', 'dias', 'tage', 'tagen', 'giorni', 'semaines', 'semanas', 'wochen', 'settimane', 'mois', 'meses', 'monate', 'monaten', 'mesi']);

/** The period a count in a text is given for, from the words around it: `MAU 1,400`, `1,400 monthly`, `600/week`. */
function periodAround(text: string, start: number, end: number): 'day' | 'week' | 'month' | undefined {
  const after = text.slice(end, end + 24).toLowerCase();
  // Only words right after the number (spaces between, `active` allowed: `1,400 monthly active`, `600 active weekly`).
  const direct = /^[ +]*((?:\p{L}+)(?: \p{L}+){0,2})/u.exec(after)?.[1].split(' ') ?? [];
  const afterWords = direct[0] === 'active' || direct[0] === 'aktive' || direct[0] === 'activos' || direct[0] === 'ativos' || direct[0] === 'attivi' || direct[0] === 'actifs' ? direct.slice(0, 2) : direct.slice(0, 1);
  for (const w of afterWords) if (PERIOD_WORDS[w]) return PERIOD_WORDS[w];
  if (/^\s*(?:per|a|\/|each|every|al|por|par|pro|al)\s*(?:month|mo\b|mes|mês|mois|monat|mese)/.test(after)) return 'month';
  if (/^\s*(?:per|a|\/|each|every|por|par|pro|alla)\s*(?:week|wk|semana|semaine|woche|settimana)/.test(after)) return 'week';
  if (/^\s*(?:per|a|\/|each|every|por|par|pro|al)\s*(?:day|día|dia|jour|tag|giorno)/.test(after)) return 'day';
  // A word right before it (`MAU 1,400`, `MAU: 1,400`, `monthly active: 1,400`).
  let k = start;
  while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === ':' || text[k - 1] === '=')) k--;
  for (let n = 0; n < 2; n++) {
    let j = k;
    while (j > 0 && isLetter(text[j - 1]) && k - j < 20) j--;
    if (j === k) break;
    const word = text.slice(j, k).toLowerCase();
    if (PERIOD_WORDS[word]) return PERIOD_WORDS[word];
    if (text[j - 1] !== ' ') break;
    k = j - 1;
  }
  return undefined;
}

/** The dash or "to" of a range between two numbers, or -1. */
function rangeGap(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to).trim().toLowerCase();
  return gap === '-' || gap === '–' || gap === '—' || gap === 'to' || gap === 'bis' || gap === 'a';
}

/**
 * The count in a free-text value, such as a community size: `12,000`, `~3.5K members`, `12,000+`,
 * `about 3k`, `3-5k` (a range), `15% (≈1,400 MAU)` (1,400), `As of March 2026, about 9,500`
 * (9,500). A year, a percentage, part of a date and a waitlist are not counts of members:
 * `Pre-launch (waitlist of 340)` has none. When several numbers qualify, the one followed by
 * a word for people (members, MAU, subscribers, ...) wins, else the first.
 */
export function readCount(text: string | undefined): CountReading | undefined {
  if (text === undefined) return undefined;
  const tokens = scanNumbers(text);
  const candidates: { reading: CountReading; people: boolean; yearLike: boolean; period?: 'day' | 'week' | 'month' }[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.percent || token.value < 0) continue;
    const prev = text[token.start - 1];
    const next = text[token.end];
    // Part of a date or a version: 2026-03-01, 3/1/2026, v2.1, #12.
    if ((prev === '-' || prev === '/' || prev === ':') && isDigit(text[token.start - 2])) continue;
    if ((next === '/' || next === ':') && isDigit(text[token.end + 1])) continue;
    if (next === '-' && isDigit(text[token.end + 1]) && /^\d{4}-\d{2}/.test(text.slice(token.start, token.start + 7))) continue;
    if (prev === '#' || prev === '$' || prev === '€' || prev === '£') continue;
    const before = wordsBefore(text, token.start, 3);
    const after = wordAfter(text, token.end);
    if (token.scale === 1 && DURATION_WORDS.has(after)) continue;
    // A year: `in 2026`, `March 2026`, `since 2019`; a bare 2000 with nothing else may be a size.
    const yearLike = token.plainInteger && token.value >= 1900 && token.value <= 2100 && !MEMBER_WORDS.has(after);
    const last = before[before.length - 1];
    if (yearLike && last !== undefined && (MONTHS.has(last) || YEAR_WORDS.has(last))) continue;
    const context = text.slice(Math.max(0, token.start - 40), token.start).toLowerCase();
    if (EXCLUDING_WORDS.some((w) => context.includes(w)) || /^(?:on|in) (?:the|our) wait/.test(text.slice(token.end, token.end + 40).trimStart().toLowerCase())) continue;
    // A range: this number, a dash or "to", another number; a suffix on the second applies to both.
    let end = token.end;
    let low = token.value;
    let high: number | undefined;
    const second = tokens[t + 1];
    if (second && !second.percent && rangeGap(text, token.end, second.start)) {
      high = second.value;
      if (second.scale !== 1 && token.scale === 1) low = token.value * second.scale;
      end = second.end;
      t++;
      if (high < low) [low, high] = [high, low];
    }
    let approximate = high !== undefined;
    const beforeText = text.slice(Math.max(0, token.start - 20), token.start).toLowerCase().trimEnd();
    if (beforeText.endsWith('~') || beforeText.endsWith('≈') || beforeText.endsWith('>') || APPROX_WORDS.some((w) => beforeText.endsWith(' ' + w) || beforeText === w)) approximate = true;
    let shownStart = token.start;
    if (text[token.start - 1] === '~' || text[token.start - 1] === '≈') shownStart--;
    if (text[end] === '+') {
      approximate = true;
      end++;
    }
    const people = MEMBER_WORDS.has(wordAfter(text, end));
    const reading: CountReading = {
      value: Math.round(low),
      ...(high !== undefined ? { low: Math.round(low), high: Math.round(high) } : {}),
      approximate,
      text: text.slice(shownStart, end),
    };
    candidates.push({ reading, people, yearLike, period: periodAround(text, token.start, end) });
  }
  if (candidates.length === 0) {
    // No figure in digits: a count in words (`about twelve thousand`).
    for (const n of wordNumbers(text)) {
      const beforeText = text.slice(Math.max(0, n.start - 20), n.start).toLowerCase().trimEnd();
      const approximate = APPROX_WORDS.some((w) => beforeText.endsWith(' ' + w) || beforeText === w);
      candidates.push({ reading: { value: n.value, approximate, text: text.slice(n.start, n.end) }, people: MEMBER_WORDS.has(wordAfter(text, n.end)), yearLike: false, period: periodAround(text, n.start, n.end) });
    }
  }
  // `150 / 600 / 1,400 (DAU/WAU/MAU)`: figures in order, their periods named together after them.
  const order = /\(([DWMdwm][Aa][Uu](?:[ \t]*\/[ \t]*[DWMdwm][Aa][Uu]){1,2})\)[ \t]*$/.exec(text);
  if (order) {
    const periods = order[1].split('/').map((p) => p.trim().toLowerCase());
    const figures = candidates.filter((c) => !c.yearLike);
    const at = periods.indexOf('mau');
    if (figures.length === periods.length && at !== -1) return figures[at].reading;
  }
  // DAU, WAU and MAU given together: the monthly figure is the one a partner compares with.
  const monthly = candidates.some((c) => c.period !== undefined) ? candidates.find((c) => c.period === 'month') : undefined;
  return (monthly ?? candidates.find((c) => c.people) ?? candidates.find((c) => !c.yearLike) ?? candidates[0])?.reading;
}

/**
 * A community size written any way people write it, as a whole number (a range gives its low
 * end): `12,000`, `12k`, `~3.5K members`, `1.2M`, `5,000+`, `about 800 people`. Undefined when
 * the text holds no count (including `TBD`).
 */
export function parseCount(text: string | undefined): number | undefined {
  return readCount(text)?.value;
}
