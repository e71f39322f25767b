import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import { sha256Batch as webBatch } from '../../src/platform/sha256.web';

/** The web worker host's SHA-256 (JavaScript) against node:crypto, input by input. */
describe('sha256.web: the web build hashing', () => {
  const nodeHash = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

  it('gives the digests node:crypto gives, at every padding boundary and for any text', () => {
    const inputs = ['', 'a', 'abc', 'ÄNNE@example.org', 'i̇nci@x.org', '😀@x.org', 'lone \ud800 surrogate', 'x'.repeat(10_000)];
    for (let n = 50; n <= 130; n++) inputs.push('y'.repeat(n));
    for (let i = 0; i < 500; i++) inputs.push(crypto.randomBytes(i % 211).toString('latin1') + String.fromCharCode((i * 7919) % 0xffff));
    const got = webBatch(inputs);
    assert.equal(got.length, inputs.length * 32);
    inputs.forEach((s, i) => assert.deepEqual(Buffer.from(got.subarray(i * 32, i * 32 + 32)), nodeHash(s), `input ${i} (${s.length} characters)`));
  });

  it('gives the known digest of "abc" and of nothing', () => {
    const got = webBatch(['abc', '']);
    assert.equal(Buffer.from(got.subarray(0, 32)).toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(Buffer.from(got.subarray(32)).toString('hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
