// `npm run package`: the .vsix. VS Code shows an extension's README in a page that loads images
// only over https or as data: URIs, so the packaged README carries its screenshots as data: URIs
// (the repository's README keeps plain relative links, which hosts such as GitHub show).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/host.mjs';

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'community-partnerships.vsix');
// --prebuilt: dist/ holds the release build already (the tests build it once for everything).
const prebuilt = args.includes('--prebuilt');

/** The repository's web address, from package.json (`…/name.git` → `…/name`). */
function repositoryWeb() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return url ? url.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
}

/**
 * The README with each local image `![alt](path.png)` inlined as a data: URI, and each link to
 * another file of the repository (`[CONTRIBUTING.md](CONTRIBUTING.md)`) pointed at that file in
 * the repository: the details page has no files to resolve a relative link against.
 */
export function packagedReadme(markdown, web = repositoryWeb()) {
  const linked = web
    ? markdown.replace(/(?<!!)\[([^\]\n]*)\]\(([^)\s#]+)(#[^)\s]*)?\)/g, (whole, text, path, anchor = '') =>
        /^[a-z][a-z0-9+.-]*:/i.test(path) ? whole : `[${text}](${web}/blob/HEAD/${path.replace(/^\.\//, '')}${anchor})`,
      )
    : markdown;
  return linked.replace(/!\[([^\]\n]*)\]\(([^)\s]+\.(png|svg|gif|jpe?g))\)/g, (whole, alt, path, ext) => {
    if (/^[a-z]+:/i.test(path)) return whole;
    const bytes = readFileSync(resolve(ROOT, path));
    const type = ext === 'svg' ? 'image/svg+xml' : ext === 'jpg' ? 'image/jpeg' : `image/${ext}`;
    return `![${alt}](data:${type};base64,${bytes.toString('base64')})`;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // vsce takes a README path only among the package's files (.vscodeignore lists it).
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(join(ROOT, 'dist', 'README.md'), packagedReadme(readFileSync(join(ROOT, 'README.md'), 'utf8')));
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--readme-path', 'dist/README.md', '--out', out], { cwd: ROOT, stdio: 'inherit', env: prebuilt ? { ...process.env, COMMUNITY_PARTNERSHIPS_PREBUILT: '1' } : process.env });
  process.exit(r.status ?? 1);
}
