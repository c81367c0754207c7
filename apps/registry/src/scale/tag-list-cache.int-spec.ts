/*
 * Each replica caches full tag lists and revalidates them against repository.tags_version, which triggers on `tag`
 * bump in the same transaction as every tag change. A replica must never answer a stale list after another replica
 * (or a cascade) changed the tags.
 */
import { MediaType } from '@berth/oci';
import { type RegistryHarness, pushImage, putManifest, startRegistryHarness } from '../testing/registry-harness';

let h: RegistryHarness;
let reader: string;
let writer: string;
const NAME = 'library/cached-tags';

const tagsVia = async (base: string) =>
  ((await (await fetch(`${base}/v2/${NAME}/tags/list`)).json()) as { tags: string[] }).tags;
const del = (path: string) => fetch(`${writer}/v2/${NAME}/${path}`, { method: 'DELETE' });

beforeAll(async () => {
  h = await startRegistryHarness('registry_tag_cache', 2);
  [reader, writer] = h.bases as [string, string];
});

afterAll(async () => {
  await h?.close();
});

it('shows a tag pushed through another replica right after the push', async () => {
  const image = await pushImage(writer, NAME, 'v1', 'cache-a');
  expect(await tagsVia(reader)).toEqual(['v1']);
  expect(await tagsVia(reader)).toEqual(['v1']);
  await putManifest(writer, NAME, 'v2', image.body, MediaType.OciManifest);
  expect(await tagsVia(reader)).toEqual(['v1', 'v2']);
});

it('drops a tag deleted through another replica', async () => {
  expect((await del('manifests/v2')).status).toBe(202);
  expect(await tagsVia(reader)).toEqual(['v1']);
});

it('drops the tags of a manifest deleted through another replica (cascade)', async () => {
  const other = await pushImage(writer, NAME, 'v3', 'cache-b');
  await putManifest(writer, NAME, 'v4', other.body, MediaType.OciManifest);
  expect(await tagsVia(reader)).toEqual(['v1', 'v3', 'v4']);
  expect((await del(`manifests/${other.digest}`)).status).toBe(202);
  expect(await tagsVia(reader)).toEqual(['v1']);
});

it('moves a tag to another manifest and bumps the version once per change', async () => {
  const before = await h.sql.query<{ v: string }>('SELECT tags_version AS v FROM repository WHERE name = $1', [NAME]);
  const moved = await pushImage(writer, NAME, 'v1', 'cache-c');
  const after = await h.sql.query<{ v: string }>('SELECT tags_version AS v FROM repository WHERE name = $1', [NAME]);
  expect(Number(after.rows[0]!.v)).toBe(Number(before.rows[0]!.v) + 1);
  expect(await tagsVia(reader)).toEqual(['v1']);
  const head = await fetch(`${reader}/v2/${NAME}/manifests/v1`, {
    method: 'HEAD',
    headers: { Accept: MediaType.OciManifest },
  });
  expect(head.headers.get('docker-content-digest')).toBe(moved.digest);
});
