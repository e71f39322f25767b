// The web worker extension host: the private overlap's maths on this thread, one batch at a time
// with a yield before each, so the host stays responsive and a cancel is seen between batches.
// X25519 through the browser's WebCrypto when it has it (checked once), else plain JavaScript;
// SHA-512 in plain JavaScript (./sha512 is swapped for sha512.web.ts).
import { checkPoints, hashAndBlind, reblind } from '../core/psi/group';
import type { GroupWork } from '../core/psi/steps';
import { sha512 } from './sha512';
import { bestX25519, type SubtleX25519 } from './x25519';

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const x25519 = bestX25519((globalThis as { crypto?: { subtle?: SubtleX25519 } }).crypto?.subtle);

export function groupWork(): { work: GroupWork; parallel: number } {
  return {
    parallel: 1,
    work: {
      hashAndBlind: async (emails, scalar) => (await pause(), hashAndBlind(emails, scalar, await x25519(), sha512)),
      reblind: async (points, scalar, first) => (await pause(), reblind(points, scalar, first, await x25519())),
      check: async (points, first) => (await pause(), checkPoints(points, first)),
    },
  };
}
