import { HTML_TAG_RE, linkDestination, linkTitle, safeLink } from './blocks';
import { decodeEntity } from './entities';

/**
 * The inline Markdown of a value, read the way CommonMark (and markdown-it, VS Code's preview)
 * reads it, far enough to give its text: code spans, backslash escapes, entities, emphasis and
 * strikethrough delimiters, links and images, autolinks and raw HTML. The result is a flat list
 * of tokens (`plainText` and `isItalicNote` in markdown.ts read it); nothing is rendered.
 *
 * Linear in the text: the one search that could go back over the text again and again (the end
 * of a link's label, for each `[`) has a budget proportional to the text, beyond which a `[`
 * is text.
 */

export type InlineType =
  | 'text'
  | 'code_inline'
  | 'softbreak'
  | 'hardbreak'
  | 'html_inline'
  | 'image'
  | 'link_open'
  | 'link_close'
  | 'em_open'
  | 'em_close'
  | 'strong_open'
  | 'strong_close'
  | 's_open'
  | 's_close';

export interface InlineToken {
  type: InlineType;
  /** Text, code, HTML; an image's label as written. */
  content: string;
}

interface Delimiter {
  marker: number;
  /** The length of the run the delimiter is part of (0 for `~~`). */
  length: number;
  token: number;
  end: number;
  open: boolean;
  close: boolean;
}

interface State {
  src: string;
  pos: number;
  posMax: number;
  pending: string;
  tokens: InlineToken[];
  /** The delimiter list being filled (one per link text, and the whole text's). */
  delimiters: Delimiter[];
  outerDelimiters: Delimiter[][];
  allDelimiters: Delimiter[][];
  /** Open links: a link holds no link. */
  level: number;
  /** Where each code span length's last run of backticks starts. */
  lastRuns: Map<number, number> | undefined;
  skipHtmlSpecial: boolean;
  /** Where a token that starts at an offset ends (in the search for a label's end). */
  skipCache: Map<number, number>;
  /** Characters the search for labels' ends may still step over. */
  labelBudget: number;
}

const MAX_NESTING = 20;

type Rule = (s: State, silent: boolean) => boolean;

const isSpace = (c: number) => c === 0x20 || c === 0x09;

function isWhiteSpace(code: number): boolean {
  if (code >= 0x2000 && code <= 0x200a) return true;
  return code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d || code === 0x20 || code === 0xa0 || code === 0x1680 || code === 0x202f || code === 0x205f || code === 0x3000;
}

const ASCII_PUNCT = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.split('').map((c) => c.charCodeAt(0)));
const UNICODE_PUNCT = /[\p{P}\p{S}]/u;

function isPunct(code: number): boolean {
  return ASCII_PUNCT.has(code) || UNICODE_PUNCT.test(String.fromCodePoint(code));
}

function pushPending(s: State): void {
  s.tokens.push({ type: 'text', content: s.pending });
  s.pending = '';
}

function push(s: State, type: InlineType, content = ''): void {
  if (s.pending) pushPending(s);
  if (type === 'link_close') {
    s.level--;
    s.delimiters = s.outerDelimiters.pop() ?? [];
  }
  s.tokens.push({ type, content });
  if (type === 'link_open') {
    s.level++;
    s.outerDelimiters.push(s.delimiters);
    s.delimiters = [];
    s.allDelimiters.push(s.delimiters);
  }
}

