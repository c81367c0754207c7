import { checkGrants, expiryOf, resolveDuration, storedName } from './robot-rules';

const pull = { resource: 'repository', action: 'pull' };
const push = { resource: 'repository', action: 'push' };

describe('robot names', () => {
  it.each([
    ['project', 'ci', 'library', 'robot$', { ok: true, name: 'library+ci' }],
    ['system', 'ci-bot.1', undefined, 'robot$', { ok: true, name: 'ci-bot.1' }],
    ['project', 'CI', 'library', 'robot$', { ok: false }],
    ['project', 'a..b', 'library', 'robot$', { ok: false }],
    ['project', '-ci', 'library', 'robot$', { ok: false }],
    ['system', 'a+b', undefined, 'robot$', { ok: false }],
    ['system', 'a'.repeat(249), undefined, 'robot$', { ok: true, name: 'a'.repeat(249) }],
    ['system', 'a'.repeat(250), undefined, 'robot$', { ok: false }],
  ] as const)('%s robot %s in %s with prefix %s', (level, name, project, prefix, expected) => {
    expect(storedName(level, name, project, prefix)).toMatchObject(expected);
  });
});

describe('robot lifetimes', () => {
  it.each([
    [undefined, 30, true, { ok: true, days: 30 }],
    [0, 30, true, { ok: true, days: 30 }],
    [7, 30, false, { ok: true, days: 7 }],
    [-1, 30, true, { ok: true, days: -1 }],
    [-1, 30, false, { ok: false }],
  ] as const)('duration %s (default %s, never-expire allowed %s)', (requested, fallback, allowed, expected) => {
    expect(resolveDuration(requested, fallback, allowed)).toMatchObject(expected);
  });

  it('expires duration days after creation, or never', () => {
    const created = new Date('2025-01-01T00:00:00Z');
    expect(expiryOf(created, 30)?.toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(expiryOf(created, -1)).toBeNull();
  });
});

describe('robot permissions', () => {
  it('accepts one project grant for a project robot and merges duplicates', () => {
    const verdict = checkGrants('project', [
      { kind: 'project', namespace: 'library', access: [pull, push] },
      { kind: 'project', namespace: 'library', access: [pull] },
    ]);
    expect(verdict).toEqual({ ok: true, grants: [{ kind: 'project', namespace: 'library', access: [pull, push] }] });
  });

  it.each([
    [
      'two projects',
      [
        { kind: 'project', namespace: 'a', access: [pull] },
        { kind: 'project', namespace: 'b', access: [pull] },
      ],
    ],
    ['every project', [{ kind: 'project', namespace: '*', access: [pull] }]],
    ['a system grant', [{ kind: 'system', namespace: '/', access: [{ resource: 'audit-log', action: 'list' }] }]],
  ] as const)('refuses a project robot with %s', (_, grants) => {
    expect(checkGrants('project', grants as never).ok).toBe(false);
  });

  it('accepts project grants by name or * and system grants on / for a system robot', () => {
    const verdict = checkGrants('system', [
      { kind: 'project', namespace: '*', access: [pull] },
      { kind: 'project', namespace: 'library', access: [push] },
      { kind: 'system', namespace: '/', access: [{ resource: 'audit-log', action: 'list' }] },
    ]);
    expect(verdict.ok).toBe(true);
  });

  it.each([
    [
      'an unknown action',
      { kind: 'project', namespace: 'library', access: [{ resource: 'repository', action: 'fly' }] },
    ],
    [
      'a system permission in a project',
      { kind: 'project', namespace: 'library', access: [{ resource: 'audit-log', action: 'list' }] },
    ],
    ['a project permission at system level', { kind: 'system', namespace: '/', access: [pull] }],
    [
      'a system grant outside /',
      { kind: 'system', namespace: 'library', access: [{ resource: 'audit-log', action: 'list' }] },
    ],
    ['an empty access list', { kind: 'project', namespace: 'library', access: [] }],
    ['a project grant on /', { kind: 'project', namespace: '/', access: [pull] }],
  ] as const)('refuses %s', (_, grant) => {
    expect(checkGrants('system', [grant as never]).ok).toBe(false);
  });
});
