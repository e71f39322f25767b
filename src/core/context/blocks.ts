/**
 * The block structure of a Markdown document, as the context reader needs it: which lines form
 * a heading, a paragraph, a list and its items, a table and its rows, a block quote, an HTML
 * block or a code block, with each paragraph's text (its container markers removed). It follows
 * CommonMark as markdown-it reads it (VS Code's preview), with GitHub's tables; nothing inline is
 * parsed here (see inline.ts), and nothing is ever rendered.
 *
 * The scan works on lines: each line's start, end, first non-space and indentation width are
 * measured once; a container (block quote, list item) moves a line's start past its marker while
 * its content is read, and puts it back after. Every rule looks at a bounded part of a line or
 * moves forward over lines, so the time is linear in the text; containers nested deeper than
 * `MAX_NESTING` end the reading of that container (as markdown-it does), which bounds recursion.
 */

export type BlockType =
  | 'heading'
  | 'paragraph'
  | 'bullet_list'
  | 'ordered_list'
  | 'list_item'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'blockquote'
  | 'html_block'
  | 'fence'
  | 'code_block'
  | 'hr';

/** A block of the document with its children (list items, nested lists, table rows). */
export interface Block {
  type: BlockType;
  /** 0-based first line and the line after the last, in the text given to `parseBlocks`. */
  map: [number, number];
  children: Block[];
  /** Paragraph and heading: the text, lines joined with `\n`, container markers and indentation removed. */
  inline?: string;
  /** Heading: 1 to 6. */
  level?: number;
  /** Fence: the text after the opening marker, the marker (```` ``` ````, `~~~~`) and the lines inside. */
  info?: string;
  markup?: string;
  content?: string;
}

/** Open containers (block quotes, lists, list items) beyond which a container's content is not read. */
const MAX_NESTING = 20;

type Rule = (s: State, startLine: number, endLine: number, silent: boolean) => boolean;

interface State {
  src: string;
  /** Per line: where it starts (moved past container markers while inside them), where it ends. */
  bMarks: Int32Array;
  eMarks: Int32Array;
  /** Offset of the first non-space character from bMarks. */
  tShift: Int32Array;
  /** Indentation width (tabs to multiples of 4); -1 for a lazy continuation line of a block quote. */
  sCount: Int32Array;
  /** Width of what was before bMarks, for tabs that straddle a marker. */
  bsCount: Int32Array;
  blkIndent: number;
  line: number;
  lineMax: number;
  listIndent: number;
  parentType: 'root' | 'paragraph' | 'reference' | 'blockquote' | 'list' | 'table';
  /** Open containers. */
  level: number;
  stack: Block[];
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;

function newState(src: string): State {
  // One entry a line and one past the end: at most one more than the line feeds.
  let count = 2;
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) count++;
  const s: State = {
    src,
    bMarks: new Int32Array(count),
    eMarks: new Int32Array(count),
    tShift: new Int32Array(count),
    sCount: new Int32Array(count),
    bsCount: new Int32Array(count),
    blkIndent: 0,
    line: 0,
    lineMax: 0,
    listIndent: -1,
    parentType: 'root',
    level: 0,
    stack: [],
  };
  let lines = 0;
  let start = 0;
  let indent = 0;
  let offset = 0;
  let indentFound = false;
  for (let pos = 0; pos < src.length; pos++) {
    const ch = src.charCodeAt(pos);
    if (!indentFound) {
      if (isSpace(ch)) {
        indent++;
        offset += ch === 0x09 ? 4 - (offset % 4) : 1;
        continue;
      }
      indentFound = true;
    }
    if (ch === 0x0a || pos === src.length - 1) {
      if (ch !== 0x0a) pos++;
      s.bMarks[lines] = start;
      s.eMarks[lines] = pos;
      s.tShift[lines] = indent;
      s.sCount[lines] = offset;
      lines++;
      indentFound = false;
      indent = 0;
      offset = 0;
      start = pos + 1;
    }
  }
  // A last entry past the end, so that `line + 1` is always a line.
  s.bMarks[lines] = src.length;
  s.eMarks[lines] = src.length;
  s.lineMax = lines;
  return s;
}

const isEmpty = (s: State, line: number): boolean => s.bMarks[line] + s.tShift[line] >= s.eMarks[line];

function skipEmptyLines(s: State, from: number): number {
  for (; from < s.lineMax; from++) if (s.bMarks[from] + s.tShift[from] < s.eMarks[from]) break;
  return from;
}

function skipSpaces(s: State, pos: number): number {
  while (pos < s.src.length && isSpace(s.src.charCodeAt(pos))) pos++;
  return pos;
}

