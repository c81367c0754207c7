import { AuditLogEntity } from '@berth/db';
import {
  type RegistryProcess,
  type TestOciImage,
  buildOciImage,
  createTestDatabase,
  pushOciImage,
  pushOciIndex,
  startRegistryProcess,
} from '@berth/testing';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { type Caller, type TenancyApi, json, startTenancyApi } from '../projects/tenancy.testing';
import { type RepositoryResponseDto } from '../repositories/dto/repository.dto';
import { type SearchResponseDto } from '../search/dto/search.dto';
import { type ArtifactResponseDto, type BuildHistoryEntryDto } from './dto/artifact.dto';

/** The OCI empty descriptor's content (`{}`), the config of artifacts that need none. */
const EMPTY_CONFIG = Buffer.from('{}');

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

const MANIFEST_ACCEPT = 'application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json';

describe('repositories and artifacts through HTTP, changed through the real registry', () => {
  let api: TenancyApi;
  let registry: RegistryProcess;
  const images: TestOciImage[] = [];
  let webDigest: string;
  let indexDigest: string;
  const call = (caller: Caller, method: string, path: string, body?: unknown) => api.call(caller, method, path, body);
  const manifestStatus = async (name: string, reference: string) =>
    (
      await fetch(`${registry.url}/v2/${name}/manifests/${reference}`, {
        method: 'HEAD',
        headers: { accept: MANIFEST_ACCEPT },
      })
    ).status;
  const image = () => {
    const built = buildOciImage({ layerCount: 1, bytesPerLayer: 2048 });
    images.push(built);
    return built;
  };

  beforeAll(async () => {
    const db = await createTestDatabase('artifacts_api', { migrate: true });
    registry = await startRegistryProcess({ databaseUrl: db.url });
    api = await startTenancyApi('artifacts_api', { BERTH_REGISTRY_INTERNAL_URL: registry.url }, db);
    await api.createUsers('dev', 'guest', 'maint', 'outsider');
    expect((await call('admin', 'POST', '/projects', { project_name: 'apps' })).status).toBe(201);
    expect((await call('admin', 'POST', '/projects', { project_name: 'dest' })).status).toBe(201);
    expect((await call('admin', 'POST', '/projects', { project_name: 'secret' })).status).toBe(201);
    for (const [username, role] of [
      ['dev', 2],
      ['guest', 3],
      ['maint', 4],
    ] as const) {
      for (const project of ['apps', 'dest']) {
        const res = await call('admin', 'POST', `/projects/${project}/members`, {
          role_id: role,
          member_user: { username },
        });
        expect(res.status).toBe(201);
      }
    }
    webDigest = await pushOciImage(registry.url, 'apps/web', image(), 'v1');
    indexDigest = await pushOciIndex(
      registry.url,
      'apps/multi',
      [
        { image: image(), platform: { architecture: 'amd64', os: 'linux' } },
        { image: image(), platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
      ],
      'latest',
    );
    await pushOciImage(registry.url, 'apps/team/svc', image(), '1.0');
    await pushOciImage(registry.url, 'secret/hidden', image(), 'v1');
  });

  afterAll(async () => {
    await registry?.stop();
    await api?.close();
    for (const built of images) rmSync(built.dir, { recursive: true, force: true });
  });

  describe('repositories', () => {
    it('lists the project’s repositories with counts and paging headers', async () => {
      const res = await call('guest', 'GET', '/projects/apps/repositories?sort=name');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe('3');
      const repositories = await json<RepositoryResponseDto[]>(res);
      expect(repositories.map((r) => [r.name, r.artifact_count])).toEqual([
        ['apps/multi', 1],
        ['apps/team/svc', 1],
        ['apps/web', 1],
      ]);
      const page = await call('guest', 'GET', '/projects/apps/repositories?sort=name&page=2&page_size=2');
      expect((await json<RepositoryResponseDto[]>(page)).map((r) => r.name)).toEqual(['apps/web']);
      expect(page.headers.get('link')).toBe(
        '</api/v2.0/projects/apps/repositories?sort=name&page=1&page_size=2>; rel="prev"',
      );
    });

    it('shows a nested repository by its encoded and double-encoded name', async () => {
      for (const encoded of ['team%2Fsvc', 'team%252Fsvc']) {
        const res = await call('guest', 'GET', `/projects/apps/repositories/${encoded}`);
        expect(res.status, encoded).toBe(200);
        expect(await json<RepositoryResponseDto>(res)).toMatchObject({
          name: 'apps/team/svc',
          artifact_count: 1,
          pull_count: 0,
        });
      }
      expect((await call('guest', 'GET', '/projects/apps/repositories/nothing')).status).toBe(404);
      expect((await call('guest', 'GET', '/projects/apps/repositories/Bad..Name')).status).toBe(400);
      expect((await call('outsider', 'GET', '/projects/apps/repositories/web')).status).toBe(404);
    });

    it('changes the description for writers only', async () => {
      expect((await call('guest', 'PUT', '/projects/apps/repositories/web', { description: 'nope' })).status).toBe(403);
      expect(
        (await call('dev', 'PUT', '/projects/apps/repositories/web', { description: 'The web front end' })).status,
      ).toBe(200);
      expect(
        await json<RepositoryResponseDto>(await call('guest', 'GET', '/projects/apps/repositories/web')),
      ).toMatchObject({
        description: 'The web front end',
      });
    });

    it('finds visible repositories by search', async () => {
      const found = await json<SearchResponseDto>(await call('guest', 'GET', '/search?q=web'));
      expect(found.repository).toEqual([
        {
          project_id: expect.any(Number),
          project_name: 'apps',
          project_public: false,
          repository_name: 'apps/web',
          pull_count: 0,
          artifact_count: 1,
        },
      ]);
      expect((await json<SearchResponseDto>(await call('guest', 'GET', '/search?q=hidden'))).repository).toEqual([]);
      expect((await json<SearchResponseDto>(await call('admin', 'GET', '/search?q=hidden'))).repository).toHaveLength(
        1,
      );
    });
  });

  describe('artifacts', () => {
    it('lists artifacts with tags, and an index with its references instead of its manifests', async () => {
      const web = await json<ArtifactResponseDto[]>(
        await call('guest', 'GET', '/projects/apps/repositories/web/artifacts'),
      );
      expect(web).toEqual([
        expect.objectContaining({
          digest: webDigest,
          type: 'IMAGE',
          media_type: 'application/vnd.oci.image.config.v1+json',
          manifest_media_type: 'application/vnd.oci.image.manifest.v1+json',
          repository_name: 'apps/web',
          tags: [expect.objectContaining({ name: 'v1', immutable: false })],
          references: null,
        }),
      ]);
      const res = await call('guest', 'GET', '/projects/apps/repositories/multi/artifacts?with_tag=false');
      expect(res.headers.get('x-total-count')).toBe('1');
      const [index] = await json<ArtifactResponseDto[]>(res);
      expect(index).toMatchObject({
        digest: indexDigest,
        tags: null,
        manifest_media_type: 'application/vnd.oci.image.index.v1+json',
      });
      expect(index!.references!.map((r) => r.platform)).toEqual([
        { architecture: 'amd64', os: 'linux' },
        { architecture: 'arm64', os: 'linux', variant: 'v8' },
      ]);
    });

    it('shows an artifact by tag or digest', async () => {
      const byTag = await json<ArtifactResponseDto>(
        await call('guest', 'GET', '/projects/apps/repositories/web/artifacts/v1'),
      );
      const byDigest = await json<ArtifactResponseDto>(
        await call('guest', 'GET', `/projects/apps/repositories/web/artifacts/${webDigest}`),
      );
      expect(byTag.digest).toBe(webDigest);
      expect(byDigest).toEqual(byTag);
      expect((await call('guest', 'GET', '/projects/apps/repositories/web/artifacts/v9')).status).toBe(404);
      expect((await call('guest', 'GET', '/projects/apps/repositories/web/artifacts/sha256:bad')).status).toBe(400);
    });

    it('adds a tag through the registry for writers, and refuses a taken one', async () => {
      expect(
        (await call('guest', 'POST', '/projects/apps/repositories/web/artifacts/v1/tags', { name: 'v2' })).status,
      ).toBe(403);
      expect(
        (await call('dev', 'POST', '/projects/apps/repositories/web/artifacts/v1/tags', { name: 'v2' })).status,
      ).toBe(201);
      expect(await manifestStatus('apps/web', 'v2')).toBe(200);
      const taken = await call('dev', 'POST', `/projects/apps/repositories/web/artifacts/${webDigest}/tags`, {
        name: 'v2',
      });
      expect(taken.status).toBe(409);
      expect(
        (await call('dev', 'POST', '/projects/apps/repositories/web/artifacts/v1/tags', { name: '-bad' })).status,
      ).toBe(400);
      const artifact = await json<ArtifactResponseDto>(
        await call('guest', 'GET', '/projects/apps/repositories/web/artifacts/v2'),
      );
      expect(artifact.tags!.map((t) => t.name)).toEqual(['v1', 'v2']);
    });

    it('removes a tag through the registry for maintainers, keeping the artifact', async () => {
      expect((await call('dev', 'DELETE', '/projects/apps/repositories/web/artifacts/v1/tags/v2')).status).toBe(403);
      expect((await call('maint', 'DELETE', '/projects/apps/repositories/web/artifacts/v1/tags/nope')).status).toBe(
        404,
      );
      expect((await call('maint', 'DELETE', '/projects/apps/repositories/web/artifacts/v1/tags/v2')).status).toBe(200);
      expect(await manifestStatus('apps/web', 'v2')).toBe(404);
      expect(await manifestStatus('apps/web', webDigest)).toBe(200);
    });

    it('copies an image with its tags, and an index with its manifests, from a repository the caller can pull', async () => {
      const copied = await call('dev', 'POST', '/projects/dest/repositories/web-copy/artifacts?from=apps/web:v1');
      expect(copied.status).toBe(201);
      expect(copied.headers.get('location')).toBe(
        `/api/v2.0/projects/dest/repositories/web-copy/artifacts/${webDigest}`,
      );
      expect(await manifestStatus('dest/web-copy', 'v1')).toBe(200);
      const copiedLayer = images[0]!.layers[0]!.digest;
      expect((await fetch(`${registry.url}/v2/dest/web-copy/blobs/${copiedLayer}`, { method: 'HEAD' })).status).toBe(
        200,
      );

      const index = await call(
        'dev',
        'POST',
        `/projects/dest/repositories/multi/artifacts?from=apps/multi@${indexDigest}`,
      );
      expect(index.status).toBe(201);
      const [artifact] = await json<ArtifactResponseDto[]>(
        await call('dev', 'GET', '/projects/dest/repositories/multi/artifacts'),
      );
      expect(artifact).toMatchObject({ digest: indexDigest, tags: [expect.objectContaining({ name: 'latest' })] });
      expect(artifact!.references).toHaveLength(2);
      for (const ref of artifact!.references!) expect(await manifestStatus('dest/multi', ref.child_digest)).toBe(200);
    });

    it('refuses copies from hidden sources (404), by readers (403) and with a malformed from (400)', async () => {
      expect((await call('dev', 'POST', '/projects/dest/repositories/x/artifacts?from=secret/hidden:v1')).status).toBe(
        404,
      );
      expect((await call('guest', 'POST', '/projects/dest/repositories/x/artifacts?from=apps/web:v1')).status).toBe(
        403,
      );
      expect((await call('dev', 'POST', '/projects/dest/repositories/x/artifacts?from=apps-web')).status).toBe(400);
      expect((await call('dev', 'POST', '/projects/dest/repositories/x/artifacts')).status).toBe(400);
    });

    it('refuses to delete a manifest an index lists, and deletes an index with its manifests', async () => {
      const [index] = await json<ArtifactResponseDto[]>(
        await call('maint', 'GET', '/projects/dest/repositories/multi/artifacts'),
      );
      const child = index!.references![0]!.child_digest;
      const listed = await call('maint', 'DELETE', `/projects/dest/repositories/multi/artifacts/${child}`);
      expect(listed.status).toBe(409);
      expect((await call('dev', 'DELETE', `/projects/dest/repositories/multi/artifacts/${indexDigest}`)).status).toBe(
        403,
      );
      expect((await call('maint', 'DELETE', `/projects/dest/repositories/multi/artifacts/latest`)).status).toBe(200);
      expect(await manifestStatus('dest/multi', indexDigest)).toBe(404);
      expect(await manifestStatus('dest/multi', child)).toBe(404);
      expect((await call('maint', 'GET', '/projects/dest/repositories/multi')).status).toBe(404);
    });
  });

  describe('what the artifact page shows', () => {
    let signed: TestOciImage;
    let signedDigest: string;
    const referrers: Record<string, string> = {};

    /** Pushes a blob by monolithic upload. */
    const pushBlob = async (name: string, data: Buffer) => {
      const res = await fetch(`${registry.url}/v2/${name}/blobs/uploads/?digest=${sha256(data)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: data,
      });
      expect(res.status).toBe(201);
    };

    /** Pushes an OCI 1.1 artifact (empty config, one layer) whose subject is `subject`, by digest; returns it. */
    const pushReferrer = async (name: string, subject: string, artifactType: string, payload: string) => {
      const layer = Buffer.from(payload);
      await pushBlob(name, EMPTY_CONFIG);
      await pushBlob(name, layer);
      const body = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          artifactType,
          config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256(EMPTY_CONFIG), size: 2 },
          layers: [{ mediaType: artifactType, digest: sha256(layer), size: layer.length }],
          subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: subject, size: 1 },
        }),
      );
      const digest = sha256(body);
      const res = await fetch(`${registry.url}/v2/${name}/manifests/${digest}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
        body,
      });
      expect(res.status).toBe(201);
      return digest;
    };

    beforeAll(async () => {
      signed = image();
      signedDigest = await pushOciImage(registry.url, 'dest/signed', signed, '2.0');
      referrers['sbom'] = await pushReferrer('dest/signed', signedDigest, 'application/spdx+json', '{"spdx":1}');
      referrers['sig1'] = await pushReferrer(
        'dest/signed',
        signedDigest,
        'application/vnd.dev.cosign.artifact.sig.v1+json',
        'signature one',
      );
      referrers['sig2'] = await pushReferrer(
        'dest/signed',
        signedDigest,
        'application/vnd.dev.cosign.artifact.sig.v1+json',
        'signature two',
      );
    });

    it('answers the manifest as pushed, by tag or digest, to readers only', async () => {
      for (const reference of ['2.0', signedDigest]) {
        const res = await call('guest', 'GET', `/projects/dest/repositories/signed/artifacts/${reference}/manifest`);
        expect(res.status, reference).toBe(200);
        expect(await res.json()).toEqual(JSON.parse(signed.manifest.toString('utf8')));
      }
      const index = await call('guest', 'GET', '/projects/apps/repositories/multi/artifacts/latest/manifest');
      expect(await json<{ mediaType: string; manifests: unknown[] }>(index)).toMatchObject({
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [expect.objectContaining({ platform: { architecture: 'amd64', os: 'linux' } }), expect.anything()],
      });
      expect((await call('outsider', 'GET', '/projects/dest/repositories/signed/artifacts/2.0/manifest')).status).toBe(
        404,
      );
      expect((await call('guest', 'GET', '/projects/dest/repositories/signed/artifacts/9.9/manifest')).status).toBe(
        404,
      );
    });

    it('reads the config through the registry, and its history as build_history', async () => {
      const config = await json<{ architecture: string; os: string; rootfs: { diff_ids: string[] } }>(
        await call('guest', 'GET', '/projects/dest/repositories/signed/artifacts/2.0/config'),
      );
      expect(config).toMatchObject({ architecture: 'amd64', os: 'linux', config: { Cmd: ['/bin/sh'] } });
      expect(config.rootfs.diff_ids).toHaveLength(1);
      const history = await call(
        'guest',
        'GET',
        '/projects/dest/repositories/signed/artifacts/2.0/additions/build_history',
      );
      expect(history.status).toBe(200);
      expect(await json<BuildHistoryEntryDto[]>(history)).toEqual([{ created_by: 'test layer 0' }]);
      // An artifact with the empty config has no history, and an index has no config at all.
      expect(
        await json<BuildHistoryEntryDto[]>(
          await call(
            'guest',
            'GET',
            `/projects/dest/repositories/signed/artifacts/${referrers['sbom']}/additions/build_history`,
          ),
        ),
      ).toEqual([]);
      const indexConfig = await call('guest', 'GET', '/projects/apps/repositories/multi/artifacts/latest/config');
      expect(indexConfig.status).toBe(404);
      expect(await indexConfig.json()).toEqual({
        errors: [
          {
            code: 'NOT_FOUND',
            message: `artifact ${indexDigest} has no config: an index lists manifests, each with its own`,
          },
        ],
      });
    });

    it('lists referrers with their artifact types, grouped by type, filtered and paged', async () => {
      const res = await call('guest', 'GET', `/projects/dest/repositories/signed/artifacts/2.0/referrers`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe('3');
      const all = await json<ArtifactResponseDto[]>(res);
      expect(all.map((a) => [a.artifact_type, a.digest])).toEqual([
        ['application/spdx+json', referrers['sbom']],
        ['application/vnd.dev.cosign.artifact.sig.v1+json', referrers['sig2']],
        ['application/vnd.dev.cosign.artifact.sig.v1+json', referrers['sig1']],
      ]);
      expect(all[0]).toMatchObject({ subject_digest: signedDigest, type: 'UNKNOWN', tags: [] });

      const sigs = await call(
        'guest',
        'GET',
        `/projects/dest/repositories/signed/artifacts/${signedDigest}/referrers?q=artifact_type=application/vnd.dev.cosign.artifact.sig.v1%2Bjson&page_size=1`,
      );
      expect(sigs.headers.get('x-total-count')).toBe('2');
      expect((await json<ArtifactResponseDto[]>(sigs)).map((a) => a.digest)).toEqual([referrers['sig2']]);
      const none = await call(
        'guest',
        'GET',
        `/projects/dest/repositories/signed/artifacts/${referrers['sbom']}/referrers`,
      );
      expect(none.headers.get('x-total-count')).toBe('0');
      expect((await call('outsider', 'GET', '/projects/dest/repositories/signed/artifacts/2.0/referrers')).status).toBe(
        404,
      );
    });

    it('lists artifacts with the size a pull moves, the last pull time and an index’s platforms and children', async () => {
      const [artifact] = await json<ArtifactResponseDto[]>(
        await call('guest', 'GET', `/projects/dest/repositories/signed/artifacts?q=digest=${signedDigest}`),
      );
      const layerBytes = signed.layers.reduce((sum, layer) => sum + layer.size, 0);
      expect(artifact).toMatchObject({
        digest: signedDigest,
        size: signed.manifest.length + signed.config.size + layerBytes,
        pull_time: null,
        subject_digest: null,
      });
      const bySize = await json<ArtifactResponseDto[]>(
        await call('guest', 'GET', '/projects/dest/repositories/signed/artifacts?sort=-size'),
      );
      expect(bySize[0]!.digest).toBe(signedDigest);

      const [index] = await json<ArtifactResponseDto[]>(
        await call('guest', 'GET', '/projects/apps/repositories/multi/artifacts'),
      );
      const indexBody = await fetch(`${registry.url}/v2/apps/multi/manifests/latest`, {
        headers: { accept: MANIFEST_ACCEPT },
      }).then((r) => r.arrayBuffer());
      const children = index!.references!;
      expect(children.map((c) => c.child_media_type)).toEqual([
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
      ]);
      for (const child of children) {
        const detail = await json<ArtifactResponseDto>(
          await call('guest', 'GET', `/projects/apps/repositories/multi/artifacts/${child.child_digest}`),
        );
        expect(child.child_size).toBe(detail.size);
      }
      expect(index!.size).toBe(indexBody.byteLength + children.reduce((sum, c) => sum + c.child_size, 0));
    });
  });

  describe('deletes', () => {
    it('refuses to delete a project while it holds repositories', async () => {
      const res = await call('admin', 'DELETE', '/projects/apps');
      expect(res.status).toBe(412);
      expect(await res.json()).toEqual({
        errors: [{ code: 'PRECONDITION', message: 'project apps still holds 3 repositories; delete them first' }],
      });
    });

    it('deletes repositories through the registry for maintainers, then the emptied project', async () => {
      expect((await call('dev', 'DELETE', '/projects/apps/repositories/multi')).status).toBe(403);
      for (const name of ['multi', 'web', 'team%2Fsvc']) {
        expect((await call('maint', 'DELETE', `/projects/apps/repositories/${name}`)).status, name).toBe(200);
      }
      expect(await manifestStatus('apps/multi', indexDigest)).toBe(404);
      expect(await manifestStatus('apps/web', webDigest)).toBe(404);
      const left = await call('maint', 'GET', '/projects/apps/repositories');
      expect(left.headers.get('x-total-count')).toBe('0');
      expect(
        (await call('admin', 'GET', '/projects/apps/summary').then((r) => json<{ repo_count: number }>(r))).repo_count,
      ).toBe(0);
      expect((await call('admin', 'DELETE', '/projects/apps')).status).toBe(200);
      expect((await call('admin', 'GET', '/projects/apps')).status).toBe(404);
    });

    it('audits every change', async () => {
      const rows = await api.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'ASC' } });
      const seen = rows.map((row) => `${row.operation} ${row.resourceType} ${row.resource} ${row.username}`);
      expect(seen).toEqual(
        expect.arrayContaining([
          'update repository apps/web dev',
          'create tag apps/web:v2 dev',
          'delete tag apps/web:v2 maint',
          `create artifact dest/web-copy@${webDigest} dev`,
          `delete artifact dest/multi@${indexDigest} maint`,
          'delete repository apps/multi maint',
          'delete project apps admin',
        ]),
      );
    });
  });
});
