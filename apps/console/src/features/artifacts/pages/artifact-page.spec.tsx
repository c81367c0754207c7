import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentUrl, renderConsole } from '../../../shared/test/render';
import { stubApi } from '../../../shared/test/stub-api';
import { BASE_ROUTES, REPO_API, digestOf, imageFixture, indexFixture, projectFixture } from '../test/artifact-fixtures';

afterEach(() => vi.unstubAllGlobals());

const IMAGE_API = `${REPO_API}/artifacts/${encodeURIComponent(digestOf('a'))}`;
const IMAGE_PAGE = `/projects/2/repositories/team%2Fapi/artifacts/${encodeURIComponent(digestOf('a'))}`;

const MANIFEST = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: digestOf('c'), size: 1200 },
  layers: [
    { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digestOf('1'), size: 3 * 1024 * 1024 },
    { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: digestOf('2'), size: 2048 },
  ],
};

const HISTORY = [
  { created: '2025-02-01T00:00:00Z', created_by: '/bin/sh -c #(nop) ADD file:abc in /' },
  { created: '2025-02-01T00:00:01Z', created_by: '/bin/sh -c #(nop) ENV APP=api', empty_layer: true },
  { created: '2025-02-01T00:00:02Z', created_by: 'RUN apk add curl' },
];

const CONFIG = { architecture: 'amd64', os: 'linux', config: { Env: ['APP=api'] }, history: HISTORY };

function referrer(c: string, artifactType: string) {
  return imageFixture({
    id: c.charCodeAt(0),
    digest: digestOf(c),
    artifact_type: artifactType,
    media_type: 'application/vnd.oci.empty.v1+json',
    subject_digest: digestOf('a'),
    size: 1024,
    tags: [],
    type: 'UNKNOWN',
  });
}

const REFERRERS = [
  referrer('e', 'application/spdx+json'),
  referrer('f', 'application/vnd.dev.cosign.artifact.sig.v1+json'),
  referrer('9', 'application/vnd.dev.cosign.artifact.sig.v1+json'),
];

function stubImage(extra: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    ...BASE_ROUTES,
    'GET /api/v2.0/projects/2': { body: projectFixture() },
    [`GET ${IMAGE_API}`]: { body: imageFixture() },
    [`GET ${IMAGE_API}/manifest`]: { body: MANIFEST },
    [`GET ${IMAGE_API}/config`]: { body: CONFIG },
    [`GET ${IMAGE_API}/additions/build_history`]: { body: HISTORY },
    [`GET ${IMAGE_API}/referrers`]: { body: REFERRERS, headers: { 'X-Total-Count': '3' } },
    ...extra,
  });
}

