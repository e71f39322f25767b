import { bundleTranslator, setDisplayLocale, setTranslator } from '../../core/l10n';

/**
 * A page's text in the display language. The host puts the extension's loaded bundle (the same
 * l10n/bundle.l10n.<lang>.json as every other string) into the page as JSON data, never as
 * script; this module, imported first by every page, reads it before any other module of the
 * page runs, so that `l10n.t` from src/core/l10n.ts translates in the page as it does in the
 * extension: the page's own strings and the domain's (the pitch and agreement checks run here).
 * Without a bundle (English, or a page from before a reload) the text stays English.
 */
/** A bundle is an object of message → translation; anything else is ignored. (Checked by hand:
 * zod's namespace of locales would put about 400 KB into every page.) */
function isBundle(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function loadBundle(): void {
  // Numbers and dates in the display language's format, with or without a bundle.
  setDisplayLocale(document.documentElement.lang);
  const data = document.getElementById('l10n-bundle')?.textContent;
  if (!data) return;
  try {
    const parsed: unknown = JSON.parse(data);
    if (isBundle(parsed)) setTranslator(bundleTranslator(parsed));
  } catch {
    /* Not JSON: the page stays in English. */
  }
}

loadBundle();
