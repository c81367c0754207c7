import { randomUUID } from 'node:crypto';
import { type OnApplicationShutdown } from '@nestjs/common';
import { type Logger } from '@berth/common';
import { type RegistryEvent, type RegistryEventBatch } from '@berth/queue';

/** Where batches go: the events queue in production, a list in unit tests. */
export interface RegistryEventSink {
  /** Hands one batch over; rejects when it could not (Redis down, timeout). */
  send(batch: RegistryEventBatch): Promise<void>;
  /** Releases the sink's connection. */
  close(): Promise<void>;
}

/** How the emitter batches. The defaults suit production; tests shorten the interval. */
export interface EmitterTuning {
  /** How often buffered events are flushed: a second keeps the audit log close to real time. */
  flushIntervalMs: number;
  /** Events per batch, and the buffer size that triggers a flush before the interval is up. */
  maxBatch: number;
  /**
   * Events held while the sink is slow or down; more are dropped. 10 000 events of well under 1 KiB each bound the
   * buffer to a few MiB per replica.
   */
  maxBuffered: number;
  /** How long one hand-over may take before its batch is dropped. */
  sendTimeoutMs: number;
  /** At most one warning about dropped events per this interval. */
  warnIntervalMs: number;
}

/** Production batching: a batch a second or every 200 events. */
export const DEFAULT_EMITTER_TUNING: EmitterTuning = {
  flushIntervalMs: 1_000,
  maxBatch: 200,
  maxBuffered: 10_000,
  sendTimeoutMs: 5_000,
  warnIntervalMs: 60_000,
};

/**
 * Collects the registry's push, pull and delete events and hands them to the events queue in batches, off the request
 * path: `emit` only appends to a bounded buffer and never waits for Redis. When Redis is slow or down the buffer
 * fills up to its cap and further events, and batches that cannot be handed over, are dropped with a rate-limited
 * warning: the audit trail of pulls is worth less than pulls that keep working.
 */
export class RegistryEventEmitter implements OnApplicationShutdown {
  private buffer: RegistryEvent[] = [];
  private sending?: Promise<void>;
  private readonly timer?: NodeJS.Timeout;
  private droppedSinceWarning = 0;
  private lastWarningAt = 0;

  constructor(
    private readonly sink: RegistryEventSink | null,
    private readonly logger: Logger,
    private readonly tuning: EmitterTuning = DEFAULT_EMITTER_TUNING,
  ) {
    if (sink) {
      this.timer = setInterval(() => void this.flush(), tuning.flushIntervalMs);
      this.timer.unref();
    }
  }

  /** Events waiting for the next flush. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** Records an event for the next batch; returns at once, whatever the state of Redis. */
  emit(event: RegistryEvent): void {
    if (!this.sink) return;
    if (this.buffer.length >= this.tuning.maxBuffered) {
      this.drop(1, 'the event buffer is full');
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.tuning.maxBatch) void this.flush();
  }

  /** Hands every buffered event over, batch by batch; resolves when done (one flush runs at a time). */
  flush(): Promise<void> {
    if (!this.sink || this.buffer.length === 0) return this.sending ?? Promise.resolve();
    this.sending ??= this.drain().finally(() => (this.sending = undefined));
    return this.sending;
  }

  /** Flushes what is left once the HTTP server has drained, then closes the sink. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    if (!this.sink) return;
    await this.flush();
    // A second pass takes the events that arrived during the first.
    await this.flush();
    await withTimeout(this.sink.close(), this.tuning.sendTimeoutMs).catch(() => undefined);
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const events = this.buffer.splice(0, this.tuning.maxBatch);
      const batch: RegistryEventBatch = { batchId: randomUUID(), events };
      try {
        await withTimeout(this.sink!.send(batch), this.tuning.sendTimeoutMs);
      } catch (err) {
        this.drop(events.length, (err as Error).message);
        // The sink is unwell: leave the rest for the next tick instead of timing out batch after batch now.
        return;
      }
    }
  }

  private drop(count: number, reason: string): void {
    this.droppedSinceWarning += count;
    const now = Date.now();
    if (now - this.lastWarningAt < this.tuning.warnIntervalMs) return;
    this.logger.warn(
      { dropped: this.droppedSinceWarning, reason },
      'registry events dropped (audit entries and pull counts lost)',
    );
    this.droppedSinceWarning = 0;
    this.lastWarningAt = now;
  }
}

/** Rejects when a promise takes longer than `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