/** Whether a run of `*`, `_` or `~` at `start` can open or close emphasis (CommonMark's flanking rules). */
function scanDelims(s: State, start: number, canSplitWord: boolean): { canOpen: boolean; canClose: boolean; length: number } {
  const src = s.src;
  let lastChar: number;
  if (start === 0) lastChar = 0x20;
  else {
    lastChar = src.charCodeAt(start - 1);
    if ((lastChar & 0xfc00) === 0xdc00 && start >= 2) {
      const high = src.charCodeAt(start - 2);
      lastChar = (high & 0xfc00) === 0xd800 ? 0x10000 + ((high - 0xd800) << 10) + (lastChar - 0xdc00) : 0xfffd;
    } else if ((lastChar & 0xf800) === 0xd800) lastChar = 0xfffd;
  }
  let pos = start;
  const marker = src.charCodeAt(start);
  while (pos < s.posMax && src.charCodeAt(pos) === marker) pos++;
  const count = pos - start;
  let nextChar = pos < s.posMax ? src.charCodeAt(pos) : 0x20;
  if ((nextChar & 0xfc00) === 0xd800) {
    const low = src.charCodeAt(pos + 1);
    nextChar = (low & 0xfc00) === 0xdc00 ? 0x10000 + ((nextChar - 0xd800) << 10) + (low - 0xdc00) : 0xfffd;
  } else if ((nextChar & 0xfc00) === 0xdc00) nextChar = 0xfffd;
  const lastPunct = isPunct(lastChar);
  const nextPunct = isPunct(nextChar);
  const lastWhite = isWhiteSpace(lastChar);
  const nextWhite = isWhiteSpace(nextChar);
  const leftFlanking = !nextWhite && (!nextPunct || lastWhite || lastPunct);
  const rightFlanking = !lastWhite && (!lastPunct || nextWhite || nextPunct);
  return {
    canOpen: leftFlanking && (canSplitWord || !rightFlanking || lastPunct),
    canClose: rightFlanking && (canSplitWord || !leftFlanking || nextPunct),
    length: count,
  };
}

// ---- Rules, in the order they are tried ------------------------------------------------------

const TERMINATORS = new Set('\n!#$%&*+-:<=>@[\\]^_`{}~'.split('').map((c) => c.charCodeAt(0)));

const text: Rule = (s, silent) => {
  let pos = s.pos;
  while (pos < s.posMax && !TERMINATORS.has(s.src.charCodeAt(pos))) pos++;
  if (pos === s.pos) return false;
  if (!silent) s.pending += s.src.slice(s.pos, pos);
  s.pos = pos;
  return true;
};

const newline: Rule = (s, silent) => {
  let pos = s.pos;
  if (s.src.charCodeAt(pos) !== 0x0a) return false;
  if (!silent) {
    const last = s.pending.length - 1;
    if (last >= 0 && s.pending.charCodeAt(last) === 0x20) {
      let ws = last;
      while (ws >= 1 && s.pending.charCodeAt(ws - 1) === 0x20) ws--;
      s.pending = s.pending.slice(0, ws);
      push(s, last - ws >= 1 ? 'hardbreak' : 'softbreak');
    } else push(s, 'softbreak');
  }
  pos++;
  while (pos < s.posMax && isSpace(s.src.charCodeAt(pos))) pos++;
  s.pos = pos;
  return true;
};

const escape: Rule = (s, silent) => {
  let pos = s.pos;
  if (s.src.charCodeAt(pos) !== 0x5c) return false;
  pos++;
  if (pos >= s.posMax) return false;
  const ch = s.src.charCodeAt(pos);
  if (ch === 0x0a) {
    if (!silent) push(s, 'hardbreak');
    pos++;
    while (pos < s.posMax && isSpace(s.src.charCodeAt(pos))) pos++;
    s.pos = pos;
    return true;
  }
  if (ch === 0x20) {
    if (!silent) s.pending += '\\';
    s.pos = pos;
    return true;
  }
  let escaped = s.src[pos];
  if (ch >= 0xd800 && ch <= 0xdbff && pos + 1 < s.posMax) {
    const low = s.src.charCodeAt(pos + 1);
    if (low >= 0xdc00 && low <= 0xdfff) escaped += s.src[++pos];
  }
  if (!silent) s.pending += ASCII_PUNCT.has(ch) ? escaped : '\\' + escaped;
  s.pos = pos + 1;
  return true;
};

function lastRuns(src: string): Map<number, number> {
  const runs = new Map<number, number>();
  let pos = 0;
  while ((pos = src.indexOf('`', pos)) !== -1) {
    const start = pos;
    while (src.charCodeAt(++pos) === 0x60);
    runs.set(pos - start, start);
  }
  return runs;
}

