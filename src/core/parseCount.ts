// A count (a community size, a number of people) where nearly every one is written as one plain
// number: the records' front matter, the planner's forms. A plain number is read here
// (src/core/numbers.ts); anything else by the reader of counts in free text
// (src/core/countReading.ts), which the Node host loads on the first such count
// (src/core/countReadingChunk.ts). Code that reads free text every time (the community context,
// the pitch) imports src/core/countReading.ts itself.
import { parsePlainCount } from './numbers';
import { countReading } from './countReadingChunk';

/**
 * A community size written any way people write it, as a whole number (a range gives its low
 * end): `12,000`, `12k`, `~3.5K members`, `1.2M`, `5,000+`, `about 800 people`. Undefined when
 * the text holds no count (including `TBD`). What parsePlainCount reads, it reads as
 * countReading's parseCount does (test/unit/numbers.test.ts).
 */
export function parseCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return (typeof text === 'string' ? parsePlainCount(text) : undefined) ?? countReading().parseCount(text);
}
