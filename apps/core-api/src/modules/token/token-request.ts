import { BadRequestException } from '@nestjs/common';
import { type TokenRequest } from './token.service';

/** A POST form, read: which grant, its credentials and the request they are for. */
export type TokenForm =
  | { grant: 'password'; username: string; password: string; request: TokenRequest }
  | { grant: 'refresh_token'; refreshToken: string; request: TokenRequest };

function one(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function many(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads the query of `GET /service/token`. Read by hand rather than through a validated DTO: clients send parameters
 * beyond the spec's (and repeat `scope`), and a registry client must never fail on one it does not need.
 */
export function tokenQuery(query: unknown): TokenRequest {
  const q = isRecord(query) ? query : {};
  return { service: one(q['service']), scopes: many(q['scope']), offline: one(q['offline_token']) === 'true' };
}

/** Reads the form of `POST /service/token`; an unknown grant_type is a 400 (RFC 6749 unsupported_grant_type). */
export function tokenForm(body: unknown): TokenForm {
  const form = isRecord(body) ? body : {};
  const request: TokenRequest = {
    service: one(form['service']),
    scopes: many(form['scope']),
    offline: one(form['access_type']) === 'offline',
  };
  const grant = one(form['grant_type']);
  if (grant === 'password') {
    return { grant, username: one(form['username']) ?? '', password: one(form['password']) ?? '', request };
  }
  if (grant === 'refresh_token') return { grant, refreshToken: one(form['refresh_token']) ?? '', request };
  throw new BadRequestException(`unsupported grant_type "${grant ?? ''}"; use password or refresh_token`);
}
