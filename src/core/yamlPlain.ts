// Plain scalars typed as js-yaml's core schema types them, without js-yaml (its types load with
// the full reading of a record, src/core/blockYaml.ts): for the records' one-pass reader
// (src/core/records/fastDigest.ts), which gives up on what this cannot tell.
import { NOT_READ, mayBeTyped } from './yamlScalars';

const DASH = 0x2d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A decimal integer (js-yaml reads a sign, then `0` or digits without a leading zero). */
const DECIMAL = /^[-+]?(?:0|[1-9]\d*)$/;
/** A float of the core schema without `_`, `:`, `.inf` or `.nan`: its first two forms. */
const DECIMAL_FLOAT = /^(?:[-+]?(?:0|[1-9]\d*)(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)$/;
/**
 * A character no integer or float of the core schema holds: text with one is a string. They hold
 * digits, `_`, signs, `.`, `:`, `x` (after `0`), hex digits, and the letters of `.inf` and `.nan`.
 */
const NOT_NUMERIC = /[^\d_+\-.:xa-fA-FiInN]/;

/**
 * The value js-yaml gives a plain scalar under the core schema, for the plain scalars records
 * are written with: null, booleans, text, decimal integers and decimals. NOT_READ for the rest
 * (`0x1F`, `012`, `1_000`, `1:30`, `.inf`, and text it cannot tell from those), which js-yaml
 * reads (test/unit/frontMatter.test.ts compares the two).
 */
export function simplePlain(s: string): unknown {
  if (s.length === 0) return null;
  const c = s.charCodeAt(0);
  if (!mayBeTyped(c)) return s;
  switch (s) {
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  // Null and the booleans are those words only; numbers start with a digit, a sign or a dot.
  if (!isDigit(c) && c !== 0x2b && c !== DASH && c !== 0x2e) return s;
  if (DECIMAL.test(s)) {
    // As js-yaml builds it: `-0` is 0.
    const sign = c === DASH ? -1 : 1;
    const digits = c === DASH || c === 0x2b ? s.slice(1) : s;
    return digits === '0' ? 0 : sign * parseInt(digits, 10);
  }
  if (DECIMAL_FLOAT.test(s)) {
    const sign = c === DASH ? -1 : 1;
    return sign * parseFloat(c === DASH || c === 0x2b ? s.slice(1) : s);
  }
  // `x` is only a number's after a leading `0` (hexadecimal).
  if (NOT_NUMERIC.test(s) || (s.includes('x') && !/^[-+]?0x/.test(s))) return s;
  return NOT_READ;
}
