import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole, testUser } from '../../../shared/test/render';
import { type StubRoute, stubApi } from '../../../shared/test/stub-api';
import type { Health, SystemInfo } from '../../../shared/api/types';

const SYSTEM_INFO: SystemInfo = {
  berth_version: '1.4.2',
  storage_backend: 's3',
  auth_mode: 'db_auth',
  registry_url: 'registry.example.test',
  external_url: 'https://berth.example.test',
  with_console: true,
  current_time: '2025-11-25T12:00:00.000Z',
};

const DEGRADED: Health = {
  status: 'unhealthy',
  components: [
    { name: 'database', status: 'healthy' },
    { name: 'storage', status: 'unhealthy', error: 'connect ECONNREFUSED 10.0.0.7:9000' },
  ],
};

type Reply = StubRoute;

const ADMIN = testUser({ username: 'admin', sysadmin_flag: true });

/** Answers the System page's calls the way core-api would, signed in as an administrator. */
function stubSystem(systeminfo: Reply, health: Reply) {
  return stubApi({
    'GET /api/v2.0/users/current': { body: ADMIN },
    'GET /api/v2.0/systeminfo': systeminfo,
    'GET /api/v2.0/health': health,
  });
}

function renderSystemPage() {
  renderConsole('/admin/system');
}

afterEach(() => vi.unstubAllGlobals());

describe('System information page', () => {
  it('shows the installation facts, every component status and push commands for the registry', async () => {
    const { calls } = stubSystem(
      { status: 200, body: SYSTEM_INFO },
      { status: 503, statusText: 'Service Unavailable', body: DEGRADED },
    );
    renderSystemPage();

    expect(await screen.findByRole('heading', { level: 1, name: 'System information' })).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('Berth');

    const about = screen.getByRole('region', { name: 'About this installation' });
    expect(await within(about).findByText('1.4.2')).toBeTruthy();
    expect(within(about).getByText('S3-compatible object storage')).toBeTruthy();
    expect(within(about).getByText('Database')).toBeTruthy();
    expect(within(about).getByText('registry.example.test')).toBeTruthy();
    expect(within(about).getByRole('link', { name: 'https://berth.example.test' })).toBeTruthy();
    expect(within(about).getByText(/2025/).closest('time')?.getAttribute('dateTime')).toBe(SYSTEM_INFO.current_time);

    const health = screen.getByRole('region', { name: 'Component health' });
    const rows = await within(health).findAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'databasehealthy',
      'storageunhealthyconnect ECONNREFUSED 10.0.0.7:9000',
    ]);
    expect(within(health).getByText(/Overall/).textContent).toBe('Overall: unhealthy');

    const push = screen.getByRole('region', { name: 'Push your first image' });
    const [docker, skopeo] = Array.from(push.querySelectorAll('pre'), (pre) => pre.textContent);
    expect(docker).toBe(
      [
        'docker login registry.example.test',
        'docker pull busybox:latest',
        'docker tag busybox:latest registry.example.test/library/busybox:latest',
        'docker push registry.example.test/library/busybox:latest',
      ].join('\n'),
    );
    expect(skopeo).toBe(
      [
        'skopeo login registry.example.test',
        'skopeo copy docker://docker.io/library/busybox:latest docker://registry.example.test/library/busybox:latest',
      ].join('\n'),
    );
    expect(calls.filter((call) => call.path === '/api/v2.0/systeminfo')).toHaveLength(1);
  });

  it.each([
    { registryUrl: 'localhost:5000', host: 'localhost:5000', plainHttp: true, insecureNote: false },
    { registryUrl: 'http://10.0.0.5:5000/', host: '10.0.0.5:5000', plainHttp: true, insecureNote: true },
    {
      registryUrl: 'https://registry.example.test',
      host: 'registry.example.test',
      plainHttp: false,
      insecureNote: false,
    },
  ])(
    'adapts the push commands to a registry at $registryUrl',
    async ({ registryUrl, host, plainHttp, insecureNote }) => {
      stubSystem(
        { status: 200, body: { ...SYSTEM_INFO, registry_url: registryUrl } },
        { status: 200, body: { status: 'healthy', components: [] } },
      );
      renderSystemPage();

      const push = await screen.findByRole('region', { name: 'Push your first image' });
      const text = push.textContent ?? '';
      expect(text).toContain(`docker push ${host}/library/busybox:latest`);
      expect(text.includes(`skopeo login --tls-verify=false ${host}`)).toBe(plainHttp);
      expect(text.includes('skopeo copy --dest-tls-verify=false')).toBe(plainHttp);
      expect(text.includes('insecure-registries')).toBe(insecureNote);
    },
  );

  it('says the API cannot be reached, with the HTTP status, and offers no push commands', async () => {
    stubSystem({ status: 502, statusText: 'Bad Gateway' }, new TypeError('Failed to fetch'));
    renderSystemPage();

    const about = await screen.findByRole('region', { name: 'About this installation' });
    expect((await within(about).findByRole('alert')).textContent).toBe('The Berth API answered 502 Bad Gateway');
    const health = screen.getByRole('region', { name: 'Component health' });
    expect((await within(health).findByRole('alert')).textContent).toBe('Cannot reach the Berth API: Failed to fetch');
    expect(screen.queryByRole('region', { name: 'Push your first image' })).toBeNull();
  });

  it('announces loading while the API has not answered', async () => {
    stubSystem('pending', 'pending');
    renderSystemPage();

    await screen.findByRole('heading', { level: 1, name: 'System information' });
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toEqual([
      'Loading system information…',
      'Checking component health…',
    ]);
  });
});
