// The esbuild plugin for code that runs in the web worker extension host: used by the web
// bundle (scripts/build.mjs) and the web test bundle (scripts/test-web.mjs).
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/**
 * The web worker host has no Node: the web bundle takes src/platform/*.web.ts in place of the
 * Node adapters (and src/chunks.web.ts for src/chunks.ts, how the lazy code is found), also where
 * one adapter imports another (`./x25519Fallback` in src/platform/), and none of Node's modules
 * (gray-matter names `fs` for a function never called).
 */
export const webPlatform = {
  name: 'web-platform',
  setup(build) {
    const adapter = /[\\/]platform[\\/][\w-]+$|(^|[\\/])chunks$/;
    build.onResolve({ filter: /[\\/]platform[\\/][\w-]+$|^\.\/[\w-]+$|(^|[\\/])chunks$/ }, (args) => {
      if (!adapter.test(args.path) && basename(args.resolveDir) !== 'platform') return undefined;
      const file = resolve(args.resolveDir, args.path + '.web.ts');
      return existsSync(file) ? { path: file } : undefined;
    });
    build.onResolve({ filter: /^(node:)?(fs|path)$/ }, () => ({ path: 'node-builtin', namespace: 'web-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'web-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