function skipChars(s: State, pos: number, code: number): number {
  while (pos < s.src.length && s.src.charCodeAt(pos) === code) pos++;
  return pos;
}

/** The text of lines [begin, end), each with `indent` columns of indentation removed. */
function getLines(s: State, begin: number, end: number, indent: number, keepLastLF: boolean): string {
  if (begin >= end) return '';
  const parts: string[] = [];
  for (let line = begin; line < end; line++) {
    let lineIndent = 0;
    const lineStart = s.bMarks[line];
    let first = lineStart;
    const last = line + 1 < end || keepLastLF ? s.eMarks[line] + 1 : s.eMarks[line];
    while (first < last && lineIndent < indent) {
      const ch = s.src.charCodeAt(first);
      if (isSpace(ch)) {
        if (ch === 0x09) lineIndent += 4 - ((lineIndent + s.bsCount[line]) % 4);
        else lineIndent++;
      } else if (first - lineStart < s.tShift[line]) {
        lineIndent++;
      } else break;
      first++;
    }
    parts.push(lineIndent > indent ? ' '.repeat(lineIndent - indent) + s.src.slice(first, last) : s.src.slice(first, last));
  }
  return parts.join('');
}

/** Spaces, tabs and line breaks trimmed at both ends (no other white space, as CommonMark). */
function asciiTrim(str: string): string {
  const trimmable = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  let start = 0;
  while (start < str.length && trimmable(str.charCodeAt(start))) start++;
  let end = str.length;
  while (end > start && trimmable(str.charCodeAt(end - 1))) end--;
  return str.slice(start, end);
}

const lineSource = (s: State, line: number): string => s.src.slice(s.bMarks[line] + s.tShift[line], s.eMarks[line]);

// ---- Output --------------------------------------------------------------------------------

function add(s: State, block: Block): Block {
  s.stack[s.stack.length - 1].children.push(block);
  return block;
}

function open(s: State, type: BlockType, map: [number, number]): Block {
  const b = add(s, { type, map, children: [] });
  s.stack.push(b);
  s.level++;
  return b;
}

function close(s: State): void {
  s.stack.pop();
  s.level--;
}

// ---- Rules, in the order they are tried ------------------------------------------------------

function terminates(rules: readonly Rule[], s: State, line: number, endLine: number): boolean {
  for (const rule of rules) if (rule(s, line, endLine, true)) return true;
  return false;
}

/** A GitHub table: a header row, a delimiter row (`| --- | :-: |`), body rows up to a blank line or another block. */
const table: Rule = (s, startLine, endLine, silent) => {
  if (startLine + 2 > endLine) return false;
  let nextLine = startLine + 1;
  if (s.sCount[nextLine] < s.blkIndent || s.sCount[nextLine] - s.blkIndent >= 4) return false;
  let pos = s.bMarks[nextLine] + s.tShift[nextLine];
  if (pos >= s.eMarks[nextLine]) return false;
  const firstCh = s.src.charCodeAt(pos++);
  if (firstCh !== 0x7c && firstCh !== 0x2d && firstCh !== 0x3a) return false;
  if (pos >= s.eMarks[nextLine]) return false;
  const secondCh = s.src.charCodeAt(pos++);
  if (secondCh !== 0x7c && secondCh !== 0x2d && secondCh !== 0x3a && !isSpace(secondCh)) return false;
  if (firstCh === 0x2d && isSpace(secondCh)) return false;
  for (; pos < s.eMarks[nextLine]; pos++) {
    const ch = s.src.charCodeAt(pos);
    if (ch !== 0x7c && ch !== 0x2d && ch !== 0x3a && !isSpace(ch)) return false;
  }
  const delimiters = lineSource(s, startLine + 1).split('|');
  let aligned = 0;
  for (let i = 0; i < delimiters.length; i++) {
    const t = delimiters[i].trim();
    if (!t) {
      if (i === 0 || i === delimiters.length - 1) continue;
      return false;
    }
    if (!/^:?-+:?$/.test(t)) return false;
    aligned++;
  }
  const header = lineSource(s, startLine).trim();
  if (!header.includes('|')) return false;
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const columnCount = rowCells(header);
  if (columnCount === 0 || columnCount !== aligned) return false;
  if (silent) return true;

  const oldParentType = s.parentType;
  s.parentType = 'table';
  const tableBlock = add(s, { type: 'table', map: [startLine, 0], children: [] });
  tableBlock.children.push({ type: 'thead', map: [startLine, startLine + 1], children: [{ type: 'tr', map: [startLine, startLine + 1], children: [] }] });
  let tbody: Block | undefined;
  // Rows shorter than the header are filled with empty cells; a bounded number of them in all.
  let autocompleted = 0;
  for (nextLine = startLine + 2; nextLine < endLine; nextLine++) {
    if (s.sCount[nextLine] < s.blkIndent) break;
    if (terminates(BLOCKQUOTE_TERMINATORS, s, nextLine, endLine)) break;
    const text = lineSource(s, nextLine).trim();
    if (!text) break;
    if (s.sCount[nextLine] - s.blkIndent >= 4) break;
    autocompleted += columnCount - rowCells(text);
    if (autocompleted > 65536) break;
    if (!tbody) {
      tbody = { type: 'tbody', map: [startLine + 2, 0], children: [] };
      tableBlock.children.push(tbody);
    }
    tbody.children.push({ type: 'tr', map: [nextLine, nextLine + 1], children: [] });
  }
  if (tbody) tbody.map[1] = nextLine;
  tableBlock.map[1] = nextLine;
  s.parentType = oldParentType;
  s.line = nextLine;
  return true;
};

