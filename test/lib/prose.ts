/**
 * Mechanical checks of text the extension writes for people to read (the pitch above all):
 * what a careful reader would notice first. Shared by the unit tests and the VS Code tests.
 */
import { findPlaceholders } from '../../src/core/placeholders';

export interface ProseOptions {
  /** The word limit of the text, if it has one. */
  wordLimit?: number;
  /** Numbers that must appear at most once (the community's size: "12,000"). */
  once?: string[];
  /**
   * Words that may carry a capital in mid-sentence (names, "I"). When given, any other word
   * capitalised after a lower-case word is reported: the telltale of a value pasted in as it
   * started its own line ("a community of 12,000 Backend developers").
   */
  names?: string[];
  /** Whether unfilled `[placeholders]` are allowed (a prefilled draft still has some). */
  placeholdersAllowed?: boolean;
}

/** Words as a reader counts them. */
export function words(text: string): number {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/**
 * The sentences of a text: split at `.`, `!` or `?` followed by a space, and at line breaks.
 * List markers and the salutation are not sentences of their own but still start one.
 */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A sentence that starts with a lower-case letter; `iOS`, `eBay` and `r/rust` are names. */
export function startsLowerCase(sentence: string): boolean {
  const word = /^[\p{L}][\p{L}\p{N}'’/-]*/u.exec(sentence)?.[0];
  if (!word) return false;
  if (/\p{Lu}/u.test(word.slice(1)) || word.includes('/')) return false;
  return /^\p{Ll}/u.test(word);
}

/** Phrases of four words (lower-cased, punctuation ignored) said more than once. */
export function repeated4(text: string): string[] {
  const w = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .filter(Boolean);
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (let i = 0; i + 4 <= w.length; i++) {
    const g = w.slice(i, i + 4).join(' ');
    if (seen.has(g)) twice.add(g);
    seen.add(g);
  }
  return [...twice];
}

function occurrences(text: string, needle: string): number {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return (text.match(new RegExp(`(?<![\\d,.])${escaped}(?![\\d]|[,.]\\d)`, 'g')) ?? []).length;
}

/** Every problem a careful reader would point at, in words; empty when the text passes. */
export function proseProblems(text: string, opts: ProseOptions = {}): string[] {
  const problems: string[] = [];
  for (const s of sentences(text)) if (startsLowerCase(s)) problems.push(`a sentence starts in lower case: "${s.slice(0, 60)}"`);
  for (const g of repeated4(text)) problems.push(`a phrase is said twice: "${g}"`);
  for (const n of opts.once ?? []) {
    const k = occurrences(text, n);
    if (k > 1) problems.push(`${n} is stated ${k} times`);
  }
  if (opts.wordLimit !== undefined && words(text) > opts.wordLimit) problems.push(`${words(text)} words, over the limit of ${opts.wordLimit}`);
  if (!opts.placeholdersAllowed) {
    const left = findPlaceholders(text).map((p) => p.text);
    if (left.length) problems.push(`placeholders left: ${left.join(', ')}`);
  }
  if (opts.names) {
    const allowed = new Set(['I', ...opts.names.flatMap((n) => n.split(/\s+/))]);
    for (const s of sentences(text)) {
      const w = s.split(/\s+/);
      for (let i = 1; i < w.length; i++) {
        const word = w[i].replace(/^[("'“]+|[^\p{L}\p{N}]+$/gu, '');
        const before = w[i - 1];
        if (/^\p{Lu}\p{Ll}/u.test(word) && /^\p{Ll}/u.test(before) && !/[:;]$/.test(before) && !allowed.has(word) && !allowed.has(word.replace(/['’]s$/, ''))) {
          problems.push(`a capital in mid-sentence: "${before} ${word}"`);
        }
      }
    }
  }
  return problems;
}
