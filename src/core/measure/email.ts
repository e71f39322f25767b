/*
 * Emails as member lists hold them, normalised the one way both partners can repeat with any
 * tool, byte for byte (the README states these steps and its shell one-liner does exactly them
 * with sed and tr):
 * 1. ASCII white space (space, tab, CR, LF, vertical tab, form feed) and double quotes are
 *    removed from both ends;
 * 2. a cell that then ends with `>` and holds a `<` (`Name <address>`, copied from a mail app)
 *    keeps only what lies between its last `<` and that `>`, ASCII white space removed from
 *    both ends;
 * 3. a leading `mailto:` (any case) is removed, and the ASCII white space after it;
 * 4. the letters A-Z are lower-cased; no other character is changed.
 * Only A-Z: lower-casing beyond ASCII is where tools disagree (the Unicode version each one
 * knows, the dotted capital I, the Kelvin sign), and a partner's hash must not depend on the
 * tool. No dots or `+tags` are dropped either. The address is then checked (the one-liner
 * hashes every line; a cell that is not an address is counted as bad here).
 */

export type EmailRead = { ok: true; email: string } | { ok: false; reason: string };

const MAX_EMAIL = 254;

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** The text without ASCII white space (and, with `quotes`, double quotes) at either end. */
function trimAscii(text: string, quotes: boolean): string {
  let s = 0;
  let e = text.length;
  while (s < e && isTrimmed(text.charCodeAt(s), quotes)) s++;
  while (e > s && isTrimmed(text.charCodeAt(e - 1), quotes)) e--;
  return s === 0 && e === text.length ? text : text.slice(s, e);
}

function isTrimmed(c: number, quotes: boolean): boolean {
  return isAsciiSpace(c) || (quotes && c === 34);
}

/** Whether the text starts with `mailto:`, in any case of its ASCII letters (as `/^mailto:/i` reads it). */
function startsWithMailto(text: string): boolean {
  if (text.length < 7 || text.charCodeAt(6) !== 58) return false;
  for (let i = 0; i < 6; i++) if ((text.charCodeAt(i) | 32) !== MAILTO.charCodeAt(i)) return false;
  return true;
}
const MAILTO = 'mailto';

/** The letters A-Z lower-cased, no other character changed. */
function lowerAsciiLetters(text: string): string {
  let upper = false;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 128) ascii = false;
  }
  if (!upper) return text;
  // In ASCII text, toLowerCase changes only A-Z; beyond it, only A-Z may be changed here.
  return ascii ? text.toLowerCase() : text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** Steps 1-4 of the normalisation above: what is hashed, before the address is checked. */
export function normaliseEmailText(cell: string): string {
  let text = trimAscii(cell, true);
  if (text.charCodeAt(text.length - 1) === 62) {
    const lt = text.lastIndexOf('<');
    if (lt >= 0) text = trimAscii(text.slice(lt + 1, -1), false);
  }
  if (startsWithMailto(text)) text = trimAscii(text.slice(7), false);
  return lowerAsciiLetters(text);
}

/** The address in a cell, normalised, or why it is not one. */
export function normaliseEmail(cell: string): EmailRead {
  const email = normaliseEmailText(cell);
  if (email === '') return { ok: false, reason: 'no email' };
  if (email.length > MAX_EMAIL) return { ok: false, reason: `the email is over ${MAX_EMAIL} characters` };
  const problem = addressProblem(email);
  return problem ? { ok: false, reason: `${JSON.stringify(shorten(cell.trim()))} is not an email address (${problem})` } : { ok: true, email };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A plain check, character by character (no backtracking): one @, a local part, a domain with a dot. */
function addressProblem(email: string): string | undefined {
  const at = email.indexOf('@');
  if (at < 0) return 'no @';
  if (email.indexOf('@', at + 1) >= 0) return 'more than one @';
  if (at === 0) return 'nothing before the @';
  if (at === email.length - 1) return 'nothing after the @';
  for (let i = 0; i < email.length; i++) {
    const c = email.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 44 || c === 59 || c === 34 || c === 60 || c === 62) return 'a space, comma, semicolon, quote or bracket in it';
  }
  // The domain is what follows the @ (indexes into the address: no copies of its parts).
  const dot = email.lastIndexOf('.');
  if (dot <= at + 1 || dot === email.length - 1) return 'the domain has no dot';
  if (email.indexOf('..', at + 1) >= 0 || email.charCodeAt(at + 1) === 45) return 'the domain is not well formed';
  return undefined;
}
