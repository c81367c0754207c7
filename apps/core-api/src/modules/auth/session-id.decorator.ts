import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { readCookie, SESSION_COOKIE } from './cookies';

/** Injects the console session id the request carries, or undefined (Basic callers have none). */
export const SessionId = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined =>
  readCookie(context.switchToHttp().getRequest<Request>(), SESSION_COOKIE),
);
