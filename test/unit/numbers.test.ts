import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { formatCount, parseNumber, parsePlainCount, scanNumbers } from '../../src/core/numbers';
import { parseCount, readCount } from '../../src/core/countReading';
import { parseCount as parseCountPlainFirst } from '../../src/core/parseCount';
import { assertLinear } from './linearTime';

describe('parseNumber: one number as typed or stored', () => {
  const read: [string, number][] = [
    ['1200', 1200], ['1,200', 1200], ['12.000', 12000], ['12 000', 12000], ["1'200", 1200], ['1\u202f234\u202f567', 1234567],
    ['1,234,567', 1234567], ['1.5', 1.5], ['1,5', 1.5], ['0.500', 0.5], ['.5', 0.5], ['-3', -3], ['+4', 4], ['2.5e3', 2500],
    ['1E-2', 0.01], ['1.2k', 1200], ['3M', 3_000_000], ['2 million', 2_000_000], ['~45%', 45], ['45 %', 45], ['2.5x', 2.5],
    ['2.5×', 2.5], ['1,234.5', 1234.5], ['1.234,5', 1234.5], ['1 234,5', 1234.5], ['1234.567', 1234.567], ['  7  ', 7], ['0', 0],
  ];
  for (const [text, value] of read) it(`reads ${JSON.stringify(text)} as ${value}`, () => assert.equal(parseNumber(text), value));

  const refused = ['', 'TBD', 'abc', '1.2.3', '1,23,4', '1e400', '1 2', '12 members', '3-5', '1,2.3,4', '12,34,567', '5 apples', '.', '-', '1..2', 'x', '1,5k,3'];
  for (const text of refused) it(`refuses ${JSON.stringify(text)}`, () => assert.equal(parseNumber(text), undefined));

  it('takes finite numbers as they are and refuses the others', () => {
    assert.equal(parseNumber(3.25), 3.25);
    assert.equal(parseNumber(Number.POSITIVE_INFINITY), undefined);
    assert.equal(parseNumber(Number.NaN), undefined);
  });
});

describe('readCount: the count in a free-text value', () => {
  const cases: [string, number | undefined, Partial<{ low: number; high: number; approximate: boolean; text: string }>?][] = [
    ['12,000', 12000, { approximate: false, text: '12,000' }],
    ['12.000 Mitglieder', 12000],
    ['12 000 members', 12000],
    ['12k', 12000],
    ['1.2M', 1_200_000],
    ['~3.5K members', 3500, { approximate: true, text: '~3.5K' }],
    ['12,000+', 12000, { approximate: true, text: '12,000+' }],
    ['about 3k', 3000, { approximate: true }],
    ['3-5k', 3000, { low: 3000, high: 5000, approximate: true, text: '3-5k' }],
    ['3k–5k members', 3000, { low: 3000, high: 5000 }],
    ['between 800 to 1,000 people', 800, { low: 800, high: 1000 }],
    ['As of March 2026, about 9,500', 9500, { approximate: true }],
    ['15% (≈1,400 MAU)', 1400, { approximate: true }],
    ['Pre-launch (waitlist of 340)', undefined],
    ['340 on the waitlist', undefined],
    ['Founded in 2019; 800 members', 800],
    ['2000', 2000],
    ['TBD', undefined],
    ['TBD - too early to tell', undefined],
    ['about 800 people', 800],
    ['1.500', 1500],
    ['Grew 20% since 2024 to 4,200 developers', 4200],
    ['v2.1 launched 2025-03-01 with 600 members', 600],
    ['1,5k', 1500],
  ];
  for (const [text, value, extra] of cases) {
    it(`reads ${JSON.stringify(text)} as ${value}`, () => {
      const r = readCount(text);
      assert.equal(r?.value, value);
      assert.equal(parseCount(text), value);
      if (extra && r) for (const [k, v] of Object.entries(extra)) assert.deepEqual((r as unknown as Record<string, unknown>)[k], v, k);
    });
  }
  it('gives undefined for undefined', () => assert.equal(readCount(undefined), undefined));
});

describe('parsePlainCount: a count written as one plain number', () => {
  const read: [string, number][] = [
    ['12000', 12000], ['12,000', 12000], ['12.000', 12000], ['12 000', 12000], ["1'200", 1200], ['12k', 12000], ['1.2M', 1_200_000],
    ['3 million', 3_000_000], ['1,5k', 1500], ['1.5', 2], ['2.5e3', 2500], ['  800 ', 800], ['0', 0], ['2026', 2026],
  ];
  for (const [text, value] of read) {
    it(`reads ${JSON.stringify(text)} as ${value}, as parseCount does`, () => {
      assert.equal(parsePlainCount(text), value);
      assert.equal(parseCount(text), value);
    });
  }
  // Left to parseCount (the planner page asks the extension): words, ranges, signs, percents.
  const left: [string, number | undefined][] = [
    ['12k members', 12000], ['~3.5K', 3500], ['5,000+', 5000], ['about 800 people', 800], ['3-5k', 3000], ['twelve thousand', 12000],
    ['-3', 3], ['45%', undefined], ['', undefined], ['TBD', undefined], ['1.2.3', undefined], ['.5', 1], ['1e400', undefined],
  ];
  for (const [text, value] of left) {
    it(`leaves ${JSON.stringify(text)} to parseCount (${value})`, () => {
      assert.equal(parsePlainCount(text), undefined);
      assert.equal(parseCount(text), value);
    });
  }
  it('agrees with parseCount on every text it reads', () => {
    const piece = fc.constantFrom('0', '1', '2', '5', '9', '12', '000', '123', ',', '.', ' ', "'", '\u202f', 'k', 'M', 'b', 'e', 'e3', '-', '+', '%', 'x', ' million', ' thousand', 'members', '~');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const plain = parsePlainCount(text);
        if (plain !== undefined) assert.equal(plain, parseCount(text), JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('src/core/parseCount.ts: a plain count read at once, the rest by the reader of counts in free text', () => {
  it('reads every text as countReading.ts reads it', () => {
    for (const text of [undefined, '', '12,000', '12k', '~3.5K members', '5,000+', 'about 800 people', '3-5k', 'TBD', '45%', '-3', '  800 ', 'twelve thousand']) {
      assert.equal(parseCountPlainFirst(text), parseCount(text), JSON.stringify(text));
    }
    const piece = fc.constantFrom('0', '1', '12', '000', ',', '.', ' ', 'k', 'M', 'e3', '-', '+', '%', ' million', 'members', '~', 'about ', 'twelve');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        assert.equal(parseCountPlainFirst(text), parseCount(text), JSON.stringify(text));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('the number scan runs in linear time', () => {
  const scan = (text: string) => {
    scanNumbers(text);
    readCount(text);
    parseNumber(text);
  };
  for (const [name, make] of [
    ['digits and spaces', (n: number) => '1' + ' '.repeat(n) + 'a'],
    ['groups of digits', (n: number) => '1' + ',123'.repeat(n / 4) + ',12'],
    ['dots', (n: number) => '1.'.repeat(n / 2)],
    ['numbers and words', (n: number) => '12 members about '.repeat(n / 17)],
  ] as const) {
    it(`${name}: 10x the text takes well under 100x the time`, function () {
      this.timeout(60_000);
      assertLinear(scan, make(5_000), make(50_000));
    });
  }
});

describe('formatCount', () => {
  it('groups thousands', () => assert.equal(formatCount(12000.4), '12,000'));
});
