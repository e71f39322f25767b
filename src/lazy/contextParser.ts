// Loaded on the first read of a context file (src/features/contextParser.ts): the Markdown
// reader (markdown-it) and the YAML front matter reader stay out of the entry bundle.
export { parseContext } from '../core/context/parse';
export { restructureContext } from '../core/context/restructure';
