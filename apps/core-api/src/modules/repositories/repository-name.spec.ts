import { fullRepositoryName } from './repository-name';

describe('fullRepositoryName', () => {
  const project = { name: 'team' };

  it.each([
    ['app', 'team/app'],
    ['a/b', 'team/a/b'],
    ['a%2Fb', 'team/a/b'],
    ['a%2fb%2Fc', 'team/a/b/c'],
  ])('reads %s (as Express hands it over) as %s', (param, expected) => {
    expect(fullRepositoryName(project, param)).toBe(expected);
  });

  it.each(['', 'App', 'a//b', '%', '%E0%A4%A', 'a%252Fb', '../x'])('refuses %j with 400', (param) => {
    expect(() => fullRepositoryName(project, param)).toThrow(
      expect.objectContaining({ code: 'INVALID_NAME', status: 400 }) as unknown as Error,
    );
  });
});
