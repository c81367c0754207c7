import { type Logger } from '@berth/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

/** The header that carries a request's id in and out, so logs of all services can be joined. */
export const REQUEST_ID_HEADER = 'x-request-id';
/** Accept a caller's request id only when it is short and plain, so it cannot inject into logs. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

/** Returns middleware that tags each request with an id and writes one JSON access-log line when it finishes. */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header(REQUEST_ID_HEADER);
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          remote: req.ip,
        },
        'request',
      );
    });
    next();
  };
}
