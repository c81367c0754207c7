import { type Logger } from '@nestjs/common';

/** A credential's last use is written at most once per minute: enough for "last used", one write per busy credential. */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/**
 * Records that a robot or personal access token was just used, throttled: skipped without a query while the row
 * already shows a recent use (the conditional update re-checks, for other replicas). The credential did authenticate,
 * so a failed bookkeeping write is logged, never turned into a refusal.
 */
export async function recordCredentialUse(
  lastUsedAt: Date | null,
  now: Date,
  touch: (at: Date, minIntervalMs: number) => Promise<unknown>,
  logger: Logger,
  what: string,
): Promise<void> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_WRITE_INTERVAL_MS) return;
  try {
    await touch(now, LAST_USED_WRITE_INTERVAL_MS);
  } catch (err) {
    logger.warn(`could not record the use of ${what}: ${(err as Error).message}`);
  }
}
