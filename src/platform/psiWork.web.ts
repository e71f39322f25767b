// The web worker extension host: the private overlap's maths on this thread (it is plain
// JavaScript), one batch at a time with a yield before each, so the host stays responsive and a
// cancel is seen between batches.
import { checkPoints, hashAndBlind, reblind } from '../core/psi/group';
import type { GroupWork } from '../core/psi/steps';

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function groupWork(): { work: GroupWork; parallel: number } {
  return {
    parallel: 1,
    work: {
      hashAndBlind: async (emails, scalar) => (await pause(), hashAndBlind(emails, scalar)),
      reblind: async (points, scalar, first) => (await pause(), reblind(points, scalar, first)),
      check: async (points, first) => (await pause(), checkPoints(points, first)),
    },
  };
}
