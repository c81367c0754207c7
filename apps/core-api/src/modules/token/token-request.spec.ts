import { BadRequestException } from '@nestjs/common';
import { tokenForm, tokenQuery } from './token-request';

describe('token requests', () => {
  it('reads a GET query with repeated scopes and ignores parameters it does not know', () => {
    expect(
      tokenQuery({
        service: 'berth-registry',
        scope: ['repository:a/b:pull', 'repository:a/c:push'],
        account: 'alice',
        client_id: 'docker',
        offline_token: 'true',
        extra: 'x',
      }),
    ).toEqual({
      service: 'berth-registry',
      scopes: ['repository:a/b:pull', 'repository:a/c:push'],
      offline: true,
    });
    expect(tokenQuery({ scope: { nested: 'x' } })).toEqual({ service: undefined, scopes: [], offline: false });
    expect(tokenQuery(undefined)).toEqual({ service: undefined, scopes: [], offline: false });
  });

  it('reads the OAuth2 password and refresh_token forms', () => {
    expect(
      tokenForm({
        grant_type: 'password',
        username: 'alice',
        password: 'pw',
        scope: 'repository:a/b:pull repository:a/c:pull',
        service: 's',
        client_id: 'containerd-client',
        access_type: 'offline',
      }),
    ).toEqual({
      grant: 'password',
      username: 'alice',
      password: 'pw',
      request: { service: 's', scopes: ['repository:a/b:pull repository:a/c:pull'], offline: true },
    });
    expect(tokenForm({ grant_type: 'refresh_token', refresh_token: 'r' })).toEqual({
      grant: 'refresh_token',
      refreshToken: 'r',
      request: { service: undefined, scopes: [], offline: false },
    });
  });

  it.each([{}, { grant_type: 'client_credentials' }, { grant_type: 'authorization_code' }, 'grant_type=password'])(
    'refuses the form %j with 400',
    (body) => {
      expect(() => tokenForm(body)).toThrow(BadRequestException);
    },
  );
});
