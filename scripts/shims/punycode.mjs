// markdown-it encodes the host name of a link's href with punycode (`bücher.example` to
// `xn--bcher-kva.example`). The context reader reads a link's text, never its href, so the host
// name is left as written and punycode stays out of the bundles.
const same = (s) => s;
export default { toASCII: same, toUnicode: same, encode: same, decode: same };