/** The number of cells in a table row: split at pipes not escaped, an empty first and last dropped. */
function rowCells(text: string): number {
  let count = 1;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x7c && !escaped) count++;
    escaped = ch === 0x5c;
  }
  if (text.charCodeAt(0) === 0x7c) count--;
  // The last cell is empty when the row ends with a pipe that is not escaped (and is not the first one dropped above).
  if (count > 0 && text.length > 1 && text.charCodeAt(text.length - 1) === 0x7c && text.charCodeAt(text.length - 2) !== 0x5c) count--;
  else if (count > 0 && text.length === 1 && text === '|') count = 0;
  return count;
}

/** Indented code: four columns in, up to a line that is not. */
const code: Rule = (s, startLine, endLine) => {
  if (s.sCount[startLine] - s.blkIndent < 4) return false;
  let nextLine = startLine + 1;
  let last = nextLine;
  while (nextLine < endLine) {
    if (isEmpty(s, nextLine)) {
      nextLine++;
      continue;
    }
    if (s.sCount[nextLine] - s.blkIndent >= 4) {
      nextLine++;
      last = nextLine;
      continue;
    }
    break;
  }
  s.line = last;
  add(s, { type: 'code_block', map: [startLine, last], children: [] });
  return true;
};

const fence: Rule = (s, startLine, endLine, silent) => {
  let pos = s.bMarks[startLine] + s.tShift[startLine];
  let max = s.eMarks[startLine];
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  if (pos + 3 > max) return false;
  const marker = s.src.charCodeAt(pos);
  if (marker !== 0x7e && marker !== 0x60) return false;
  let mem = pos;
  pos = skipChars(s, pos, marker);
  const len = pos - mem;
  if (len < 3) return false;
  const markup = s.src.slice(mem, pos);
  const info = s.src.slice(pos, max);
  if (marker === 0x60 && info.includes('`')) return false;
  if (silent) return true;
  let nextLine = startLine;
  let haveEndMarker = false;
  for (;;) {
    nextLine++;
    if (nextLine >= endLine) break;
    pos = mem = s.bMarks[nextLine] + s.tShift[nextLine];
    max = s.eMarks[nextLine];
    if (pos < max && s.sCount[nextLine] < s.blkIndent) break;
    if (s.src.charCodeAt(pos) !== marker) continue;
    if (s.sCount[nextLine] - s.blkIndent >= 4) continue;
    pos = skipChars(s, pos, marker);
    if (pos - mem < len) continue;
    pos = skipSpaces(s, pos);
    if (pos < max) continue;
    haveEndMarker = true;
    break;
  }
  s.line = nextLine + (haveEndMarker ? 1 : 0);
  add(s, { type: 'fence', map: [startLine, s.line], children: [], info, markup, content: getLines(s, startLine + 1, nextLine, s.sCount[startLine], true) });
  return true;
};

