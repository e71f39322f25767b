/**
 * The reader's Markdown as markdown-it reads it (CommonMark with tables and strikethrough, raw
 * HTML recognised): the parser the context reader used before its own (src/core/context/blocks.ts
 * and inline.ts). Only the tests load it, to compare the two readings on a corpus; it is a
 * devDependency and in no bundle.
 */
import MarkdownIt from 'markdown-it';
import type { Block, BlockType } from '../../src/core/context/blocks';
import { plainTextOf } from '../../src/core/context/markdown';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable(['table', 'strikethrough']);

/** The blocks in the shape of `parseBlocks` (src/core/context/blocks.ts), from markdown-it's tokens. */
export function referenceBlocks(text: string): Block[] {
  const tokens = md.parse(text, {});
  const root: Block = { type: 'paragraph', children: [], map: [0, 0] };
  const stack: Block[] = [root];
  let lastMap: [number, number] = [0, 0];
  for (const t of tokens) {
    const top = stack[stack.length - 1];
    if (t.map) lastMap = [t.map[0], t.map[1]];
    if (t.type === 'inline') {
      if (top.type !== 'tr') top.inline = t.content;
      continue;
    }
    const map: [number, number] = t.map ? [t.map[0], t.map[1]] : lastMap;
    if (t.nesting === 1) {
      const type = t.type.replace(/_open$/, '');
      if (type === 'th' || type === 'td') continue;
      const block: Block = { type: type as BlockType, children: [], map };
      if (type === 'heading') block.level = Number(t.tag.slice(1));
      top.children.push(block);
      stack.push(block);
    } else if (t.nesting === -1) {
      if (t.type === 'th_close' || t.type === 'td_close') continue;
      if (stack.length > 1) stack.pop();
    } else {
      const block: Block = { type: t.type as BlockType, children: [], map };
      if (t.type === 'fence') Object.assign(block, { info: t.info, markup: t.markup, content: t.content });
      top.children.push(block);
    }
  }
  return root.children;
}

/** The inline tokens the reader walks, as markdown-it gives them. */
function inlineChildren(raw: string): Token[] {
  return md.parseInline(raw, {})[0]?.children ?? [];
}

/** `plainText` of src/core/context/markdown.ts over markdown-it's inline tokens. */
export function referencePlainText(raw: string): string {
  return plainTextOf(raw, inlineChildren);
}

/** `isItalicNote` of src/core/context/markdown.ts as it was with markdown-it. */
export function referenceIsItalicNote(raw: string): boolean {
  const s = raw.trim();
  if (s.length < 3) return false;
  const mark = s[0];
  if (mark !== '*' && mark !== '_') return false;
  if (s[1] === mark) return false;
  if (s[s.length - 1] !== mark || s[s.length - 2] === mark) return false;
  const children = inlineChildren(s);
  return children.length >= 3 && children[0].type === 'em_open' && children[children.length - 1].type === 'em_close' && children.filter((c) => c.type === 'em_open').length === 1;
}
