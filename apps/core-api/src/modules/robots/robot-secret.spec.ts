import { createHash } from 'node:crypto';
import {
  ROBOT_SECRET_LENGTH,
  chosenSecretProblem,
  generateRobotSecret,
  hashRobotSecret,
  robotSecretMatches,
} from './robot-secret';

describe('robot secrets', () => {
  it('generates 32 letters and digits, different every time', () => {
    const secrets = new Set(Array.from({ length: 200 }, generateRobotSecret));
    expect(secrets.size).toBe(200);
    for (const secret of secrets) expect(secret).toMatch(new RegExp(`^[A-Za-z0-9]{${ROBOT_SECRET_LENGTH}}$`));
  });

  it('stores a tagged SHA-256 hash, never the secret', () => {
    const secret = generateRobotSecret();
    const stored = hashRobotSecret(secret);
    expect(stored).toBe(`sha256:${createHash('sha256').update(secret).digest('hex')}`);
    expect(stored).not.toContain(secret);
  });

  it.each([
    ['the same secret', (s: string) => s, true],
    ['another secret', () => generateRobotSecret(), false],
    ['the secret with one character changed', (s: string) => `${s.slice(0, -1)}${s.endsWith('a') ? 'b' : 'a'}`, false],
    ['an empty string', () => '', false],
  ])('matches %s: %s', (_, presented, expected) => {
    const secret = generateRobotSecret();
    expect(robotSecretMatches(presented(secret), hashRobotSecret(secret))).toBe(expected);
  });

  it.each([null, '', 'sha256:abc', 'md5:' + 'a'.repeat(32), 'plain-secret'])(
    'refuses the malformed stored hash %j',
    (stored) => {
      expect(robotSecretMatches('anything', stored)).toBe(false);
    },
  );

  it.each([
    ['Aa1'.repeat(11), undefined],
    ['a'.repeat(31) + 'A1', undefined],
    ['Aa1'.repeat(10), 'the secret must be 32 to 128 characters long'],
    ['Aa1'.repeat(43), 'the secret must be 32 to 128 characters long'],
    ['a1'.repeat(16), 'the secret must contain at least one lower case letter, one upper case letter and one digit'],
    ['aA'.repeat(16), 'the secret must contain at least one lower case letter, one upper case letter and one digit'],
  ])('judges the chosen secret %s', (secret, problem) => {
    expect(chosenSecretProblem(secret)).toBe(problem);
  });
});