/** The text of every cell of a table's body rows. */
function cells(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .queryAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('An artifact', () => {
  it('shows its facts and its layers with sizes and the steps that made them', async () => {
    stubImage();
    renderConsole(IMAGE_PAGE);

    expect(await screen.findByRole('heading', { name: 'team-a/team/api@sha256:aaaaaaaaaaaa' })).toBeTruthy();
    expect(screen.getByText(digestOf('a'))).toBeTruthy();
    expect(screen.getByText('Never')).toBeTruthy();
    expect(screen.getByText('v1')).toBeTruthy();

    const layers = await screen.findByRole('table', { name: 'Layers' });
    expect(cells(layers).slice(0, 2)).toEqual([
      [
        '1',
        'sha256:111111111111',
        'application/vnd.oci.image.layer.v1.tar+gzip',
        '/bin/sh -c #(nop) ADD file:abc in /',
        '3.0 MiB',
      ],
      ['2', 'sha256:222222222222', 'application/vnd.oci.image.layer.v1.tar+gzip', 'RUN apk add curl', '2.0 KiB'],
    ]);
    expect(within(layers).getByText('2 layers')).toBeTruthy();
  });

  it('shows the build history, and the manifest and config as pretty JSON', async () => {
    stubImage();
    const { router } = renderConsole(IMAGE_PAGE);

    fireEvent.click(await screen.findByRole('tab', { name: 'Build history' }));
    const history = await screen.findByRole('table', { name: 'Build history' });
    expect(cells(history).map((row) => [row[2], row[3]])).toEqual([
      ['/bin/sh -c #(nop) ADD file:abc in /', 'layer'],
      ['/bin/sh -c #(nop) ENV APP=api', 'no layer'],
      ['RUN apk add curl', 'layer'],
    ]);
    expect(currentUrl(router)).toBe(`${IMAGE_PAGE}?tab=history`);

    fireEvent.click(screen.getByRole('tab', { name: 'Manifest' }));
    expect((await screen.findByLabelText('Manifest', { selector: 'pre' })).textContent).toBe(
      JSON.stringify(MANIFEST, null, 2),
    );

    fireEvent.click(screen.getByRole('tab', { name: 'Config' }));
    expect((await screen.findByLabelText('Config', { selector: 'pre' })).textContent).toBe(
      JSON.stringify(CONFIG, null, 2),
    );
  });

  it('groups the referrers by artifact type', async () => {
    const { calls } = stubImage();
    renderConsole(`${IMAGE_PAGE}?tab=referrers`);

    const signatures = await screen.findByRole('region', { name: 'Signature (cosign)' });
    const sboms = screen.getByRole('region', { name: 'SBOM (SPDX)' });
    expect(
      within(signatures)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['sha256:ffffffffffff', 'sha256:999999999999']);
    expect(
      within(sboms)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['sha256:eeeeeeeeeeee']);
    expect(within(sboms).getByRole('link').getAttribute('href')).toBe(
      `/projects/2/repositories/team%2Fapi/artifacts/${encodeURIComponent(digestOf('e'))}`,
    );
    const request = calls.find((call) => call.path === `${IMAGE_API}/referrers`);
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({ page: '1', page_size: '50' });
  });

  it('says how to attach a signature or an SBOM when nothing refers to it', async () => {
    stubImage({ [`GET ${IMAGE_API}/referrers`]: { body: [], headers: { 'X-Total-Count': '0' } } });
    renderConsole(`${IMAGE_PAGE}?tab=referrers`);

    expect(await screen.findByText('No signatures, SBOMs or other artifacts refer to this one yet.')).toBeTruthy();
    expect(screen.getByText(`cosign sign registry.example.test/team-a/team/api@${digestOf('a')}`)).toBeTruthy();
  });

  it('lists the manifests of an index with their platforms', async () => {
    const indexApi = `${REPO_API}/artifacts/${encodeURIComponent(digestOf('b'))}`;
    stubApi({
      ...BASE_ROUTES,
      'GET /api/v2.0/projects/2': { body: projectFixture() },
      [`GET ${indexApi}`]: { body: indexFixture() },
    });
    renderConsole(`/projects/2/repositories/team%2Fapi/artifacts/${encodeURIComponent(digestOf('b'))}`);

    const table = await screen.findByRole('table', { name: 'Manifests of the index' });
    expect(cells(table)).toEqual([
      ['linux/amd64', 'sha256:cccccccccccc', 'application/vnd.oci.image.manifest.v1+json', '3.0 MiB'],
      ['linux/arm64/v8', 'sha256:dddddddddddd', 'application/vnd.oci.image.manifest.v1+json', '2.0 MiB'],
    ]);
    expect(within(table).getAllByRole('link')[1].getAttribute('href')).toBe(
      `/projects/2/repositories/team%2Fapi/artifacts/${encodeURIComponent(digestOf('d'))}`,
    );
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Manifests', 'Index', 'Referrers']);
  });

  it('goes back to the repository after the artifact is deleted', async () => {
    const { calls } = stubImage({
      [`DELETE ${IMAGE_API}`]: { status: 200 },
      [`GET ${REPO_API}`]: 'pending',
      [`GET ${REPO_API}/artifacts`]: 'pending',
    });
    const { router } = renderConsole(IMAGE_PAGE);

    fireEvent.click(await screen.findByRole('button', { name: 'Delete artifact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete artifact sha256:aaaaaaaaaaaa?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete artifact' }));

    expect(await screen.findByText('Artifact sha256:aaaaaaaaaaaa deleted')).toBeTruthy();
    await waitFor(() => expect(currentUrl(router)).toBe('/projects/2/repositories/team%2Fapi'));
    expect(calls.some((call) => call.method === 'DELETE' && call.path === IMAGE_API)).toBe(true);
  });
});
