/**
 * HTML character references as they turn up in context files: numeric ones (`&#8217;`,
 * `&#x2019;`) and the named ones people and editors write (Latin-1 letters and signs,
 * typographic quotes and dashes, arrows, a few symbols). A name not listed stays as written,
 * as an unknown one does in HTML.
 */

/** Latin-1's names, from U+00A0 on, in order. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

/** Other names and their code points. */
const OTHERS: Record<string, number> = {
  quot: 0x22, amp: 0x26, apos: 0x27, lt: 0x3c, gt: 0x3e, lpar: 0x28, rpar: 0x29, ast: 0x2a, plus: 0x2b, comma: 0x2c, period: 0x2e, sol: 0x2f,
  colon: 0x3a, semi: 0x3b, equals: 0x3d, quest: 0x3f, commat: 0x40, lsqb: 0x5b, bsol: 0x5c, rsqb: 0x5d, lowbar: 0x5f, grave: 0x60, lcub: 0x7b,
  verbar: 0x7c, vert: 0x7c, rcub: 0x7d, excl: 0x21, num: 0x23, dollar: 0x24, percnt: 0x25, Tab: 0x09, NewLine: 0x0a,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f, ndash: 0x2013, mdash: 0x2014,
  lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d, bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021,
  bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032, Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, euro: 0x20ac,
  trade: 0x2122, larr: 0x2190, uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194, lArr: 0x21d0, rArr: 0x21d2, hArr: 0x21d4,
  minus: 0x2212, le: 0x2264, ge: 0x2265, ne: 0x2260, asymp: 0x2248, infin: 0x221e, check: 0x2713, cross: 0x2717, star: 0x2606,
  starf: 0x2605, hearts: 0x2665, spades: 0x2660, clubs: 0x2663, diams: 0x2666, loz: 0x25ca, nbhy: 0x2011, hyphen: 0x2010,
  dash: 0x2010, horbar: 0x2015, laquo: 0xab, raquo: 0xbb, half: 0xbd, numero: 0x2116, copysr: 0x2117, alpha: 0x3b1, beta: 0x3b2,
  gamma: 0x3b3, delta: 0x3b4, mu: 0x3bc, pi: 0x3c0, sigma: 0x3c3, omega: 0x3c9, Delta: 0x394, Omega: 0x3a9,
};

const NAMES = new Map<string, string>([
  ...LATIN1.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(0xa0 + i)]),
  ...Object.entries(OTHERS).map(([name, code]): [string, string] => [name, String.fromCodePoint(code)]),
]);

/** Whether a numeric reference names a character that may stand in text (HTML's rules). */
function isValidCode(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xfdd0 && c <= 0xfdef) return false;
  if ((c & 0xffff) === 0xffff || (c & 0xffff) === 0xfffe) return false;
  if (c <= 0x08 || c === 0x0b || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f)) return false;
  return c <= 0x10ffff;
}

/** The character of `&name;`, `&#123;` or `&#x7B;`; undefined for a name not known. */
export function decodeEntity(ref: string): string | undefined {
  if (ref[1] === '#') {
    const hex = ref[2] === 'x' || ref[2] === 'X';
    const code = parseInt(ref.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    return isValidCode(code) ? String.fromCodePoint(code) : '\ufffd';
  }
  return NAMES.get(ref.slice(1, -1));
}
