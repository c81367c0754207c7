import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BlobDriver, type ByteRange } from '../blob-driver';

/** A driver under test, with a way to tear it down and, optionally, to see what unfinished writes left behind. */
export interface BlobDriverFixture {
  driver: BlobDriver;
  cleanup(): Promise<void>;
  /** Lists what in-progress writes of `digest` left in the backend (temp files, incomplete multipart uploads). */
  leftovers?(digest: string): Promise<string[]>;
  /** Builds a second driver over the same backend, as another replica would have (fresh process memory). */
  reopen(): BlobDriver;
}

const KIB = 1024;
const MIB = 1024 * KIB;
/** S3's minimum part size; drivers are expected to be configured with it in tests so these sizes straddle parts. */
const PART = 5 * MIB;
/** A body bigger than one part but small enough to keep in memory: exercises multipart writes on S3. */
const MULTIPART_SIZE = PART + MIB;
const BIG_SIZE = 300 * MIB;
const BIG_CHUNK = MIB;
const BODY_CHUNK = 64 * KIB;
/** A streamed write must not hold the body: peak Buffer memory stays far below the 300 MiB it writes. */
const BIG_MEMORY_LIMIT = 128 * MIB;
const MEMORY_SAMPLE_MS = 50;
const TEST_TIMEOUT_MS = 60_000;
const BIG_TEST_TIMEOUT_MS = 600_000;

/** How far a session's modification time may be from the test's clock (storage clocks are not the test's). */
const CLOCK_SKEW_MS = 5 * 60_000;

const INVALID_UPLOAD_IDS = ['', '..', '../x', 'a/b', '-leading-dash', 'a'.repeat(129), 'space d'];

const INVALID_DIGESTS = [
  '',
  'sha256:../../etc',
  'sha256:../../etc/passwd',
  `sha256:../${'a'.repeat(61)}`,
  `sha256:${'a'.repeat(63)}`,
  `sha256:${'a'.repeat(65)}`,
  `sha256:${'A'.repeat(64)}`,
  `sha256:${'g'.repeat(64)}`,
  `sha512:${'a'.repeat(64)}`,
  `md5:${'a'.repeat(32)}`,
  `SHA256:${'a'.repeat(64)}`,
  'a'.repeat(64),
  `sha256:${'a'.repeat(64)}\n`,
  `sha256:${'a'.repeat(64)}/..`,
];

/**
 * Declares the behaviour every BlobDriver must have, as one vitest suite; each driver's spec calls it with a factory
 * that builds a fresh, empty driver (S3 drivers should use the 5 MiB minimum part size so part boundaries are hit).
 */
