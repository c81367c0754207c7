import { ConfigError, parseConfig } from '@berth/config';
import { describeDocumentedConfig } from '@berth/testing';
import { workerEnv } from './worker.config';

describeDocumentedConfig('worker', workerEnv);

describe('worker upload sweep settings', () => {
  const base = { DATABASE_URL: 'postgres://berth@db/berth', REDIS_URL: 'redis://cache:6379/0' };

  it('sweeps hourly with a one-day upload TTL by default', () => {
    expect(parseConfig(workerEnv, base)).toMatchObject({
      BERTH_UPLOAD_SWEEP_INTERVAL_MINUTES: 60,
      BERTH_UPLOAD_TTL_MINUTES: 1440,
    });
  });

  it.each([
    ['BERTH_UPLOAD_SWEEP_INTERVAL_MINUTES', '0'],
    ['BERTH_UPLOAD_SWEEP_INTERVAL_MINUTES', '1.5'],
    ['BERTH_UPLOAD_TTL_MINUTES', 'a day'],
  ])('refuses %s=%s', (variable, value) => {
    expect(() => parseConfig(workerEnv, { ...base, [variable]: value })).toThrow(ConfigError);
  });
});
