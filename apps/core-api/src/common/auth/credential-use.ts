import { type Logger } from '@nestjs/common';

/** A last use (of a robot, a token, a sign-in) is written at most once per minute: one write per busy caller. */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/**
 * Records that a robot, a personal access token or an account was just used, throttled: skipped without a query while the row
 * already shows a recent use (the conditional update re-checks, for other replicas). The caller did authenticate,
 * so a failed bookkeeping write is logged, never turned into a refusal.
 */
export async function recordCredentialUse(
  lastUsedAt: Date | null,
  now: Date,
  touch: (at: Date, minIntervalMs: number) => Promise<unknown>,
  logger: Logger,
  /** What is recorded, for the warning: `the use of robot 7`, `the sign-in of user 3`. */
  what: string,
): Promise<void> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_WRITE_INTERVAL_MS) return;
  try {
    await touch(now, LAST_USED_WRITE_INTERVAL_MS);
  } catch (err) {
    logger.warn(`could not record ${what}: ${(err as Error).message}`);
  }
}
