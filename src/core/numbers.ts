/**
 * The one number reader for everything people type or files hold: Log Metric and the planner's
 * forms, record front matter, the community context. The same rules everywhere:
 * - `,` `.` `'`, a space or a thin space between groups of exactly three digits group thousands:
 *   `12,000`, `12.000`, `12 000`, `1'200`, `1,234,567`;
 * - one `,` or `.` followed by other than three digits (or after a lone `0`) is the decimal mark:
 *   `1.5`, `1,5`, `0.500`; with both marks, the last one is the decimal mark: `1,234.5`, `1.234,5`;
 * - `.5`, an exponent (`2.5e3`), a suffix (`12k`, `1.2M`, `3 million`) and `%` are read;
 * - anything else (`1.2.3`, `1,23,4`, `1e400`, two numbers, words) is refused, never guessed.
 *
 * It is a hand-written scan (no regular expression), so it runs in linear time on any text.
 *
 * The count in free text (readCount, parseCount: words for people, years, ranges, counts in words,
 * in the languages the reader knows) is src/core/countReading.ts; src/core/parseCount.ts reads one
 * plain count here and loads that reader only for the rest.
 */
import { displayLocale } from './l10n';

export interface NumberToken {
  /** The value, suffix applied (`12k` → 12000; `15%` → 15). */
  readonly value: number;
  /** Offsets of the token in the text it came from (suffix and `%` included). */
  readonly start: number;
  readonly end: number;
  /** Whether a `%` follows. */
  readonly percent: boolean;
  /** The suffix's factor (`k` → 1000), 1 without one. */
  readonly scale: number;
  /** Plain digits with no separator, decimal, suffix or exponent (a year looks like this). */
  readonly plainInteger: boolean;
}

const THOUSANDS_ONLY = new Set([' ', '\u00a0', '\u202f', '\u2009', "'", '\u2019']);
const MARKS = new Set([',', '.', ...THOUSANDS_ONLY]);
const SUFFIX_LETTERS: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
const SUFFIX_WORDS: Record<string, number> = {
  thousand: 1e3, million: 1e6, millions: 1e6, mio: 1e6, mn: 1e6, billion: 1e9, bn: 1e9,
  // `3,2 mil membros`, `12 mille`, `12 mila`, `12 Tausend`, `12 Tsd.`, `1,2 Mio.`, `1,5 millones`, `2 milhões`, `1,5 milioni`.
  mil: 1e3, mille: 1e3, mila: 1e3, tausend: 1e3, tsd: 1e3, millón: 1e6, millones: 1e6, milhão: 1e6, milhões: 1e6, milione: 1e6, milioni: 1e6, millionen: 1e6,
};

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

function digitsFrom(s: string, i: number): number {
  let j = i;
  while (isDigit(s[j])) j++;
  return j - i;
}

/** Reads the digits and marks of a numeral: the value, or NaN when the grouping is not valid. */
function interpret(raw: string): number {
  const groups: string[] = [];
  const marks: string[] = [];
  let current = '';
  for (const c of raw) {
    if (isDigit(c)) current += c;
    else {
      groups.push(current);
      marks.push(THOUSANDS_ONLY.has(c) ? ' ' : c);
      current = '';
    }
  }
  groups.push(current);
  if (marks.length === 0) return Number(raw);
  if (groups[0] === '') {
    // `.5`: a leading decimal mark, nothing else.
    return marks.length === 1 && marks[0] !== ' ' ? Number('0.' + groups[1]) : NaN;
  }
  const kinds = [...new Set(marks)];
  let decimalMark: string | undefined;
  if (kinds.length > 2) return NaN;
  if (kinds.length === 2) {
    decimalMark = marks[marks.length - 1];
    if (decimalMark === ' ' || marks.filter((m) => m === decimalMark).length > 1) return NaN;
  } else if (kinds[0] !== ' ' && marks.length === 1 && (groups[1].length !== 3 || groups[0] === '0' || groups[0].length > 3)) {
    decimalMark = kinds[0];
  }
  const intGroups = decimalMark ? groups.slice(0, -1) : groups;
  if (intGroups.length > 1) {
    if (intGroups[0].length > 3 || intGroups[0].length === 0) return NaN;
    if (intGroups.slice(1).some((g) => g.length !== 3)) return NaN;
  }
  const integer = intGroups.join('');
  return Number(decimalMark ? `${integer}.${groups[groups.length - 1]}` : integer);
}