const backtick: Rule = (s, silent) => {
  const start = s.pos;
  if (s.src.charCodeAt(start) !== 0x60) return false;
  let pos = start + 1;
  while (pos < s.posMax && s.src.charCodeAt(pos) === 0x60) pos++;
  const marker = s.src.slice(start, pos);
  s.lastRuns ??= lastRuns(s.src);
  if ((s.lastRuns.get(marker.length) ?? -1) >= pos) {
    let matchEnd = pos;
    let matchStart: number;
    while ((matchStart = s.src.indexOf('`', matchEnd)) !== -1 && matchStart < s.posMax) {
      matchEnd = matchStart + 1;
      while (s.src.charCodeAt(matchEnd) === 0x60) matchEnd++;
      if (matchEnd > s.posMax) break;
      if (matchEnd - matchStart === marker.length) {
        if (!silent) {
          let content = s.src.slice(pos, matchStart).replace(/\n/g, ' ');
          if (content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)) content = content.slice(1, -1);
          push(s, 'code_inline', content);
        }
        s.pos = matchEnd;
        return true;
      }
    }
  }
  if (!silent) s.pending += marker;
  s.pos = pos;
  return true;
};

const strikethrough: Rule = (s, silent) => {
  if (silent || s.src.charCodeAt(s.pos) !== 0x7e) return false;
  const scanned = scanDelims(s, s.pos, true);
  let len = scanned.length;
  if (len < 2) return false;
  if (len % 2) {
    push(s, 'text', '~');
    len--;
  }
  for (let i = 0; i < len; i += 2) {
    push(s, 'text', '~~');
    s.delimiters.push({ marker: 0x7e, length: 0, token: s.tokens.length - 1, end: -1, open: scanned.canOpen, close: scanned.canClose });
  }
  s.pos += scanned.length;
  return true;
};

const emphasis: Rule = (s, silent) => {
  const marker = s.src.charCodeAt(s.pos);
  if (silent || (marker !== 0x5f && marker !== 0x2a)) return false;
  const scanned = scanDelims(s, s.pos, marker === 0x2a);
  for (let i = 0; i < scanned.length; i++) {
    push(s, 'text', String.fromCharCode(marker));
    s.delimiters.push({ marker, length: scanned.length, token: s.tokens.length - 1, end: -1, open: scanned.canOpen, close: scanned.canClose });
  }
  s.pos += scanned.length;
  return true;
};

/** The end of a link's or image's label (`[label]`), or -1. */
function labelEnd(s: State, start: number, disableNested: boolean): number {
  const oldPos = s.pos;
  let level = 1;
  let found = false;
  s.pos = start + 1;
  while (s.pos < s.posMax) {
    if (--s.labelBudget < 0) break;
    const marker = s.src.charCodeAt(s.pos);
    if (marker === 0x5d && --level === 0) {
      found = true;
      break;
    }
    const prevPos = s.pos;
    skipToken(s);
    if (marker === 0x5b) {
      if (prevPos === s.pos - 1) level++;
      else if (disableNested) {
        s.pos = oldPos;
        return -1;
      }
    }
  }
  const end = found ? s.pos : -1;
  s.pos = oldPos;
  return end;
}

/** `(destination "title")` after a label: where it ends, or -1. */
function inlineTarget(s: State, from: number, image: boolean): number {
  const max = s.posMax;
  let pos = from;
  if (pos >= max || s.src.charCodeAt(pos) !== 0x28) return -1;
  pos++;
  while (pos < max && (isSpace(s.src.charCodeAt(pos)) || s.src.charCodeAt(pos) === 0x0a)) pos++;
  if (pos >= max) return -1;
  const dest = linkDestination(s.src, pos, max);
  if (dest.ok && safeLink(unescapePunct(dest.str))) pos = dest.pos;
  // A link reads a title only after a destination; an image tries one in any case.
  if (dest.ok || image) {
    const start = pos;
    while (pos < max && (isSpace(s.src.charCodeAt(pos)) || s.src.charCodeAt(pos) === 0x0a)) pos++;
    const title = linkTitle(s.src, pos, max);
    if (pos < max && start !== pos && title.ok) {
      pos = title.pos;
      while (pos < max && (isSpace(s.src.charCodeAt(pos)) || s.src.charCodeAt(pos) === 0x0a)) pos++;
    }
  }
  if (pos >= max || s.src.charCodeAt(pos) !== 0x29) return -1;
  return pos + 1;
}

