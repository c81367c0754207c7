import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Creates the JSON logger of one service; every line carries the service name. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.password', '*.secret', '*.authorization', 'req.headers.authorization'], censor: '***' },
  });
}

/** Adapts a pino logger to Nest's LoggerService so framework messages are JSON lines too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  /** Logs an info line with Nest's context as a field. */
  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  /** Logs an error line, keeping Nest's stack trace as a field. */
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const fields = context === undefined ? { context: stackOrContext } : { context, stack: stackOrContext };
    this.logger.error(fields, message instanceof Error ? message.message : String(message));
  }

  /** Logs a warning line. */
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  /** Logs a debug line. */
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  /** Logs a trace line. */
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

export type { Logger };
