// The German display language for the hosts the scripts start (`npm start`, the e2e suite): the
// test language pack in test/fixtures/language-pack-de, packaged and installed into a server's
// data folder. VS Code's own strings stay English; the extension's come from package.nls.de.json
// and l10n/bundle.l10n.de.json. With it installed, "Configure Display Language" offers German.
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, installVsix } from './host.mjs';
import { linkDevExtension } from './host139.mjs';

/** The locales a test language pack exists for, with the name "Configure Display Language" shows. */
const LABELS = { de: 'Deutsch' };
export const LANGUAGE_PACKS = Object.keys(LABELS);

function packageLanguagePack(locale, dir) {
  const out = join(dir, `language-pack-${locale}.vsix`);
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: join(ROOT, 'test', 'fixtures', `language-pack-${locale}`), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Packaging the ${locale} test language pack failed:\n${r.stdout}${r.stderr}`);
  return out;
}

/**
 * Installs the language pack of `locale` into a server data folder (see startServer) and writes
 * the index the server finds language packs through, which desktop VS Code writes itself.
 * `display`: also make it the display language (argv.json's `locale`, as "Configure Display
 * Language" writes it); else the display language stays what argv.json says (English by default).
 */
export function installLanguagePack(dataDir, locale, host, { display = true, link = false } = {}) {
  // link: the pack's folder put into the extensions folder as an install would (no .vsix, no
  // second server process to install one): for the e2e windows, where only the language is under test.
  if (link) linkDevExtension(dataDir, join(ROOT, 'test', 'fixtures', `language-pack-${locale}`));
  else installVsix(dataDir, packageLanguagePack(locale, dataDir), host);
  const userDir = join(dataDir, 'user', 'User');
  mkdirSync(userDir, { recursive: true });
  if (display) writeFileSync(join(userDir, 'argv.json'), JSON.stringify({ locale }));
  const pack = `community-partnerships-tests.test-language-pack-${locale}`;
  writeFileSync(join(dataDir, 'user', 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: `test-${locale}-1`, label: LABELS[locale] ?? locale, extensions: [{ extensionIdentifier: { id: pack }, version: '1.0.0' }],
      translations: { vscode: join(dataDir, 'extensions', `${pack}-1.0.0`, 'translations', 'main.i18n.json') },
    },
  }));
}
