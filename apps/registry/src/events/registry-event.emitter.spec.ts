import { createLogger } from '@berth/common';
import { type RegistryEvent, type RegistryEventBatch } from '@berth/queue';
import { setTimeout as sleep } from 'node:timers/promises';
import { type EmitterTuning, RegistryEventEmitter, type RegistryEventSink } from './registry-event.emitter';

const TUNING: EmitterTuning = {
  flushIntervalMs: 50,
  maxBatch: 5,
  maxBuffered: 12,
  sendTimeoutMs: 100,
  warnIntervalMs: 60_000,
};

function event(i: number): RegistryEvent {
  return {
    operation: 'pull',
    resourceType: 'artifact',
    repository: 'library/app',
    reference: `v${i}`,
    digest: null,
    mediaType: null,
    actor: { name: 'anonymous', kind: 'anonymous' },
    sourceIp: '127.0.0.1',
    time: new Date().toISOString(),
  };
}

class ListSink implements RegistryEventSink {
  readonly batches: RegistryEventBatch[] = [];
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  async send(batch: RegistryEventBatch): Promise<void> {
    if (this.mode === 'fail') throw new Error('connection refused');
    if (this.mode === 'hang') return new Promise(() => undefined);
    this.batches.push(batch);
  }
  async close(): Promise<void> {}
}

const logger = createLogger('test', 'silent');

describe('RegistryEventEmitter', () => {
  let emitters: RegistryEventEmitter[] = [];
  const make = (sink: RegistryEventSink | null): RegistryEventEmitter => {
    const emitter = new RegistryEventEmitter(sink, logger, TUNING);
    emitters.push(emitter);
    return emitter;
  };
  afterEach(async () => {
    for (const emitter of emitters) await emitter.onApplicationShutdown();
    emitters = [];
  });

  it('holds a partial batch until the next tick, each batch with its own id', async () => {
    const sink = new ListSink();
    const emitter = make(sink);
    for (let i = 0; i < 3; i++) emitter.emit(event(i));
    await sleep(0);
    expect(sink.batches).toEqual([]);
    await sleep(TUNING.flushIntervalMs * 3);
    emitter.emit(event(3));
    await sleep(TUNING.flushIntervalMs * 3);
    expect(sink.batches.map((b) => b.events.map((e) => e.reference))).toEqual([['v0', 'v1', 'v2'], ['v3']]);
    expect(new Set(sink.batches.map((b) => b.batchId)).size).toBe(2);
  });

  it('sends a full batch without waiting for the tick', async () => {
    const sink = new ListSink();
    const slow = new RegistryEventEmitter(sink, logger, { ...TUNING, flushIntervalMs: 60_000 });
    emitters.push(slow);
    for (let i = 0; i < TUNING.maxBatch; i++) slow.emit(event(i));
    await sleep(0);
    expect(sink.batches.map((b) => b.events.length)).toEqual([TUNING.maxBatch]);
    expect(slow.buffered).toBe(0);
  });

  it('returns from emit at once while the sink hangs, and caps what it holds', async () => {
    const sink = new ListSink();
    sink.mode = 'hang';
    const emitter = make(sink);
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) emitter.emit(event(i));
    expect(performance.now() - started).toBeLessThan(50);
    expect(emitter.buffered).toBeLessThanOrEqual(TUNING.maxBuffered);
  });

  it('drops a batch the sink refuses and carries on once it recovers', async () => {
    const sink = new ListSink();
    sink.mode = 'fail';
    const emitter = make(sink);
    for (let i = 0; i < 3; i++) emitter.emit(event(i));
    await emitter.flush();
    expect(emitter.buffered).toBe(0);
    sink.mode = 'ok';
    emitter.emit(event(9));
    await emitter.flush();
    expect(sink.batches.flatMap((b) => b.events.map((e) => e.reference))).toEqual(['v9']);
  });

  it('drops a batch whose hand-over times out', async () => {
    const sink = new ListSink();
    sink.mode = 'hang';
    const emitter = make(sink);
    emitter.emit(event(1));
    const started = performance.now();
    await emitter.flush();
    expect(performance.now() - started).toBeLessThan(TUNING.sendTimeoutMs * 5);
    expect(emitter.buffered).toBe(0);
  });

  it('flushes what is left on shutdown', async () => {
    const sink = new ListSink();
    const emitter = new RegistryEventEmitter(sink, logger, { ...TUNING, flushIntervalMs: 60_000 });
    emitter.emit(event(1));
    emitter.emit(event(2));
    await emitter.onApplicationShutdown();
    expect(sink.batches.flatMap((b) => b.events.map((e) => e.reference))).toEqual(['v1', 'v2']);
  });

  it('does nothing without a sink', async () => {
    const emitter = make(null);
    emitter.emit(event(1));
    expect(emitter.buffered).toBe(0);
    await emitter.flush();
  });
});
