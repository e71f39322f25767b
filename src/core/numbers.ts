/**
 * Turns the ways people write community sizes into numbers:
 * `12,000`, `12k`, `~3.5K members`, `1.2M`, `5,000+`, `about 800 people`.
 * Returns undefined when the text holds no number (including `TBD`).
 */
export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  // The first number in the text, with thousands separators (, . space or thin space before 3 digits)
  const match = /(\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+|\d+(?:\.\d+)?)\s*([kKmM](?![a-zA-Z]))?/.exec(text);
  if (!match) return undefined;
  const digits = match[1].replace(/[,\u202f\u00a0 ]/g, '');
  let value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  const suffix = match[2]?.toLowerCase();
  if (suffix === 'k') value *= 1_000;
  if (suffix === 'm') value *= 1_000_000;
  return Math.round(value);
}

/** `12000` → `12,000`; used wherever a count is shown or written back. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