export function describeBlobDriverConformance(name: string, makeDriver: () => Promise<BlobDriverFixture>): void {
  describe(`BlobDriver conformance: ${name}`, { timeout: TEST_TIMEOUT_MS }, () => {
    let fixture: BlobDriverFixture;
    let driver: BlobDriver;

    beforeEach(async () => {
      fixture = await makeDriver();
      driver = fixture.driver;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    /** Asserts no reader can see `digest` and, where the fixture can tell, no partial write of it remains. */
    async function expectNothingVisible(digest: string): Promise<void> {
      expect(await driver.stat(digest)).toBeUndefined();
      await expect(driver.get(digest)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
      expect(await collect(driver.list())).not.toContain(digest);
      if (fixture.leftovers) expect(await fixture.leftovers(digest)).toEqual([]);
    }

    it('answers ping', async () => {
      await expect(driver.ping()).resolves.toBeUndefined();
    });

    it.each([
      ['0 B', 0],
      ['1 B', 1],
      ['one part minus 1 B', PART - 1],
      ['exactly one part', PART],
      ['one part plus 1 B', PART + 1],
    ])('stores and returns a %s blob byte for byte', async (_label, size) => {
      const data = randomBytes(size);
      const digest = digestOf(data);

      expect(await driver.put(digest, bodyOf(data), { expectedSize: size })).toEqual({ digest, size });

      expect(await driver.stat(digest)).toEqual({ digest, size });
      expect((await readAll(await driver.get(digest))).equals(data)).toBe(true);
      expect(await collect(driver.list())).toEqual([digest]);
    });

    it(
      'streams a 300 MiB blob in and out with bounded memory',
      async () => {
        const seed = randomBytes(BIG_CHUNK);
        const digest = await hashStream(Readable.from(bigBody(seed)));
        const memory = watchBufferMemory();

        const stored = await driver.put(digest.digest, Readable.from(bigBody(seed)), { expectedSize: BIG_SIZE });
        const downloaded = await hashStream(await driver.get(digest.digest));

        expect(stored).toEqual({ digest: digest.digest, size: BIG_SIZE });
        expect(downloaded).toEqual({ digest: digest.digest, size: BIG_SIZE });
        expect(await driver.stat(digest.digest)).toEqual({ digest: digest.digest, size: BIG_SIZE });
        expect(memory.stop()).toBeLessThan(BIG_MEMORY_LIMIT);
      },
      BIG_TEST_TIMEOUT_MS,
    );

    describe('byte ranges', () => {
      const data = randomBytes(PART + 1);
      const digest = digestOf(data);
      const last = data.length - 1;

      beforeEach(async () => {
        await driver.put(digest, bodyOf(data));
      });

      it.each<[string, ByteRange]>([
        ['the first byte', { start: 0, end: 0 }],
        ['the last byte', { start: last, end: last }],
        ['a middle slice across the part boundary', { start: PART - 3, end: PART }],
        ['a middle slice inside the blob', { start: 1000, end: 200_000 }],
        ['the whole blob', { start: 0, end: last }],
      ])('returns %s', async (_label, range) => {
        const bytes = await readAll(await driver.get(digest, range));
        expect(bytes.equals(data.subarray(range.start, range.end + 1))).toBe(true);
      });

      it('clamps an end past the last byte to the last byte', async () => {
        const bytes = await readAll(await driver.get(digest, { start: last - 9, end: last + 100 }));
        expect(bytes.equals(data.subarray(last - 9))).toBe(true);
      });

      it.each<[string, ByteRange]>([
        ['starts just past the end', { start: last + 1, end: last + 10 }],
        ['starts far past the end', { start: 10 * data.length, end: 11 * data.length }],
        ['ends before it starts', { start: 10, end: 5 }],
        ['starts below zero', { start: -1, end: 5 }],
      ])('rejects a range that %s with RANGE_NOT_SATISFIABLE', async (_label, range) => {
        await expect(driver.get(digest, range)).rejects.toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });
      });

      it('rejects any range of an empty blob with RANGE_NOT_SATISFIABLE', async () => {
        const empty = digestOf(Buffer.alloc(0));
        await driver.put(empty, bodyOf(Buffer.alloc(0)));
        await expect(driver.get(empty, { start: 0, end: 0 })).rejects.toMatchObject({ code: 'RANGE_NOT_SATISFIABLE' });
      });
    });

    describe('missing blobs', () => {
      const digest = digestOf(Buffer.from('never written'));

      it('stat returns undefined', async () => {
        expect(await driver.stat(digest)).toBeUndefined();
      });

      it('get fails with BLOB_NOT_FOUND, with or without a range', async () => {
        await expect(driver.get(digest)).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
        await expect(driver.get(digest, { start: 0, end: 0 })).rejects.toMatchObject({ code: 'BLOB_NOT_FOUND' });
      });

      it('delete is a no-op', async () => {
        await expect(driver.delete(digest)).resolves.toBeUndefined();
      });
    });

    it('deletes a blob so that no reader sees it any more', async () => {
      const data = randomBytes(MULTIPART_SIZE);
      const digest = digestOf(data);
      await driver.put(digest, bodyOf(data));

      await driver.delete(digest);

      await expectNothingVisible(digest);
    });

    it.each([
      ['small', 10],
      ['multipart', MULTIPART_SIZE],
    ])('rejects a %s body whose digest does not match and keeps nothing', async (_label, size) => {
      const data = randomBytes(size);
      const claimed = digestOf(Buffer.concat([data, Buffer.from('x')]));

      await expect(driver.put(claimed, bodyOf(data))).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });

      await expectNothingVisible(claimed);
      expect(await collect(driver.list())).toEqual([]);
    });

    it.each([
      ['shorter', MULTIPART_SIZE, MULTIPART_SIZE + 1],
      ['longer', MULTIPART_SIZE, MULTIPART_SIZE - 1],
      ['far longer', MULTIPART_SIZE, PART],
      ['(empty) shorter', 0, 1],
    ])('rejects a body %s than announced with SIZE_MISMATCH and keeps nothing', async (_label, size, announced) => {
      const data = randomBytes(size);
      const digest = digestOf(data);

      await expect(driver.put(digest, bodyOf(data), { expectedSize: announced })).rejects.toMatchObject({
        code: 'SIZE_MISMATCH',
      });

      await expectNothingVisible(digest);
    });

    it('still verifies the body when the digest is already stored, and keeps the stored blob intact', async () => {
      const data = randomBytes(1000);
      const digest = digestOf(data);
      await driver.put(digest, bodyOf(data));

      await expect(driver.put(digest, bodyOf(randomBytes(1000)))).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
      await expect(driver.put(digest, bodyOf(data), { expectedSize: 999 })).rejects.toMatchObject({
        code: 'SIZE_MISMATCH',
      });
      expect(await driver.put(digest, bodyOf(data), { expectedSize: 1000 })).toEqual({ digest, size: 1000 });

      expect((await readAll(await driver.get(digest))).equals(data)).toBe(true);
    });

    it('discards a write aborted through its AbortSignal part-way through', async () => {
      const data = randomBytes(MULTIPART_SIZE + PART);
      const digest = digestOf(data);
      const { body, consumed } = stallingBody(data, MULTIPART_SIZE);
      const controller = new AbortController();

      const write = driver.put(digest, body, { expectedSize: data.length, signal: controller.signal });
      const outcome = expect(write).rejects.toMatchObject({ name: 'AbortError' });
      await consumed;
      controller.abort();
      await outcome;

      await expectNothingVisible(digest);
    });

    it('discards a write whose body is destroyed part-way through', async () => {
      const data = randomBytes(MULTIPART_SIZE + PART);
      const digest = digestOf(data);
      const { body, consumed } = stallingBody(data, MULTIPART_SIZE);

      const write = driver.put(digest, body);
      const outcome = expect(write).rejects.toThrow('client went away');
      await consumed;
      body.destroy(new Error('client went away'));
      await outcome;

      await expectNothingVisible(digest);
    });

    it('lets concurrent writers of one digest both succeed with the right content', async () => {
      const data = randomBytes(MULTIPART_SIZE);
      const digest = digestOf(data);

      const results = await Promise.all([driver.put(digest, bodyOf(data)), driver.put(digest, bodyOf(data))]);

      expect(results).toEqual([
        { digest, size: data.length },
        { digest, size: data.length },
      ]);
      expect((await readAll(await driver.get(digest))).equals(data)).toBe(true);
      expect(await collect(driver.list())).toEqual([digest]);
    });

    it('lists exactly the digests of the complete blobs', async () => {
      const blobs = ['a', 'b', 'c', 'd'].map((text) => Buffer.from(text));
      const digests = [digestOf(blobs[0]), digestOf(blobs[1]), digestOf(blobs[2]), digestOf(blobs[3], 'sha512')];
      for (const [index, digest] of digests.entries()) await driver.put(digest, bodyOf(blobs[index]));
      await driver.delete(digests[1]);
      await expect(driver.put(digestOf(Buffer.from('e')), bodyOf(Buffer.from('f')))).rejects.toMatchObject({
        code: 'DIGEST_MISMATCH',
      });

      expect((await collect(driver.list())).sort()).toEqual([digests[0], digests[2], digests[3]].sort());
    });

    it('stores sha512 blobs apart from sha256 blobs of the same bytes', async () => {
      const data = randomBytes(PART + 1);
      const sha512 = digestOf(data, 'sha512');
      const sha256 = digestOf(data);

      expect(await driver.put(sha512, bodyOf(data))).toEqual({ digest: sha512, size: data.length });

      expect(await driver.stat(sha512)).toEqual({ digest: sha512, size: data.length });
      expect(await driver.stat(sha256)).toBeUndefined();
      expect((await readAll(await driver.get(sha512, { start: 1, end: 3 }))).equals(data.subarray(1, 4))).toBe(true);
      expect(await collect(driver.list())).toEqual([sha512]);
      await expect(driver.put(sha512, bodyOf(randomBytes(10)))).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
    });

    describe('upload sessions', () => {
      const uploadId = () => randomUUID();

      async function expectNoSession(id: string): Promise<void> {
        expect(await driver.uploadSize(id)).toBe(0);
        expect((await collectUploads(driver)).map((u) => u.uploadId)).not.toContain(id);
      }

      it('appends chunks in order, reports the stored size, and commits them as one blob', async () => {
        const data = randomBytes(MULTIPART_SIZE + 3 * KIB);
        const digest = digestOf(data);
        const id = uploadId();
        const cuts = [0, 1000, PART + 10, data.length];

        for (let i = 0; i < cuts.length - 1; i++) {
          const chunk = data.subarray(cuts[i], cuts[i + 1]);
          expect(await driver.appendUpload(id, cuts[i], bodyOf(chunk), { expectedSize: chunk.length })).toBe(
            cuts[i + 1],
          );
          expect(await driver.uploadSize(id)).toBe(cuts[i + 1]);
        }
        expect(await driver.stat(digest)).toBeUndefined();

        expect(await driver.commitUpload(id, digest, { expectedSize: data.length })).toEqual({
          digest,
          size: data.length,
        });

        expect((await readAll(await driver.get(digest))).equals(data)).toBe(true);
        expect(await collect(driver.list())).toEqual([digest]);
        await expectNoSession(id);
      });

      it('refuses an append at any offset but the stored size and keeps the stored bytes', async () => {
        const id = uploadId();
        await driver.appendUpload(id, 0, bodyOf(Buffer.from('hello')));

        for (const offset of [0, 4, 6]) {
          await expect(driver.appendUpload(id, offset, bodyOf(Buffer.from('x')))).rejects.toMatchObject({
            code: 'UPLOAD_OFFSET_MISMATCH',
          });
        }
        await expect(driver.appendUpload(uploadId(), 3, bodyOf(Buffer.from('x')))).rejects.toMatchObject({
          code: 'UPLOAD_OFFSET_MISMATCH',
        });

        expect(await driver.uploadSize(id)).toBe(5);
        const digest = digestOf(Buffer.from('hello world'));
        await driver.appendUpload(id, 5, bodyOf(Buffer.from(' world')));
        expect(await driver.commitUpload(id, digest)).toEqual({ digest, size: 11 });
      });

      it('keeps the stored bytes when an append is shorter or longer than announced, or cut off', async () => {
        const data = randomBytes(MULTIPART_SIZE);
        const id = uploadId();
        await driver.appendUpload(id, 0, bodyOf(data.subarray(0, 100)));

        await expect(
          driver.appendUpload(id, 100, bodyOf(data.subarray(100, 200)), { expectedSize: 101 }),
        ).rejects.toMatchObject({ code: 'SIZE_MISMATCH' });
        await expect(
          driver.appendUpload(id, 100, bodyOf(data.subarray(100)), { expectedSize: PART }),
        ).rejects.toMatchObject({ code: 'SIZE_MISMATCH' });
        const { body, consumed } = stallingBody(data.subarray(100), PART);
        const cut = driver.appendUpload(id, 100, body);
        const outcome = expect(cut).rejects.toThrow('client went away');
        await consumed;
        body.destroy(new Error('client went away'));
        await outcome;

        expect(await driver.uploadSize(id)).toBe(100);
        await driver.appendUpload(id, 100, bodyOf(data.subarray(100)));
        expect(await driver.commitUpload(id, digestOf(data))).toEqual({ digest: digestOf(data), size: data.length });
      });

      it('is continued and committed by another driver instance, as by another replica', async () => {
        const data = randomBytes(PART + 2 * KIB);
        const digest = digestOf(data);
        const id = uploadId();
        const replica = fixture.reopen();

        await driver.appendUpload(id, 0, bodyOf(data.subarray(0, KIB)));
        expect(await replica.uploadSize(id)).toBe(KIB);
        await replica.appendUpload(id, KIB, bodyOf(data.subarray(KIB, PART)));
        expect(await driver.uploadSize(id)).toBe(PART);
        await driver.appendUpload(id, PART, bodyOf(data.subarray(PART)));

        expect(await replica.commitUpload(id, digest)).toEqual({ digest, size: data.length });

        expect((await readAll(await driver.get(digest))).equals(data)).toBe(true);
        await expectNoSession(id);
      });

      it('refuses a commit whose digest or size does not match, storing no blob and keeping the session', async () => {
        const data = randomBytes(MULTIPART_SIZE);
        const id = uploadId();
        await driver.appendUpload(id, 0, bodyOf(data));
        const wrong = digestOf(Buffer.concat([data, Buffer.from('x')]));

        await expect(driver.commitUpload(id, wrong)).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
        await expect(driver.commitUpload(id, digestOf(data), { expectedSize: data.length + 1 })).rejects.toMatchObject({
          code: 'SIZE_MISMATCH',
        });

        await expectNothingVisible(wrong);
        await expectNothingVisible(digestOf(data));
        expect(await driver.uploadSize(id)).toBe(data.length);
      });

      it('commits a 0-byte session as the empty blob', async () => {
        const empty = digestOf(Buffer.alloc(0));
        const id = uploadId();
        expect(await driver.uploadSize(id)).toBe(0);
        expect(await driver.appendUpload(id, 0, bodyOf(Buffer.alloc(0)))).toBe(0);

        expect(await driver.commitUpload(id, empty, { expectedSize: 0 })).toEqual({ digest: empty, size: 0 });

        expect(await driver.stat(empty)).toEqual({ digest: empty, size: 0 });
        expect(await readAll(await driver.get(empty))).toHaveLength(0);
        expect(await driver.commitUpload(uploadId(), empty)).toEqual({ digest: empty, size: 0 });
      });

      it('commits a session under a sha512 digest', async () => {
        const data = randomBytes(PART + 1);
        const sha512 = digestOf(data, 'sha512');
        const id = uploadId();
        await driver.appendUpload(id, 0, bodyOf(data.subarray(0, 10)));
        await driver.appendUpload(id, 10, bodyOf(data.subarray(10)));

        expect(await driver.commitUpload(id, sha512)).toEqual({ digest: sha512, size: data.length });

        expect(await driver.stat(digestOf(data))).toBeUndefined();
        expect((await readAll(await driver.get(sha512))).equals(data)).toBe(true);
      });

      it('verifies a session against a blob already stored and keeps the stored blob', async () => {
        const data = randomBytes(1000);
        const digest = digestOf(data);
        await driver.put(digest, bodyOf(data));
        const good = uploadId();
        const bad = uploadId();
        await driver.appendUpload(good, 0, bodyOf(data));
        await driver.appendUpload(bad, 0, bodyOf(randomBytes(1000)));

        await expect(driver.commitUpload(bad, digest)).rejects.toMatchObject({ code: 'DIGEST_MISMATCH' });
        expect(await driver.commitUpload(good, digest)).toEqual({ digest, size: 1000 });

        expect((await readAll(await driver.get(digest))).equals(data)).toBe(true);
        await expectNoSession(good);
      });

      it('lists sessions with bytes and when they were written, and aborts them', async () => {
        const first = uploadId();
        const second = uploadId();
        await driver.appendUpload(first, 0, bodyOf(Buffer.from('one')));
        await driver.appendUpload(second, 0, bodyOf(Buffer.from('two')));
        await driver.appendUpload(second, 3, bodyOf(Buffer.from('three')));

        const listed = await collectUploads(driver);
        expect(listed.map((u) => u.uploadId).sort()).toEqual([first, second].sort());
        for (const upload of listed) {
          expect(Math.abs(upload.modifiedAt.getTime() - Date.now())).toBeLessThan(CLOCK_SKEW_MS);
        }

        await driver.abortUpload(first);
        await driver.abortUpload(first);
        await driver.abortUpload(uploadId());

        await expectNoSession(first);
        expect(await driver.uploadSize(second)).toBe(8);
        expect((await collectUploads(driver)).map((u) => u.uploadId)).toEqual([second]);
        expect(await collect(driver.list())).toEqual([]);
      });

      it.each(INVALID_UPLOAD_IDS.map((id) => [JSON.stringify(id), id]))(
        'rejects the upload id %s with INVALID_UPLOAD_ID',
        async (_label, id) => {
          await expect(driver.appendUpload(id, 0, bodyOf(Buffer.from('x')))).rejects.toMatchObject({
            code: 'INVALID_UPLOAD_ID',
          });
          await expect(driver.uploadSize(id)).rejects.toMatchObject({ code: 'INVALID_UPLOAD_ID' });
          await expect(driver.commitUpload(id, digestOf(Buffer.from('x')))).rejects.toMatchObject({
            code: 'INVALID_UPLOAD_ID',
          });
          await expect(driver.abortUpload(id)).rejects.toMatchObject({ code: 'INVALID_UPLOAD_ID' });
        },
      );
    });

    it.each(INVALID_DIGESTS.map((digest) => [JSON.stringify(digest), digest]))(
      'rejects the digest %s with INVALID_DIGEST in every operation',
      async (_label, digest) => {
        await expect(driver.put(digest, bodyOf(Buffer.from('x')))).rejects.toMatchObject({ code: 'INVALID_DIGEST' });
        await expect(driver.stat(digest)).rejects.toMatchObject({ code: 'INVALID_DIGEST' });
        await expect(driver.get(digest)).rejects.toMatchObject({ code: 'INVALID_DIGEST' });
        await expect(driver.delete(digest)).rejects.toMatchObject({ code: 'INVALID_DIGEST' });
        expect(await collect(driver.list())).toEqual([]);
      },
    );
  });
}

