import * as z from 'zod/mini';
import { bundleTranslator, setTranslator } from '../../../core/l10n';

/**
 * A page's text in the display language. The host puts the extension's loaded bundle (the same
 * l10n/bundle.l10n.<lang>.json as every other string) into the page as JSON data, never as
 * script; this module, imported first by every page, reads it before any other module of the
 * page runs, so that `l10n.t` from src/core/l10n.ts translates in the page as it does in the
 * extension: the page's own strings and the domain's (the pitch and agreement checks run here).
 * Without a bundle (English, or a page from before a reload) the text stays English.
 */
const Bundle = z.record(z.string(), z.unknown());

function loadBundle(): void {
  const data = document.getElementById('l10n-bundle')?.textContent;
  if (!data) return;
  try {
    const parsed = Bundle.safeParse(JSON.parse(data));
    if (parsed.success) setTranslator(bundleTranslator(parsed.data));
  } catch {
    /* Not JSON: the page stays in English. */
  }
}

loadBundle();
