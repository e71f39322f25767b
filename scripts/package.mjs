// `npm run package`: the .vsix. VS Code shows an extension's README in a page that keeps only
// https image sources (its Markdown sanitizer drops data: and relative ones), so the packaged README
// points each screenshot at the file in the repository, as vsce's --baseImagesUrl does (the
// repository's README keeps plain relative links, which hosts such as GitHub show).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 * The README with each local image `![alt](media/x.png)` pointed at the file's raw contents in the
 * repository (`…/raw/HEAD/media/x.png`), and each link to another file of the repository
 * (`[CONTRIBUTING.md](CONTRIBUTING.md)`) at that file's page there: the details page has no files
 * to resolve a relative path against.
 */
export function packagedReadme(markdown, web = repositoryWeb()) {
  if (!web) throw new Error('package.json has no repository: the packaged README needs it for its images and links');
  const relative = (path) => path.replace(/^\.\//, '');
  const linked = markdown.replace(/(?<!!)\[([^\]\n]*)\]\(([^)\s#]+)(#[^)\s]*)?\)/g, (whole, text, path, anchor = '') =>
    /^[a-z][a-z0-9+.-]*:/i.test(path) ? whole : `[${text}](${web}/blob/HEAD/${relative(path)}${anchor})`,
  );
  return linked.replace(/!\[([^\]\n]*)\]\(([^)\s]+)\)/g, (whole, alt, path) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return whole;
    // A typo in a path would only show as a broken image on the Marketplace: stop here instead.
    if (!existsSync(resolve(ROOT, path))) throw new Error(`README image not in the repository: ${path}`);
    return `![${alt}](${web}/raw/HEAD/${relative(path)})`;
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