/** A block quote: `>` lines and the lazy continuation lines of its paragraphs; its content read as a document. */
const blockquote: Rule = (s, startLine, endLine, silent) => {
  let pos = s.bMarks[startLine] + s.tShift[startLine];
  let max: number;
  const oldLineMax = s.lineMax;
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  if (s.src.charCodeAt(pos) !== 0x3e) return false;
  if (silent) return true;
  // What each line was before the quote's marker was stepped over, to put back after.
  const saved: { bMark: number; bsCount: number; sCount: number; tShift: number }[] = [];
  const save = (line: number) => saved.push({ bMark: s.bMarks[line], bsCount: s.bsCount[line], sCount: s.sCount[line], tShift: s.tShift[line] });
  const oldParentType = s.parentType;
  s.parentType = 'blockquote';
  let lastLineEmpty = false;
  let nextLine: number;
  for (nextLine = startLine; nextLine < endLine; nextLine++) {
    const isOutdented = s.sCount[nextLine] < s.blkIndent;
    pos = s.bMarks[nextLine] + s.tShift[nextLine];
    max = s.eMarks[nextLine];
    if (pos >= max) break;
    if (s.src.charCodeAt(pos++) === 0x3e && !isOutdented) {
      let initial = s.sCount[nextLine] + 1;
      let spaceAfterMarker: boolean;
      let adjustTab = false;
      if (s.src.charCodeAt(pos) === 0x20) {
        pos++;
        initial++;
        spaceAfterMarker = true;
      } else if (s.src.charCodeAt(pos) === 0x09) {
        spaceAfterMarker = true;
        if ((s.bsCount[nextLine] + initial) % 4 === 3) {
          pos++;
          initial++;
        } else adjustTab = true;
      } else spaceAfterMarker = false;
      let offset = initial;
      save(nextLine);
      s.bMarks[nextLine] = pos;
      for (; pos < max; pos++) {
        const ch = s.src.charCodeAt(pos);
        if (!isSpace(ch)) break;
        if (ch === 0x09) offset += 4 - ((offset + s.bsCount[nextLine] + (adjustTab ? 1 : 0)) % 4);
        else offset++;
      }
      lastLineEmpty = pos >= max;
      s.bsCount[nextLine] = s.sCount[nextLine] + 1 + (spaceAfterMarker ? 1 : 0);
      s.sCount[nextLine] = offset - initial;
      s.tShift[nextLine] = pos - s.bMarks[nextLine];
      continue;
    }
    if (lastLineEmpty) break;
    if (terminates(BLOCKQUOTE_TERMINATORS, s, nextLine, endLine)) {
      s.lineMax = nextLine;
      if (s.blkIndent !== 0) {
        save(nextLine);
        s.sCount[nextLine] -= s.blkIndent;
      }
      break;
    }
    // A lazy continuation line: part of the quote's paragraph, never a block of its own.
    save(nextLine);
    s.sCount[nextLine] = -1;
  }
  const oldIndent = s.blkIndent;
  s.blkIndent = 0;
  const quote = open(s, 'blockquote', [startLine, 0]);
  tokenize(s, startLine, nextLine);
  close(s);
  s.lineMax = oldLineMax;
  s.parentType = oldParentType;
  quote.map[1] = s.line;
  saved.forEach((o, i) => {
    s.bMarks[i + startLine] = o.bMark;
    s.tShift[i + startLine] = o.tShift;
    s.sCount[i + startLine] = o.sCount;
    s.bsCount[i + startLine] = o.bsCount;
  });
  s.blkIndent = oldIndent;
  return true;
};

/** A thematic break: three or more `*`, `-` or `_`, spaces between allowed. */
const hr: Rule = (s, startLine, _endLine, silent) => {
  const max = s.eMarks[startLine];
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  let pos = s.bMarks[startLine] + s.tShift[startLine];
  const marker = s.src.charCodeAt(pos++);
  if (marker !== 0x2a && marker !== 0x2d && marker !== 0x5f) return false;
  let count = 1;
  while (pos < max) {
    const ch = s.src.charCodeAt(pos++);
    if (ch !== marker && !isSpace(ch)) return false;
    if (ch === marker) count++;
  }
  if (count < 3) return false;
  if (silent) return true;
  s.line = startLine + 1;
  add(s, { type: 'hr', map: [startLine, s.line], children: [] });
  return true;
};

function skipBulletListMarker(s: State, line: number): number {
  const max = s.eMarks[line];
  let pos = s.bMarks[line] + s.tShift[line];
  const marker = s.src.charCodeAt(pos++);
  if (marker !== 0x2a && marker !== 0x2d && marker !== 0x2b) return -1;
  if (pos < max && !isSpace(s.src.charCodeAt(pos))) return -1;
  return pos;
}

function skipOrderedListMarker(s: State, line: number): number {
  const start = s.bMarks[line] + s.tShift[line];
  const max = s.eMarks[line];
  let pos = start;
  if (pos + 1 >= max) return -1;
  let ch = s.src.charCodeAt(pos++);
  if (ch < 0x30 || ch > 0x39) return -1;
  for (;;) {
    if (pos >= max) return -1;
    ch = s.src.charCodeAt(pos++);
    if (ch >= 0x30 && ch <= 0x39) {
      // At most nine digits.
      if (pos - start >= 10) return -1;
      continue;
    }
    if (ch === 0x29 || ch === 0x2e) break;
    return -1;
  }
  if (pos < max && !isSpace(s.src.charCodeAt(pos))) return -1;
  return pos;
}

