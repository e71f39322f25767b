import { bundleTranslator, setTranslator } from '../../../core/l10n';

/**
 * A page's text in the display language. The host puts the extension's loaded bundle (the same
 * l10n/bundle.l10n.<lang>.json as every other string) into the page as JSON data, never as
 * script; this module, imported first by every page, reads it before any other module of the
 * page runs, so that `l10n.t` from src/core/l10n.ts translates in the page as it does in the
 * extension: the page's own strings and the domain's (the pitch and agreement checks run here).
 * Without a bundle (English, or a page from before a reload) the text stays English.
 *
 * The data is checked by hand rather than with zod: a plain object is all it must be (the
 * translator takes only text from it, anything else stays English), and zod would add about
 * 430 KB to every page that imports this module.
 */
function loadBundle(): void {
  const data = document.getElementById('l10n-bundle')?.textContent;
  if (!data) return;
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) setTranslator(bundleTranslator(parsed as Record<string, unknown>));
  } catch {
    /* Not JSON: the page stays in English. */
  }
}

loadBundle();
