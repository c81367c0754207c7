import { type FileHandle } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';

/**
 * Bytes per read of a blob file: 1 MiB. Alone on loopback, 1–2 MiB reads served the fastest pulls (64 KiB a third as
 * fast, 4 MiB slower); in the registry 0.5–4 MiB measured alike. Two buffers per pull keep 1,000 pulls within 2 GiB.
 */
export const FILE_READ_CHUNK_BYTES = 1024 * 1024;

/** Buffers writeTo() rotates: one being filled from the file while the other is being written to the sink. */
const BUFFERS_IN_ROTATION = 2;

/**
 * A readable stream over a byte range of an open blob file, which it closes when it ends or is destroyed.
 *
 * Read as an ordinary Readable it allocates a fresh buffer per chunk, like fs.createReadStream. writeTo() instead
 * writes the range to a sink through two buffers it reuses, each only after the sink reported it written: a fresh
 * buffer per megabyte is external memory, which V8 answers with a full mark-compact every few dozen megabytes, and in
 * a process with a large heap those collections took most of a pull's CPU time.
 */
export class FileBlobStream extends Readable {
  private position: number;
  private writing = false;

  constructor(
    private readonly file: FileHandle,
    start: number,
    /** One past the last byte of the range. */
    private readonly end: number,
    private readonly chunkBytes = FILE_READ_CHUNK_BYTES,
  ) {
    super({ highWaterMark: chunkBytes });
    this.position = start;
  }

  /**
   * Writes the rest of the range to `sink` (without ending it), calling `onWritten` with each chunk's size once the
   * sink has taken it, and closes the file; rejects if the file is shorter than the range or the sink fails or closes.
   */
  async writeTo(sink: Writable, onWritten?: (bytes: number) => void): Promise<void> {
    if (this.writing || this.readableDidRead || this.destroyed)
      throw new Error('the blob stream is already being read');
    this.writing = true;
    const gone = sinkGone(sink);
    try {
      const size = Math.min(this.chunkBytes, this.end - this.position);
      const buffers = Array.from({ length: BUFFERS_IN_ROTATION }, () => Buffer.allocUnsafe(size));
      const written: Promise<void>[] = buffers.map(() => Promise.resolve());
      for (let turn = 0; this.position < this.end; turn = (turn + 1) % BUFFERS_IN_ROTATION) {
        // The buffer is reused only once the sink has reported writing what it held.
        await Promise.race([written[turn], gone.promise]);
        const chunk = await this.readInto(buffers[turn]!);
        const done = writeChunk(sink, chunk).then(() => onWritten?.(chunk.length));
        // Observed at once, so a write failing while the next read runs is not an unhandled rejection; awaited later.
        done.catch(() => undefined);
        written[turn] = done;
      }
      await Promise.race([Promise.all(written), gone.promise]);
    } catch (error) {
      this.destroy();
      throw error;
    } finally {
      gone.dispose();
    }
    this.destroy();
  }

  override _read(): void {
    const remaining = this.end - this.position;
    if (remaining <= 0) {
      this.push(null);
      return;
    }
    this.readInto(Buffer.allocUnsafe(Math.min(this.chunkBytes, remaining))).then(
      (chunk) => this.push(chunk),
      (error: Error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.file.close().then(
      () => callback(error),
      (closeError: Error) => callback(error ?? closeError),
    );
  }

  /** Reads the next bytes of the range into `buffer` and returns the filled part. */
  private async readInto(buffer: Buffer): Promise<Buffer> {
    const length = Math.min(buffer.length, this.end - this.position);
    const { bytesRead } = await this.file.read(buffer, 0, length, this.position);
    if (bytesRead === 0) throw new Error(`the blob file ended at byte ${this.position}, before byte ${this.end}`);
    this.position += bytesRead;
    return bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
  }
}

function writeChunk(sink: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.write(chunk, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

/**
 * A promise that rejects once the sink closes or fails. An HTTP response whose socket is already gone drops a write
 * without ever calling its callback, so every wait on a write also waits on this.
 */
function sinkGone(sink: Writable): { promise: Promise<never>; dispose(): void } {
  let fail: (error: Error) => void = () => undefined;
  const promise = new Promise<never>((_, reject) => (fail = reject));
  promise.catch(() => undefined);
  const onClose = () => fail(new Error('the sink closed before the blob was written'));
  const onError = (error: Error) => fail(error);
  sink.once('close', onClose).once('error', onError);
  if (sink.destroyed) onClose();
  return { promise, dispose: () => sink.off('close', onClose).off('error', onError) };
}