/** A list: items with the same kind of marker; each item's content read as a document, indented past its marker. */
const list: Rule = (s, startLine, endLine, silent) => {
  let nextLine = startLine;
  if (s.sCount[nextLine] - s.blkIndent >= 4) return false;
  // A list item indented four or more past its parent's content is code there, not a sibling.
  if (s.listIndent >= 0 && s.sCount[nextLine] - s.listIndent >= 4 && s.sCount[nextLine] < s.blkIndent) return false;
  // Only a list that starts with `1.` and holds text may interrupt a paragraph.
  const interruptsParagraph = silent && s.parentType === 'paragraph' && s.sCount[nextLine] >= s.blkIndent;
  let isOrdered: boolean;
  let posAfterMarker = skipOrderedListMarker(s, nextLine);
  if (posAfterMarker >= 0) {
    isOrdered = true;
    const start = s.bMarks[nextLine] + s.tShift[nextLine];
    if (interruptsParagraph && Number(s.src.slice(start, posAfterMarker - 1)) !== 1) return false;
  } else if ((posAfterMarker = skipBulletListMarker(s, nextLine)) >= 0) {
    isOrdered = false;
  } else return false;
  if (interruptsParagraph && skipSpaces(s, posAfterMarker) >= s.eMarks[nextLine]) return false;
  if (silent) return true;

  const markerCharCode = s.src.charCodeAt(posAfterMarker - 1);
  const listBlock = open(s, isOrdered ? 'ordered_list' : 'bullet_list', [nextLine, 0]);
  const oldParentType = s.parentType;
  s.parentType = 'list';
  while (nextLine < endLine) {
    let pos = posAfterMarker;
    const max = s.eMarks[nextLine];
    const initial = s.sCount[nextLine] + posAfterMarker - (s.bMarks[nextLine] + s.tShift[nextLine]);
    let offset = initial;
    for (; pos < max; pos++) {
      const ch = s.src.charCodeAt(pos);
      if (ch === 0x09) offset += 4 - ((offset + s.bsCount[nextLine]) % 4);
      else if (ch === 0x20) offset++;
      else break;
    }
    const contentStart = pos;
    let indentAfterMarker = contentStart >= max ? 1 : offset - initial;
    // Five or more spaces after the marker: the item's text is indented code, one space in.
    if (indentAfterMarker > 4) indentAfterMarker = 1;
    const indent = initial + indentAfterMarker;
    const item = open(s, 'list_item', [nextLine, 0]);
    const oldTShift = s.tShift[nextLine];
    const oldSCount = s.sCount[nextLine];
    const oldListIndent = s.listIndent;
    s.listIndent = s.blkIndent;
    s.blkIndent = indent;
    s.tShift[nextLine] = contentStart - s.bMarks[nextLine];
    s.sCount[nextLine] = offset;
    if (contentStart >= max && isEmpty(s, nextLine + 1)) s.line = Math.min(s.line + 2, endLine);
    else tokenize(s, nextLine, endLine);
    s.blkIndent = s.listIndent;
    s.listIndent = oldListIndent;
    s.tShift[nextLine] = oldTShift;
    s.sCount[nextLine] = oldSCount;
    close(s);
    nextLine = s.line;
    item.map[1] = nextLine;
    if (nextLine >= endLine) break;
    if (s.sCount[nextLine] < s.blkIndent) break;
    if (s.sCount[nextLine] - s.blkIndent >= 4) break;
    if (terminates(LIST_TERMINATORS, s, nextLine, endLine)) break;
    posAfterMarker = isOrdered ? skipOrderedListMarker(s, nextLine) : skipBulletListMarker(s, nextLine);
    if (posAfterMarker < 0) break;
    if (markerCharCode !== s.src.charCodeAt(posAfterMarker - 1)) break;
  }
  close(s);
  listBlock.map[1] = nextLine;
  s.line = nextLine;
  s.parentType = oldParentType;
  return true;
};

/** The start of the next line of a reference definition, or -1 where the definition cannot go on. */
function nextReferenceLine(s: State, nextLine: number): number {
  if (nextLine >= s.lineMax || isEmpty(s, nextLine)) return -1;
  const continuation = s.sCount[nextLine] - s.blkIndent > 3 || s.sCount[nextLine] < 0;
  if (!continuation) {
    const oldParentType = s.parentType;
    s.parentType = 'reference';
    const ends = terminates(PARAGRAPH_TERMINATORS, s, nextLine, s.lineMax);
    s.parentType = oldParentType;
    if (ends) return -1;
  }
  return s.bMarks[nextLine] + s.tShift[nextLine];
}

/**
 * A link reference definition (`[label]: destination "title"`): not shown in the document, so
 * not part of it for the reader either.
 */
