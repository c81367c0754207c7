import { createHash, randomUUID } from 'node:crypto';
import { type Dirent } from 'node:fs';
import { Readable } from 'node:stream';
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBlobDriverConformance } from './testing';
import { FilesystemBlobDriver } from './filesystem.driver';
import { UPLOADS_DIR, UPLOAD_DATA_FILE } from './layout';

const MINUTE_MS = 60_000;

async function makeRoot(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'berth-fs-driver-'));
}

describeBlobDriverConformance('filesystem', async () => {
  const root = await makeRoot();
  return {
    driver: new FilesystemBlobDriver(root),
    cleanup: () => rm(root, { recursive: true, force: true }),
    // Temp files of put(); session directories are upload sessions, which the upload cases check themselves.
    leftovers: async () =>
      ((await readdir(join(root, UPLOADS_DIR), { withFileTypes: true }).catch(() => [])) as Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name),
    reopen: () => new FilesystemBlobDriver(root),
  };
});

describe('FilesystemBlobDriver', () => {
  let root: string;

  beforeEach(async () => {
    root = await makeRoot();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lays blobs out as blobs/<algorithm>/<2 hex>/<hex>', async () => {
    const driver = new FilesystemBlobDriver(root);
    const hex = 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb';

    await driver.put(`sha256:${hex}`, Readable.from([Buffer.from('a')]));

    expect(await readdir(join(root, 'blobs', 'sha256', 'ca'))).toEqual([hex]);
  });

  it('stores bodies of more tiny chunks than one gathered write takes, byte for byte', async () => {
    const driver = new FilesystemBlobDriver(root);
    const chunks = Array.from({ length: 3000 }, (_, i) => Buffer.from(`chunk ${i};`));
    const bytes = Buffer.concat(chunks);
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const upload = randomUUID();

    await driver.put(digest, Readable.from(chunks), { expectedSize: bytes.length });
    const appended = await driver.appendUpload(upload, 0, Readable.from(chunks));
    await driver.appendUpload(upload, appended, Readable.from(chunks));

    const stored: Buffer[] = [];
    for await (const chunk of await driver.get(digest)) stored.push(chunk as Buffer);
    expect(Buffer.concat(stored)).toEqual(bytes);
    expect(await readFile(join(root, UPLOADS_DIR, upload, UPLOAD_DATA_FILE))).toEqual(Buffer.concat([bytes, bytes]));
  });

  it('sweeps upload temp files older than the given age and keeps fresh ones', async () => {
    const driver = new FilesystemBlobDriver(root);
    await mkdir(join(root, UPLOADS_DIR));
    await writeFile(join(root, UPLOADS_DIR, 'stale'), 'x');
    await writeFile(join(root, UPLOADS_DIR, 'fresh'), 'x');
    const hourAgo = new Date(Date.now() - 60 * MINUTE_MS);
    await utimes(join(root, UPLOADS_DIR, 'stale'), hourAgo, hourAgo);

    expect(await driver.sweepStaleUploads(30 * MINUTE_MS)).toBe(1);

    expect(await readdir(join(root, UPLOADS_DIR))).toEqual(['fresh']);
  });

  it('ignores files under blobs/ that are not well-formed blob paths when listing', async () => {
    const driver = new FilesystemBlobDriver(root);
    await mkdir(join(root, 'blobs', 'sha256', 'zz'), { recursive: true });
    await writeFile(join(root, 'blobs', 'sha256', 'zz', 'not-a-digest'), 'x');

    const listed: string[] = [];
    for await (const digest of driver.list()) listed.push(digest);

    expect(listed).toEqual([]);
  });
});
