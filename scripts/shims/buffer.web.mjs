// The web worker host has no Buffer. gray-matter keeps a Buffer copy of every input it splits
// (`file.orig`, which the extension never reads): bytes are enough for that, in the web bundle only.
export const Buffer = {
  from: (input) => (typeof input === 'string' ? new TextEncoder().encode(input) : input),
  isBuffer: () => false,
};