const reference: Rule = (s, startLine) => {
  const src = s.src;
  let pos = s.bMarks[startLine] + s.tShift[startLine];
  let nextLine = startLine + 1;
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  if (src.charCodeAt(pos) !== 0x5b) return false;
  const lineEnd = (line: number) => Math.min(s.eMarks[line] + 1, src.length);
  let max = lineEnd(startLine);
  let rawLabel = '';
  let labelEnd = -1;
  let segmentStart = ++pos;
  while (pos < max) {
    if (rawLabel.length + pos - segmentStart > 999 * 2) return false;
    let ch = src.charCodeAt(pos);
    if (ch === 0x5b) return false;
    if (ch === 0x5d) {
      labelEnd = pos;
      break;
    }
    if (ch === 0x5c) ch = src.charCodeAt(++pos);
    if (ch === 0x0a && pos < max) {
      const nextPos = nextReferenceLine(s, nextLine);
      if (nextPos < 0) return false;
      rawLabel += src.slice(segmentStart, max);
      pos = segmentStart = nextPos;
      max = lineEnd(nextLine++);
      continue;
    }
    pos++;
  }
  if (labelEnd < 0 || src.charCodeAt(labelEnd + 1) !== 0x3a) return false;
  rawLabel += src.slice(segmentStart, labelEnd);
  if ([...rawLabel].length > 999) return false;
  pos = labelEnd + 2;
  while (pos < max) {
    const ch = src.charCodeAt(pos);
    if (ch === 0x0a) {
      const nextPos = nextReferenceLine(s, nextLine);
      if (nextPos < 0) break;
      pos = nextPos;
      max = lineEnd(nextLine++);
    } else if (isSpace(ch)) pos++;
    else break;
  }
  const dest = linkDestination(src, pos, max);
  if (!dest.ok || !safeLink(dest.str.replace(/\\([!-/:-@[-`{-~])/g, '$1'))) return false;
  pos = dest.pos;
  const destEndPos = pos;
  const destEndMax = max;
  const destEndLineNo = nextLine;
  while (pos < max) {
    const ch = src.charCodeAt(pos);
    if (ch === 0x0a) {
      const nextPos = nextReferenceLine(s, nextLine);
      if (nextPos < 0) break;
      pos = nextPos;
      max = lineEnd(nextLine++);
    } else if (isSpace(ch)) pos++;
    else break;
  }
  const titleStart = pos;
  let title = linkTitle(src, pos, max);
  while (title.canContinue) {
    const nextPos = nextReferenceLine(s, nextLine);
    if (nextPos < 0) break;
    pos = nextPos;
    max = lineEnd(nextLine++);
    title = linkTitle(src, pos, max, title);
  }
  let hasTitle = false;
  if (titleStart !== destEndPos && title.ok) {
    hasTitle = title.str !== '';
    pos = title.pos;
  } else {
    pos = destEndPos;
    max = destEndMax;
    nextLine = destEndLineNo;
  }
  pos = skipSpacesTo(src, pos, max);
  if (pos < max && src.charCodeAt(pos) !== 0x0a && hasTitle) {
    // Something after the title: the definition ends at its destination, if that ends its line.
    pos = skipSpacesTo(src, destEndPos, destEndMax);
    max = destEndMax;
    nextLine = destEndLineNo;
  }
  if (pos < max && src.charCodeAt(pos) !== 0x0a) return false;
  if (rawLabel.trim() === '') return false;
  s.line = nextLine;
  return true;
};

function skipSpacesTo(src: string, pos: number, max: number): number {
  while (pos < max && isSpace(src.charCodeAt(pos))) pos++;
  return pos;
}

const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/**
 * White space inside a tag: ASCII only, as CommonMark says. (markdown-it's `\s` also takes
 * Unicode spaces, which an unquoted attribute value takes too: a tag of such spaces and no `>`
 * backtracks exponentially. The reader's text has those spaces as plain spaces already.)
 */
const WS = '[ \\t\\n\\r\\f\\v]';
const OPEN_TAG = `<[A-Za-z][A-Za-z0-9\\-]*(?:${WS}+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:${WS}*=${WS}*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)*${WS}*\\/?>`;
const CLOSE_TAG = `<\\/[A-Za-z][A-Za-z0-9\\-]*${WS}*>`;
/** An open or close tag at the start of the text (used by the inline reader too). */
export const HTML_TAG_RE = new RegExp(`(?:${OPEN_TAG}|${CLOSE_TAG})`, 'y');

/** The kinds of HTML block: how each starts, how it ends, and whether it may interrupt a paragraph. */
const HTML_SEQUENCES: [RegExp, RegExp, boolean][] = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(${HTML_BLOCK_TAGS})(?=(\\s|/?>|$))`, 'i'), /^$/, true],
  [new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`), /^$/, false],
];

const htmlBlock: Rule = (s, startLine, endLine, silent) => {
  let pos = s.bMarks[startLine] + s.tShift[startLine];
  let max = s.eMarks[startLine];
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  if (s.src.charCodeAt(pos) !== 0x3c) return false;
  let text = s.src.slice(pos, max);
  const kind = HTML_SEQUENCES.find(([opens]) => opens.test(text));
  if (!kind) return false;
  if (silent) return kind[2];
  let nextLine = startLine + 1;
  const endsOnBlankLine = kind[1].test('');
  if (!kind[1].test(text)) {
    for (; nextLine < endLine; nextLine++) {
      if (s.sCount[nextLine] < s.blkIndent && (endsOnBlankLine || !isEmpty(s, nextLine))) break;
      pos = s.bMarks[nextLine] + s.tShift[nextLine];
      max = s.eMarks[nextLine];
      text = s.src.slice(pos, max);
      if (kind[1].test(text)) {
        if (text.length !== 0) nextLine++;
        break;
      }
    }
  }
  s.line = nextLine;
  add(s, { type: 'html_block', map: [startLine, nextLine], children: [] });
  return true;
};

/** An ATX heading: one to six `#`, a space, the title; closing `#`s dropped. */
const heading: Rule = (s, startLine, _endLine, silent) => {
  let pos = s.bMarks[startLine] + s.tShift[startLine];
  let max = s.eMarks[startLine];
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  let ch = s.src.charCodeAt(pos);
  if (ch !== 0x23 || pos >= max) return false;
  let level = 1;
  ch = s.src.charCodeAt(++pos);
  while (ch === 0x23 && pos < max && level <= 6) {
    level++;
    ch = s.src.charCodeAt(++pos);
  }
  if (level > 6 || (pos < max && !isSpace(ch))) return false;
  if (silent) return true;
  while (max > pos && isSpace(s.src.charCodeAt(max - 1))) max--;
  let closing = max;
  while (closing > pos && s.src.charCodeAt(closing - 1) === 0x23) closing--;
  if (closing > pos && isSpace(s.src.charCodeAt(closing - 1))) max = closing;
  s.line = startLine + 1;
  add(s, { type: 'heading', map: [startLine, s.line], children: [], inline: asciiTrim(s.src.slice(pos, max)), level });
  return true;
};

/** A setext heading: paragraph lines underlined with `=` (level 1) or `-` (level 2). */
const lheading: Rule = (s, startLine, endLine) => {
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const oldParentType = s.parentType;
  s.parentType = 'paragraph';
  let level = 0;
  let nextLine = startLine + 1;
  for (; nextLine < endLine && !isEmpty(s, nextLine); nextLine++) {
    if (s.sCount[nextLine] - s.blkIndent > 3) continue;
    if (s.sCount[nextLine] >= s.blkIndent) {
      let pos = s.bMarks[nextLine] + s.tShift[nextLine];
      const max = s.eMarks[nextLine];
      if (pos < max) {
        const marker = s.src.charCodeAt(pos);
        if (marker === 0x2d || marker === 0x3d) {
          pos = skipSpaces(s, skipChars(s, pos, marker));
          if (pos >= max) {
            level = marker === 0x3d ? 1 : 2;
            break;
          }
        }
      }
    }
    if (s.sCount[nextLine] < 0) continue;
    if (terminates(PARAGRAPH_TERMINATORS, s, nextLine, endLine)) break;
  }
  s.parentType = oldParentType;
  if (!level) return false;
  const inline = asciiTrim(getLines(s, startLine, nextLine, s.blkIndent, false));
  s.line = nextLine + 1;
  add(s, { type: 'heading', map: [startLine, s.line], children: [], inline, level });
  return true;
};

const paragraph: Rule = (s, startLine, endLine) => {
  const oldParentType = s.parentType;
  let nextLine = startLine + 1;
  s.parentType = 'paragraph';
  for (; nextLine < endLine && !isEmpty(s, nextLine); nextLine++) {
    // Indented four or more, or a lazy line of a quote: it carries the paragraph on.
    if (s.sCount[nextLine] - s.blkIndent > 3 || s.sCount[nextLine] < 0) continue;
    if (terminates(PARAGRAPH_TERMINATORS, s, nextLine, endLine)) break;
  }
  const inline = asciiTrim(getLines(s, startLine, nextLine, s.blkIndent, false));
  s.line = nextLine;
  add(s, { type: 'paragraph', map: [startLine, nextLine], children: [], inline });
  s.parentType = oldParentType;
  return true;
};

const RULES: readonly Rule[] = [table, code, fence, blockquote, hr, list, reference, htmlBlock, heading, lheading, paragraph];
/** What ends a paragraph (or a reference definition) without a blank line. */
const PARAGRAPH_TERMINATORS: readonly Rule[] = [table, fence, blockquote, hr, list, htmlBlock, heading];
/** What ends a block quote's lazy lines, or a table. */
const BLOCKQUOTE_TERMINATORS: readonly Rule[] = [fence, blockquote, hr, list, htmlBlock, heading];
/** What ends a list between its items. */
const LIST_TERMINATORS: readonly Rule[] = [fence, blockquote, hr];

function tokenize(s: State, startLine: number, endLine: number): void {
  let line = startLine;
  while (line < endLine) {
    s.line = line = skipEmptyLines(s, line);
    if (line >= endLine) break;
    // Less indented than the container's content: the container ends here.
    if (s.sCount[line] < s.blkIndent) break;
    if (s.level >= MAX_NESTING) {
      s.line = endLine;
      break;
    }
    const before = s.line;
    if (!RULES.some((rule) => rule(s, line, endLine, false)) || s.line <= before) throw new Error(`no Markdown block read at line ${line + 1}`);
    line = s.line;
    if (line < endLine && isEmpty(s, line)) {
      line++;
      s.line = line;
    }
  }
}

/** The blocks of a Markdown text. Lines are counted at `\n`, `\r\n` and a lone `\r`. */
export function parseBlocks(text: string): Block[] {
  const root: Block = { type: 'paragraph', map: [0, 0], children: [] };
  if (!text) return root.children;
  const s = newState(text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\ufffd'));
  s.stack.push(root);
  tokenize(s, 0, s.lineMax);
  return root.children;
}

// ---- Link destinations and titles (reference definitions here, inline links in inline.ts) ----

/** A link's destination at `start`: `<…>` or a run without spaces and with balanced parentheses. */
export function linkDestination(str: string, start: number, max: number): { ok: boolean; pos: number; str: string } {
  let pos = start;
  const fail = { ok: false, pos: 0, str: '' };
  if (str.charCodeAt(pos) === 0x3c) {
    for (pos++; pos < max; pos++) {
      const c = str.charCodeAt(pos);
      if (c === 0x0a || c === 0x3c) return fail;
      if (c === 0x3e) return { ok: true, pos: pos + 1, str: str.slice(start + 1, pos) };
      if (c === 0x5c && pos + 1 < max) pos++;
    }
    return fail;
  }
  let level = 0;
  while (pos < max) {
    const c = str.charCodeAt(pos);
    if (c === 0x20 || c < 0x20 || c === 0x7f) break;
    if (c === 0x5c && pos + 1 < max) {
      pos += str.charCodeAt(pos + 1) === 0x20 ? 1 : 2;
      continue;
    }
    if (c === 0x28) {
      level++;
      if (level > 32) return fail;
    }
    if (c === 0x29) {
      if (level === 0) break;
      level--;
    }
    pos++;
  }
  if (start === pos || level !== 0) return fail;
  return { ok: true, pos, str: str.slice(start, pos) };
}

export interface TitleScan {
  ok: boolean;
  canContinue: boolean;
  pos: number;
  str: string;
  marker: number;
}

/** A link's title at `start`: `"…"`, `'…'` or `(…)`, possibly over lines (`previous` carries it on). */
export function linkTitle(str: string, start: number, max: number, previous?: TitleScan): TitleScan {
  let pos = start;
  const state: TitleScan = { ok: false, canContinue: false, pos: 0, str: previous?.str ?? '', marker: previous?.marker ?? 0 };
  if (!previous) {
    if (pos >= max) return state;
    const marker = str.charCodeAt(pos);
    if (marker !== 0x22 && marker !== 0x27 && marker !== 0x28) return state;
    start++;
    pos++;
    state.marker = marker === 0x28 ? 0x29 : marker;
  }
  while (pos < max) {
    const c = str.charCodeAt(pos);
    if (c === state.marker) {
      state.pos = pos + 1;
      state.str += str.slice(start, pos);
      state.ok = true;
      return state;
    }
    if (c === 0x28 && state.marker === 0x29) return state;
    if (c === 0x5c && pos + 1 < max) pos++;
    pos++;
  }
  state.canContinue = true;
  state.str += str.slice(start, pos);
  return state;
}

/** Links to scripts, local files and data (other than images) are not links. */
export function safeLink(url: string): boolean {
  const str = url.trim().toLowerCase();
  return /^(vbscript|javascript|file|data):/.test(str) ? /^data:image\/(gif|png|jpeg|webp);/.test(str) : true;
}
