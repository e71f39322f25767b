// The context file reader (its own Markdown scanner, zod, gray-matter, js-yaml) and the restructuring Quick
// Fix's rewrite: loaded with the first read of a context file (see ./index.ts).
export { parseContext } from '../core/context/parse';
export { restructureContext } from '../core/context/restructure';
