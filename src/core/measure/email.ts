/*
 * Emails as member lists hold them, normalised the one way both partners can repeat with any
 * tool: trimmed and lower-cased, nothing else (no dropped dots or `+tags`: the partner's
 * one-liner must give the same bytes). A cell may hold `Name <address>` or `mailto:address`
 * (copied from a mail app): the address is taken out of it first.
 */

export type EmailRead = { ok: true; email: string } | { ok: false; reason: string };

const MAX_EMAIL = 254;

/** The address in a cell, trimmed and lower-cased, or why it is not one. */
export function normaliseEmail(cell: string): EmailRead {
  let text = cell.trim();
  if (text === '') return { ok: false, reason: 'no email' };
  const lt = text.lastIndexOf('<');
  if (lt >= 0 && text.endsWith('>')) text = text.slice(lt + 1, -1).trim();
  if ((text.charCodeAt(0) | 32) === 109 && text.slice(0, 7).toLowerCase() === 'mailto:') text = text.slice(7).trim();
  const email = text.toLowerCase();
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
