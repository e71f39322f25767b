// Renders media/icon.png (128x128, the Marketplace and Extensions view icon) from the activity
// bar glyph in media/icon.svg, in Chromium: `node scripts/make-icon.mjs`. The PNG is committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/host.mjs';
import { openBrowser } from './lib/workbench.mjs';

const glyph = readFileSync(join(ROOT, 'media', 'icon.svg'), 'utf8').replace('stroke="currentColor"', 'stroke="#ffffff"').replace('width="24" height="24"', 'width="88" height="88"');
const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div id="icon" style="width:128px;height:128px;border-radius:24px;display:flex;align-items:center;justify-content:center;
  background:linear-gradient(135deg,#0f766e 0%,#1d4ed8 100%)">${glyph}</div></body></html>`;
const browser = await openBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 })).newPage();
  await page.setContent(html);
  await page.locator('#icon').screenshot({ path: join(ROOT, 'media', 'icon.png'), omitBackground: true });
  console.log('media/icon.png written');
} finally {
  await browser.close();
}