function digestOf(data: Buffer, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** A body that arrives in network-sized chunks, as a request body would. */
function bodyOf(data: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < data.length; offset += BODY_CHUNK) yield data.subarray(offset, offset + BODY_CHUNK);
    })(),
  );
}

/** Yields 300 MiB as 1 MiB chunks, each the seed stamped with its index so misordered parts change the digest. */
function* bigBody(seed: Buffer): Generator<Buffer> {
  for (let index = 0; index < BIG_SIZE / BIG_CHUNK; index++) {
    const chunk = Buffer.from(seed);
    chunk.writeUInt32BE(index, 0);
    yield chunk;
  }
}

/** A body that serves `data` up to `stallAt` bytes, then waits; `consumed` resolves once the reader took all of that. */
function stallingBody(data: Buffer, stallAt: number): { body: Readable; consumed: Promise<void> } {
  let offset = 0;
  let markConsumed: () => void = () => undefined;
  const consumed = new Promise<void>((resolve) => (markConsumed = resolve));
  const body = new Readable({
    read() {
      if (offset < stallAt) {
        this.push(data.subarray(offset, Math.min(offset + BODY_CHUNK, stallAt)));
        offset += BODY_CHUNK;
      } else {
        markConsumed();
      }
    },
  });
  return { body, consumed };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function hashStream(stream: Readable): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const items: string[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Samples the memory held by Buffers until stopped, and returns the peak growth over the starting value. */
function watchBufferMemory(): { stop(): number } {
  const start = process.memoryUsage().arrayBuffers;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), MEMORY_SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return peak - start;
    },
  };
}

async function collectUploads(driver: BlobDriver): Promise<{ uploadId: string; modifiedAt: Date }[]> {
  const items: { uploadId: string; modifiedAt: Date }[] = [];
  for await (const item of driver.listUploads()) items.push(item);
  return items;
}
