import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentUrl, renderConsole, testUser } from '../../../shared/test/render';
import { stubApi } from '../../../shared/test/stub-api';
import type { AuditLogEntry } from '../../../shared/api/types';
import { localDayBoundary } from '../components/audit-filters';

afterEach(() => vi.unstubAllGlobals());

const ENTRY: AuditLogEntry = {
  id: 1,
  username: 'alice',
  resource: 'library/app:1.0',
  resource_type: 'artifact',
  operation: 'push',
  op_time: '2025-03-04T05:06:07Z',
  source_ip: '10.0.0.12',
  result: 'success',
  detail: { digest: 'sha256:abc' },
};

function stubAudit(entries: AuditLogEntry[] = [ENTRY]) {
  return stubApi({
    'GET /api/v2.0/systeminfo': { body: { auth_mode: 'db_auth', registry_url: 'localhost:5000' } },
    'GET /api/v2.0/users/current': { body: testUser({ sysadmin_flag: true }) },
    'GET /api/v2.0/audit-logs': { body: entries, headers: { 'X-Total-Count': String(entries.length) } },
  });
}

function lastQuery(calls: ReturnType<typeof stubAudit>['calls']) {
  const list = calls.filter((call) => call.path === '/api/v2.0/audit-logs').at(-1);
  return Object.fromEntries(list?.url.searchParams ?? []);
}

describe('Audit log', () => {
  it('reads its filters from the URL and asks the server for that page', async () => {
    const { calls } = stubAudit();
    renderConsole(
      '/admin/audit-log?q=library&user=ali&operation=push&type=artifact&result=success&from=2025-03-01&to=2025-03-31&page=2&size=50',
    );

    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(await within(table).findByText('library/app:1.0')).toBeTruthy();
    const q = [
      'username=~ali',
      'operation=push',
      'resource_type=artifact',
      'resource=~library',
      'result=success',
      `op_time=[${encodeURIComponent(localDayBoundary('2025-03-01') ?? '')}~${encodeURIComponent(
        localDayBoundary('2025-03-31', true) ?? '',
      )}]`,
    ].join(',');
    expect(lastQuery(calls)).toEqual({ page: '2', page_size: '50', sort: '-op_time', q });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2025-03-01');
    expect((screen.getByLabelText('Filter by user') as HTMLInputElement).value).toBe('ali');
  });

  it('writes a changed filter into the URL, back to the first page, and clears them all at once', async () => {
    const { calls } = stubAudit();
    const { router } = renderConsole('/admin/audit-log?page=3&operation=push');
    await screen.findByRole('table', { name: 'Audit log' });

    fireEvent.click(screen.getByRole('radio', { name: 'Failed' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/audit-log?operation=push&result=failure'));
    await waitFor(() => expect(lastQuery(calls).q).toBe('operation=push,result=failure'));

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-04-30' } });
    await waitFor(() => expect(currentUrl(router)).toContain('to=2025-04-30'));
    await waitFor(() =>
      expect(lastQuery(calls).q).toBe(
        `operation=push,result=failure,op_time=[~${encodeURIComponent(localDayBoundary('2025-04-30', true) ?? '')}]`,
      ),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/admin/audit-log'));
    await waitFor(() => expect(lastQuery(calls).q).toBeUndefined());
  });

  it('says what to do when nothing matches', async () => {
    stubAudit([]);
    renderConsole('/admin/audit-log?result=failure');
    expect(await screen.findByText('No entries match')).toBeTruthy();
    expect(screen.getByText('Widen the date range or clear some filters.')).toBeTruthy();
  });
});
