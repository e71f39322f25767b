/*
 * A partner's identity, as records are matched by name (the tracker import's "already has a
 * record", its repeated rows, attribution's utm source and campaign): names that look the same
 * are the same partner. The key is the name in NFKC (full-width letters, ligatures and the
 * Kelvin sign become their plain forms; a decomposed "Café" is composed), with the characters
 * that show nothing removed (zero-width spaces and joiners, the word joiner, soft hyphens, byte
 * order marks, variation selectors), case folded (upper-cased, then lower-cased, so that `ß` and
 * `SS` agree), and runs of white space as one space, trimmed.
 */

/** Characters that show nothing: zero-width space, non-joiner and joiner, LRM/RLM, word joiner and invisible operators, BOM, soft hyphen, Mongolian vowel separator, variation selectors. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f\ufeff]|\udb40[\udd00-\uddef]/g;

/** The key two partner names are compared by: equal keys, the same partner. */
export function partnerKey(name: string): string {
  return String(name)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim();
}
