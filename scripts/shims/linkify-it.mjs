// markdown-it makes a linkify-it instance for its `linkify` option (URLs in text made links),
// which the context reader turns off (src/core/context/markdown.ts): nothing calls it, so its
// 11 KB of patterns and top-level domains stay out of the bundles. A call would find no link.
export class LinkifyIt {
  test() { return false; }
  pretest() { return false; }
  testSchemaAt() { return 0; }
  match() { return null; }
  matchAtStart() { return null; }
  add() { return this; }
  set() { return this; }
  tlds() { return this; }
  normalize() {}
  onCompile() {}
}
export default LinkifyIt;
