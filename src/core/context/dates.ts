/** Dates in headings, labels and notes, in the languages the reader knows: which of two values is newer. */

/** Month names by their first letters (after accents are folded), longest first where two share a start. */
const MONTH_PREFIXES: readonly [string, number][] = [
  ['juin', 6], ['juil', 7], ['janv', 1], ['jan', 1], ['gen', 1], ['ene', 1], ['feb', 2], ['fev', 2], ['mar', 3], ['apr', 4], ['avr', 4], ['abr', 4],
  ['may', 5], ['mai', 5], ['mag', 5], ['jun', 6], ['giu', 6], ['jul', 7], ['lug', 7], ['aug', 8], ['aou', 8], ['ago', 8], ['sep', 9], ['set', 9],
  ['oct', 10], ['okt', 10], ['ott', 10], ['out', 10], ['nov', 11], ['dec', 12], ['dez', 12], ['dic', 12],
];

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function monthOf(word: string | undefined): number {
  if (!word || !/^\p{L}{3,}$/u.test(word)) return 0;
  for (const [prefix, month] of MONTH_PREFIXES) if (word.startsWith(prefix)) return month;
  return 0;
}

/** A date in a heading or a note (`2026-03-12`, `March 2026`, `12 Mar 2026`, `mai 2026`, `Q2 2026`) as yyyymmdd, or undefined. */
export function findDate(text: string): number | undefined {
  const words = fold(text).split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  let best: number | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const iso = /^((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?$/.exec(w);
    if (iso) {
      best = Math.max(best ?? 0, Number(iso[1]) * 10000 + Number(iso[2]) * 100 + Number(iso[3] ?? 0));
      continue;
    }
    if (!/^(?:19|20)\d\d$/.test(w)) continue;
    const year = Number(w);
    let month = 0;
    let day = 0;
    const dayAt = (k: number) => (words[k] && /^\d{1,2}$/.test(words[k]) && Number(words[k]) <= 31 ? Number(words[k]) : 0);
    // `de mayo de 2026`, `mai 2026`, `March 12, 2026`, `12. Mai 2026`.
    const before = words[i - 1] === 'de' || words[i - 1] === 'del' ? i - 2 : i - 1;
    if (monthOf(words[before])) {
      month = monthOf(words[before]);
      day = dayAt(before - 1) || dayAt(before - 2);
    } else if (dayAt(before) && monthOf(words[before - 1])) {
      month = monthOf(words[before - 1]);
      day = dayAt(before);
    }
    const q = /^q([1-4])$/.exec(words[i - 1] ?? '');
    if (q) month = Number(q[1]) * 3;
    best = Math.max(best ?? 0, year * 10000 + month * 100 + day);
  }
  return best;
}
