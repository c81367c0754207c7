import { redisConnection, workerHeartbeatKey, workerHeartbeatPattern } from './connection';

describe('redisConnection', () => {
  it.each([
    [
      'redis://127.0.0.1:6379/0',
      { host: '127.0.0.1', port: 6379, db: 0, username: undefined, password: undefined, tls: undefined },
    ],
    [
      'redis://:p%40ss@cache:7000/3',
      { host: 'cache', port: 7000, db: 3, username: undefined, password: 'p@ss', tls: undefined },
    ],
    ['rediss://user:pw@cache', { host: 'cache', port: 6379, db: 0, username: 'user', password: 'pw', tls: {} }],
  ])('parses %s', (url, expected) => {
    expect(redisConnection(url)).toEqual({ ...expected, maxRetriesPerRequest: null });
  });
});

describe('worker heartbeat keys', () => {
  it('puts heartbeats under the install prefix so installs sharing a Redis do not see each other', () => {
    expect(workerHeartbeatKey('berth', 'host:1')).toBe('berth:worker:heartbeat:host:1');
    expect(workerHeartbeatPattern('other')).toBe('other:worker:heartbeat:*');
  });
});
