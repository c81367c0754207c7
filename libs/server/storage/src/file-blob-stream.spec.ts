import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { FileBlobStream } from './file-blob-stream';

const CHUNK = 64 * 1024;

/** A sink that keeps copies of what it was given and acknowledges each write after `delayMs`. */
function slowSink(delayMs: number): { sink: Writable; received: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      // Copied only when acknowledged: a buffer reused before its callback would show up as wrong bytes here.
      setTimeout(() => {
        chunks.push(Buffer.from(chunk));
        callback();
      }, delayMs);
    },
  });
  return { sink, received: () => Buffer.concat(chunks) };
}

describe('FileBlobStream', () => {
  let dir: string;
  let path: string;
  let content: Buffer;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'berth-file-blob-stream-'));
    path = join(dir, 'blob');
    content = randomBytes(5 * CHUNK + 123);
    await writeFile(path, content);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const streamOf = async (start = 0, end = content.length) =>
    new FileBlobStream(await open(path, 'r'), start, end, CHUNK);

  it('writes the whole file to a slow sink byte for byte, counting what the sink took, and closes the file', async () => {
    const stream = await streamOf();
    const { sink, received } = slowSink(2);
    const counted: number[] = [];

    await stream.writeTo(sink, (bytes) => counted.push(bytes));

    expect(received().equals(content)).toBe(true);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(content.length);
    expect(Math.max(...counted)).toBeLessThanOrEqual(CHUNK);
    expect(stream.destroyed).toBe(true);
  });

  it('writes only the requested range', async () => {
    const { sink, received } = slowSink(0);

    await (await streamOf(CHUNK - 7, 3 * CHUNK + 11)).writeTo(sink);

    expect(received().equals(content.subarray(CHUNK - 7, 3 * CHUNK + 11))).toBe(true);
  });

  it('writes nothing for an empty range', async () => {
    const { sink, received } = slowSink(0);

    await (await streamOf(10, 10)).writeTo(sink);

    expect(received().length).toBe(0);
  });

  it('reads as an ordinary Readable with the same bytes', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of await streamOf(5, content.length - 5)) chunks.push(chunk as Buffer);

    expect(Buffer.concat(chunks).equals(content.subarray(5, content.length - 5))).toBe(true);
  });

  it('rejects when the file is shorter than the range', async () => {
    const stream = await streamOf();
    await truncate(path, 2 * CHUNK);

    await expect(stream.writeTo(slowSink(0).sink)).rejects.toThrow(/ended at byte 131072/);
    expect(stream.destroyed).toBe(true);
  });

  it('fails a Readable whose file is shorter than the range', async () => {
    const stream = await streamOf();
    await truncate(path, CHUNK);

    await expect(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
    ).rejects.toThrow(/ended at byte 65536/);
  });

  it('rejects and closes the file when the sink is destroyed mid-way, even if it never calls back', async () => {
    const stream = await streamOf();
    // Like an HTTP response whose socket is gone: it takes the writes and never acknowledges them.
    const sink = new Writable({ write: () => undefined });
    setTimeout(() => sink.destroy(), 20);

    await expect(stream.writeTo(sink)).rejects.toThrow();
    expect(stream.destroyed).toBe(true);
  });

  it('rejects when the sink fails a write', async () => {
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('disk on fire')) });
    sink.on('error', () => undefined);

    await expect((await streamOf()).writeTo(sink)).rejects.toThrow('disk on fire');
  });

  it('refuses a second consumer', async () => {
    const stream = await streamOf();
    const first = stream.writeTo(slowSink(0).sink);

    await expect(stream.writeTo(slowSink(0).sink)).rejects.toThrow(/already being read/);
    await first;
  });
});
