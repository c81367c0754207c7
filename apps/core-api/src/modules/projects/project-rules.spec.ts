import { isValidProjectName, metadataProblem } from './project-rules';

describe('project rules', () => {
  it.each([
    ['library', true],
    ['a', true],
    ['0', true],
    ['team-a.b_c', true],
    ['x'.repeat(255), true],
    ['x'.repeat(256), false],
    ['Team', false],
    ['a--b', false],
    ['a._b', false],
    ['-a', false],
    ['a-', false],
    ['a/b', false],
    ['', false],
  ])('name %j valid: %s', (name, valid) => {
    expect(isValidProjectName(name)).toBe(valid);
  });

  it.each([
    ['public', 'true', undefined],
    ['severity', 'critical', undefined],
    ['retention_id', '12', undefined],
    ['public', 'yes', /must be one of true, false/],
    ['severity', 'extreme', /must be one of none, low, medium, high, critical/],
    ['auto_scan', true, /must be a string/],
    ['retention_id', 'x'.repeat(33), /at most 32 characters/],
    ['__proto__', 'x', /unknown metadata key "__proto__"/],
    ['owner', 'x', /unknown metadata key "owner"/],
  ])('metadata %s=%j', (key, value, problem) => {
    const found = metadataProblem(key, value);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});
