import { type ContextLabel, TEMPLATE_GUIDANCE } from './labels';
import { normalizeContextValue } from './text';

/** What a written value means to its reader: the template's guidance and `TBD` remarks are not values. */

function guidanceKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[—–]/g, '-')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const GUIDANCE_KEYS = new Map<ContextLabel, string>(Object.entries(TEMPLATE_GUIDANCE).map(([l, g]) => [l as ContextLabel, guidanceKey(g)]));
const ALL_GUIDANCE = new Set<string>([...GUIDANCE_KEYS.values()].flatMap((g) => [g, `(${g})`]));

/**
 * The value a reader takes from a written one: the template's guidance and `TBD` with a remark
 * are unset (with the reason); guidance left before or after a real value is dropped.
 */
export function readValue(label: ContextLabel, written: string): { value: string | undefined; unset?: 'guidance' | 'tbd'; remark?: string } {
  let s = written.trim();
  const guidance = GUIDANCE_KEYS.get(label);
  if (guidance !== undefined) {
    const key = guidanceKey(s);
    const paren = `(${guidance})`;
    if (key === paren || key === guidance || ALL_GUIDANCE.has(key)) return { value: undefined, unset: 'guidance' };
    if (key.startsWith(paren)) s = s.slice(s.indexOf(')') + 1).trim();
    else if (key.endsWith(paren)) s = s.slice(0, s.lastIndexOf('(')).trim();
  } else if (ALL_GUIDANCE.has(guidanceKey(s))) {
    return { value: undefined, unset: 'guidance' };
  }
  const normal = normalizeContextValue(s);
  if (normal === undefined) return { value: undefined };
  const tbd = tbdRemark(normal);
  if (tbd !== undefined) return { value: undefined, unset: 'tbd', remark: tbd };
  return { value: normal };
}

/** `TBD - too early to tell`, `TBD (ask Sam)`, `To be decided`: the remark, or undefined when the value is not a TBD. */
function tbdRemark(value: string): string | undefined {
  const lower = value.toLowerCase();
  const words = ['to be determined', 'to be decided', 'to be confirmed', 'tbd', 'tbc', 'tba'];
  const word = words.find((w) => lower.startsWith(w));
  if (!word) return undefined;
  const rest = value.slice(word.length);
  if (rest !== '' && /[\p{L}\p{N}]/u.test(rest[0])) return undefined; // `TBDX`
  return rest.replace(/^[\s\p{P}]+/u, '').replace(/\)$/, '').trim();
}