/** The numeral that starts at `i` (a digit, or `.` before a digit), or undefined. */
function scanAt(s: string, i: number): NumberToken | undefined {
  let j = i;
  if (s[j] === '.') j++; // `.5`
  j += digitsFrom(s, j);
  // Marks join groups only when digits follow; a space only before exactly three digits.
  for (;;) {
    const c = s[j];
    if (c === undefined || !MARKS.has(c) || !isDigit(s[j + 1])) break;
    const n = digitsFrom(s, j + 1);
    if (THOUSANDS_ONLY.has(c) && n !== 3) break;
    j += 1 + n;
  }
  const raw = s.slice(i, j);
  let value = interpret(raw);
  if (Number.isNaN(value)) return undefined;
  let plainInteger = digitsFrom(s, i) === raw.length;
  // An exponent: e, an optional sign, digits, and no letter after.
  if ((s[j] === 'e' || s[j] === 'E') && !isLetter(s[j - 1])) {
    let k = j + 1;
    if (s[k] === '+' || s[k] === '-') k++;
    const n = digitsFrom(s, k);
    if (n > 0 && !isLetter(s[k + n])) {
      value = Number(`${value}e${s.slice(j + 1, k + n)}`);
      j = k + n;
      plainInteger = false;
    }
  }
  let scale = 1;
  const letter = s[j]?.toLowerCase();
  if (letter && SUFFIX_LETTERS[letter] && !isLetter(s[j + 1])) {
    scale = SUFFIX_LETTERS[letter];
    j++;
  } else {
    let k = j;
    while (s[k] === ' ') k++;
    let w = k;
    while (isLetter(s[w])) w++;
    const word = s.slice(k, w).toLowerCase();
    if (k - j <= 1 && SUFFIX_WORDS[word] && w - k <= 8) {
      scale = SUFFIX_WORDS[word];
      j = w;
    }
  }
  value *= scale;
  if (scale !== 1) plainInteger = false;
  let percent = false;
  let k = j;
  while (s[k] === ' ') k++;
  if (s[k] === '%' && k - j <= 1) {
    percent = true;
    j = k + 1;
    plainInteger = false;
  }
  if (!Number.isFinite(value)) return undefined;
  return { value, start: i, end: j, percent, scale, plainInteger };
}

/** Every number in a text, left to right (a number whose grouping cannot be read is skipped). */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const startsHere = (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) && !isDigit(text[i - 1]) && !isLetter(text[i - 1]);
    if (!startsHere) {
      i++;
      continue;
    }
    const token = scanAt(text, i);
    if (token) {
      out.push(token);
      i = token.end;
    } else {
      // Skip the whole run of digits and marks that could not be read.
      let j = i + 1;
      while (j < text.length && (isDigit(text[j]) || MARKS.has(text[j]))) j++;
      i = j;
    }
  }
  return out;
}

/**
 * One number as a person types it or a file holds it: `1200`, `1,200`, `12.000`, `1.5`, `1,5`,
 * `.5`, `-3`, `2.5e3`, `1.2k`, `~45%` (45), `2.5x`. Undefined for anything else: text, two
 * numbers, `1.2.3`, a value too large to hold (`1e400`).
 */
export function parseNumber(text: string | number | undefined): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  let s = text.trim();
  if (s.startsWith('~') || s.startsWith('≈')) s = s.slice(1).trimStart();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s === '' || !(isDigit(s[0]) || (s[0] === '.' && isDigit(s[1])))) return undefined;
  const token = scanAt(s, 0);
  if (!token) return undefined;
  let rest = s.slice(token.end).trim();
  if (!token.percent && (rest === 'x' || rest === 'X' || rest === '×')) rest = '';
  if (rest !== '') return undefined;
  return sign * token.value;
}

/**
 * A count written as one plain number (`12000`, `12,000`, `12 000`, `12k`, `1.2M`, `3 million`),
 * rounded, as `parseCount` (src/core/countReading.ts) reads it; undefined for anything else (words, a range, `5,000+`,
 * `12k members`), which `parseCount` may still read. The planner page reads these itself and asks
 * the extension for the rest: `readCount` and its word lists are about 7.5 KB of script.
 * (test/unit/numbers.test.ts checks that it agrees with `parseCount` wherever it gives a value.)
 */
export function parsePlainCount(text: string): number | undefined {
  const s = text.trim();
  if (!isDigit(s[0])) return undefined;
  const token = scanAt(s, 0);
  if (!token || token.end !== s.length || token.percent) return undefined;
  return Math.round(token.value);
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A number in a locale's format (the display language by default), with `maxDigits` decimals at
 * most (rounded) and `minDigits` at least: `1234.5` → `1,234.5` in English, `1.234,5` in German.
 */
export function formatNumber(value: number, locale: string = displayLocale(), maxDigits = 0, minDigits = 0): string {
  const key = `${locale}/${minDigits}/${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formatters.set(key, f);
  }
  return f.format(value);
}

/**
 * A count as the user reads it: `12000` → `12,000` in English, `12.000` in German (the display
 * language by default; `locale` for text written in a language of its own, such as a pitch).
 */
export function formatCount(value: number, locale: string = displayLocale()): string {
  return formatNumber(Math.round(value), locale);
}
