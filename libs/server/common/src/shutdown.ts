import { type Logger } from 'pino';

/** The signals an orchestrator or a terminal sends to stop a service. */
const STOP_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Stops the process cleanly on SIGTERM or SIGINT: runs `close` (drain requests, finish jobs, close pools), flushes the
 * asynchronous log stream so the last lines are not lost, and exits 0 (1 when closing failed). Unlike re-raising the
 * signal after closing, exiting this way lets the log flush and tells supervisors the stop was clean.
 */
export function exitOnStopSignals(close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    let code = 0;
    try {
      await close();
    } catch (err) {
      logger.error({ err }, 'failed to stop cleanly');
      code = 1;
    }
    logger.flush(() => process.exit(code));
  };
  for (const signal of STOP_SIGNALS) process.once(signal, (s) => void stop(s));
}