function unescapePunct(str: string): string {
  return str.includes('\\') ? str.replace(/\\([!-/:-@[-`{-~])/g, '$1') : str;
}

/** `[text](destination "title")`: the text is read as inline content; references are not links here. */
const link: Rule = (s, silent) => {
  if (s.src.charCodeAt(s.pos) !== 0x5b) return false;
  const max = s.posMax;
  const labelStart = s.pos + 1;
  const end = labelEnd(s, s.pos, true);
  if (end < 0) return false;
  const after = inlineTarget(s, end + 1, false);
  if (after < 0) return false;
  if (!silent) {
    s.pos = labelStart;
    s.posMax = end;
    push(s, 'link_open');
    tokenizeRange(s);
    push(s, 'link_close');
  }
  s.pos = after;
  s.posMax = max;
  return true;
};

const image: Rule = (s, silent) => {
  if (s.src.charCodeAt(s.pos) !== 0x21 || s.src.charCodeAt(s.pos + 1) !== 0x5b) return false;
  const labelStart = s.pos + 2;
  const end = labelEnd(s, s.pos + 1, false);
  if (end < 0) return false;
  const after = inlineTarget(s, end + 1, true);
  if (after < 0) return false;
  if (!silent) push(s, 'image', s.src.slice(labelStart, end));
  s.pos = after;
  return true;
};

const EMAIL_RE = /^([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)$/;
const AUTOLINK_RE = /^([a-zA-Z][a-zA-Z0-9+.-]{1,31}):([^<>\x00-\x20]*)$/;

/** `<https://…>`, `<name@example.org>`: the address is the text. */
const autolink: Rule = (s, silent) => {
  let pos = s.pos;
  if (s.src.charCodeAt(pos) !== 0x3c) return false;
  for (;;) {
    if (++pos >= s.posMax) return false;
    const ch = s.src.charCodeAt(pos);
    if (ch === 0x3c) return false;
    if (ch === 0x3e) break;
  }
  const url = s.src.slice(s.pos + 1, pos);
  const isUrl = AUTOLINK_RE.test(url);
  if (!isUrl && !EMAIL_RE.test(url)) return false;
  if (isUrl && !safeLink(url)) return false;
  if (!silent) {
    push(s, 'link_open');
    push(s, 'text', decodePercents(url));
    push(s, 'link_close');
  }
  s.pos += url.length + 2;
  return true;
};

/** Percent-encoded UTF-8 decoded for reading, except what would change the address's parts. */
function decodePercents(url: string): string {
  return url.replace(/(?:%[a-fA-F0-9]{2})+/g, (seq) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(seq);
    } catch {
      return seq;
    }
    return decoded.replace(/[;/?:@&=+$,#%]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  });
}

const isLetter = (ch: number) => (ch | 32) >= 0x61 && (ch | 32) <= 0x7a;

/** The end of a comment, processing instruction, declaration or CDATA section at `pos`, or -1. */
function scanSpecial(s: State, pos: number): number {
  const src = s.src;
  let start: number;
  let terminator: string;
  if (src.startsWith('<!--', pos)) {
    if (src.startsWith('>', pos + 4)) return pos + 5;
    if (src.startsWith('->', pos + 4)) return pos + 6;
    start = pos + 4;
    terminator = '-->';
  } else if (src.startsWith('<![CDATA[', pos)) {
    start = pos + 9;
    terminator = ']]>';
  } else if (src.charCodeAt(pos + 1) === 0x3f) {
    start = pos + 2;
    terminator = '?>';
  } else if (isLetter(src.charCodeAt(pos + 2))) {
    start = pos + 3;
    terminator = '>';
  } else return -1;
  if (s.skipHtmlSpecial) return -1;
  const end = src.indexOf(terminator, start);
  if (end < 0) {
    // None further on: none for any later one either.
    s.skipHtmlSpecial = true;
    return -1;
  }
  return end + terminator.length;
}

const htmlInline: Rule = (s, silent) => {
  const pos = s.pos;
  if (s.src.charCodeAt(pos) !== 0x3c || pos + 2 >= s.posMax) return false;
  const ch = s.src.charCodeAt(pos + 1);
  let end: number;
  if (ch === 0x21 || ch === 0x3f) end = scanSpecial(s, pos);
  else if (ch === 0x2f || isLetter(ch)) {
    HTML_TAG_RE.lastIndex = pos;
    end = HTML_TAG_RE.test(s.src) ? HTML_TAG_RE.lastIndex : -1;
  } else return false;
  if (end < 0) return false;
  if (!silent) push(s, 'html_inline', s.src.slice(pos, end));
  s.pos = end;
  return true;
};

const DIGITAL_RE = /&#((?:x[a-f0-9]{1,6}|[0-9]{1,7}));/iy;
const NAMED_RE = /&([a-z][a-z0-9]{1,31});/iy;

const entity: Rule = (s, silent) => {
  const pos = s.pos;
  if (s.src.charCodeAt(pos) !== 0x26 || pos + 1 >= s.posMax) return false;
  const re = s.src.charCodeAt(pos + 1) === 0x23 ? DIGITAL_RE : NAMED_RE;
  re.lastIndex = pos;
  const match = re.exec(s.src);
  if (!match) return false;
  const decoded = decodeEntity(match[0]);
  if (decoded === undefined) return false;
  if (!silent) s.pending += decoded;
  s.pos += match[0].length;
  return true;
};

const RULES: readonly Rule[] = [text, newline, escape, backtick, strikethrough, emphasis, link, image, autolink, htmlInline, entity];

/** Steps over the token at the position (in the search for a label's end). */
function skipToken(s: State): void {
  const pos = s.pos;
  const cached = s.skipCache.get(pos);
  if (cached !== undefined) {
    s.pos = cached;
    return;
  }
  let ok = false;
  if (s.level < MAX_NESTING) {
    for (const rule of RULES) {
      s.level++;
      ok = rule(s, true);
      s.level--;
      if (ok) break;
    }
  } else s.pos = s.posMax;
  if (!ok) s.pos++;
  s.skipCache.set(pos, s.pos);
}

function tokenizeRange(s: State): void {
  const end = s.posMax;
  while (s.pos < end) {
    let ok = false;
    if (s.level < MAX_NESTING) {
      for (const rule of RULES) {
        if (rule(s, false)) {
          ok = true;
          break;
        }
      }
    }
    if (ok) {
      if (s.pos >= end) break;
      continue;
    }
    s.pending += s.src[s.pos++];
  }
  if (s.pending) pushPending(s);
}

/** Pairs openers and closers of one delimiter list (CommonMark's "process emphasis", with its bounds). */
function balancePairs(delimiters: Delimiter[]): void {
  const openersBottom = new Map<number, number[]>();
  const max = delimiters.length;
  if (!max) return;
  let headerIdx = 0;
  let lastTokenIdx = -2;
  const jumps: number[] = [];
  for (let closerIdx = 0; closerIdx < max; closerIdx++) {
    const closer = delimiters[closerIdx];
    jumps.push(0);
    if (delimiters[headerIdx].marker !== closer.marker || lastTokenIdx !== closer.token - 1) headerIdx = closerIdx;
    lastTokenIdx = closer.token;
    closer.length = closer.length || 0;
    if (!closer.close) continue;
    if (!openersBottom.has(closer.marker)) openersBottom.set(closer.marker, [-1, -1, -1, -1, -1, -1]);
    const bottoms = openersBottom.get(closer.marker)!;
    const minOpenerIdx = bottoms[(closer.open ? 3 : 0) + (closer.length % 3)];
    let openerIdx = headerIdx - jumps[headerIdx] - 1;
    let newMinOpenerIdx = openerIdx;
    for (; openerIdx > minOpenerIdx; openerIdx -= jumps[openerIdx] + 1) {
      const opener = delimiters[openerIdx];
      if (opener.marker !== closer.marker) continue;
      if (opener.open && opener.end < 0) {
        // The rule of three: a run that can both open and close pairs only with lengths that are not a multiple of three together.
        const isOddMatch = (opener.close || closer.open) && (opener.length + closer.length) % 3 === 0 && (opener.length % 3 !== 0 || closer.length % 3 !== 0);
        if (!isOddMatch) {
          const lastJump = openerIdx > 0 && !delimiters[openerIdx - 1].open ? jumps[openerIdx - 1] + 1 : 0;
          jumps[closerIdx] = closerIdx - openerIdx + lastJump;
          jumps[openerIdx] = lastJump;
          closer.open = false;
          opener.end = closerIdx;
          opener.close = false;
          newMinOpenerIdx = -1;
          lastTokenIdx = -2;
          break;
        }
      }
    }
    if (newMinOpenerIdx !== -1) bottoms[(closer.open ? 3 : 0) + ((closer.length || 0) % 3)] = newMinOpenerIdx;
  }
}

function strikethroughPairs(s: State, delimiters: Delimiter[]): void {
  const loneMarkers: number[] = [];
  for (const startDelim of delimiters) {
    if (startDelim.marker !== 0x7e || startDelim.end === -1) continue;
    const endDelim = delimiters[startDelim.end];
    s.tokens[startDelim.token] = { type: 's_open', content: '' };
    s.tokens[endDelim.token] = { type: 's_close', content: '' };
    const before = s.tokens[endDelim.token - 1];
    if (before.type === 'text' && before.content === '~') loneMarkers.push(endDelim.token - 1);
  }
  // A lone `~` before a closing `~~` goes after it: it is not struck through.
  while (loneMarkers.length) {
    const i = loneMarkers.pop()!;
    let j = i + 1;
    while (j < s.tokens.length && s.tokens[j].type === 's_close') j++;
    j--;
    if (i !== j) [s.tokens[i], s.tokens[j]] = [s.tokens[j], s.tokens[i]];
  }
}

function emphasisPairs(s: State, delimiters: Delimiter[]): void {
  for (let i = delimiters.length - 1; i >= 0; i--) {
    const startDelim = delimiters[i];
    if ((startDelim.marker !== 0x5f && startDelim.marker !== 0x2a) || startDelim.end === -1) continue;
    const endDelim = delimiters[startDelim.end];
    const isStrong =
      i > 0 &&
      delimiters[i - 1].end === startDelim.end + 1 &&
      delimiters[i - 1].marker === startDelim.marker &&
      delimiters[i - 1].token === startDelim.token - 1 &&
      delimiters[startDelim.end + 1].token === endDelim.token + 1;
    s.tokens[startDelim.token] = { type: isStrong ? 'strong_open' : 'em_open', content: '' };
    s.tokens[endDelim.token] = { type: isStrong ? 'strong_close' : 'em_close', content: '' };
    if (isStrong) {
      s.tokens[delimiters[i - 1].token].content = '';
      s.tokens[delimiters[startDelim.end + 1].token].content = '';
      i--;
    }
  }
}

/** The inline tokens of a text, adjacent text joined. */
export function parseInline(src: string): InlineToken[] {
  const text = src.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\ufffd');
  const root: Delimiter[] = [];
  const s: State = {
    src: text,
    pos: 0,
    posMax: text.length,
    pending: '',
    tokens: [],
    delimiters: root,
    outerDelimiters: [],
    allDelimiters: [root],
    level: 0,
    lastRuns: undefined,
    skipHtmlSpecial: false,
    skipCache: new Map(),
    labelBudget: 16 * text.length + 4096,
  };
  tokenizeRange(s);
  for (const list of s.allDelimiters) balancePairs(list);
  for (const list of s.allDelimiters) strikethroughPairs(s, list);
  for (const list of s.allDelimiters) emphasisPairs(s, list);
  const joined: InlineToken[] = [];
  for (const t of s.tokens) {
    const last = joined[joined.length - 1];
    if (t.type === 'text' && last?.type === 'text') last.content += t.content;
    else joined.push(t.type === 'text' ? { type: 'text', content: t.content } : t);
  }
  return joined;
}
