import { type DataSource, type EntityManager } from 'typeorm';
import { type AuditActorType } from './audit-log.entity';

/** One registry event as stored: an audit entry, and for pulls a pull count and a last-pull time. */
export interface RegistryEventRecord {
  operation: 'push' | 'pull' | 'delete';
  resourceType: string;
  /** Repository name, project included. */
  repository: string;
  /** The tag or digest the request named. */
  reference: string;
  digest: string | null;
  mediaType: string | null;
  username: string;
  actorType: AuditActorType;
  sourceIp: string | null;
  time: Date;
}

/** What applying a batch did. */
export interface AppliedEventBatch {
  /** False when the batch had been applied before (nothing was written this time). */
  applied: boolean;
  auditEntries: number;
  pulls: number;
}

/** Advisory lock namespace of event batches ('evtb'), apart from the job locks' namespaces. */
export const EVENT_BATCH_LOCK_NAMESPACE = 0x65767462;

/** The detail key that carries the batch id on every entry of a batch, which makes a re-applied batch detectable. */
export const EVENT_BATCH_DETAIL_KEY = 'event_batch';

/** The audit log's name of a manifest or blob: `repo:tag` or `repo@digest`. */
export function eventResourceName(repository: string, reference: string): string {
  return reference.includes(':') ? `${repository}@${reference}` : `${repository}:${reference}`;
}

/**
 * Applies registry event batches: the audit entries in one statement, then each repository's pull count raised by its
 * pulls in the batch and each pulled manifest's last-pull time moved to its latest pull, all in one transaction. A
 * batch is applied once: its id is written into every entry's detail and checked under a lock first, so a retried job
 * (the worker died after the commit, before BullMQ heard of it) neither duplicates entries nor counts pulls twice.
 */
export class RegistryEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Applies one batch unless it was applied already. */
  async applyBatch(batchId: string, events: readonly RegistryEventRecord[]): Promise<AppliedEventBatch> {
    if (events.length === 0) return { applied: true, auditEntries: 0, pulls: 0 };
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EVENT_BATCH_LOCK_NAMESPACE, batchId]);
      if (await this.wasApplied(manager, batchId, events[0]!.time))
        return { applied: false, auditEntries: 0, pulls: 0 };
      await this.insertEntries(manager, batchId, events);
      const pulls = events.filter((event) => event.operation === 'pull');
      await this.countPulls(manager, pulls);
      await this.stampPulls(manager, pulls);
      return { applied: true, auditEntries: events.length, pulls: pulls.length };
    });
  }

  /** Looks for an entry of the batch at its first event's time, which the op_time index finds directly. */
  private async wasApplied(manager: EntityManager, batchId: string, firstTime: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM audit_log WHERE op_time = $1 AND detail ->> '${EVENT_BATCH_DETAIL_KEY}' = $2 LIMIT 1`,
      [firstTime, batchId],
    );
    return rows.length > 0;
  }

  /** Writes every event's audit entry in one statement, with the project found by the repository name's first part. */
  private async insertEntries(manager: EntityManager, batchId: string, events: readonly RegistryEventRecord[]) {
    const rows = events.map((event) => ({
      op_time: event.time.toISOString(),
      username: event.username,
      actor_type: event.actorType,
      source_ip: event.sourceIp,
      operation: event.operation,
      resource_type: event.resourceType,
      resource: eventResourceName(event.repository, event.reference),
      project_name: event.repository.split('/', 1)[0],
      detail: {
        ...(event.digest ? { digest: event.digest } : {}),
        ...(event.mediaType ? { media_type: event.mediaType } : {}),
        [EVENT_BATCH_DETAIL_KEY]: batchId,
      },
    }));
    await manager.query(
      `INSERT INTO audit_log (op_time, username, actor_type, source_ip, operation, resource_type, resource, project_id,
                              result, detail)
       SELECT e.op_time, e.username, e.actor_type, e.source_ip, e.operation, e.resource_type, e.resource, p.id,
              'success', e.detail
       FROM jsonb_to_recordset($1::jsonb) AS e(op_time timestamptz, username text, actor_type text, source_ip text,
            operation text, resource_type text, resource text, project_name text, detail jsonb)
       LEFT JOIN project p ON p.name = e.project_name`,
      [JSON.stringify(rows)],
    );
  }

  /** Raises pull counts by the batch's pulls per repository, locking the rows in id order against deadlocks. */
  private async countPulls(manager: EntityManager, pulls: readonly RegistryEventRecord[]): Promise<void> {
    if (pulls.length === 0) return;
    const counts = new Map<string, number>();
    for (const pull of pulls) counts.set(pull.repository, (counts.get(pull.repository) ?? 0) + 1);
    const names = [...counts.keys()];
    await manager.query(
      `WITH locked AS (SELECT id, name FROM repository WHERE name = ANY($1::text[]) ORDER BY id FOR UPDATE)
       UPDATE repository r SET pull_count = r.pull_count + v.n
       FROM locked l JOIN unnest($1::text[], $2::int[]) AS v(name, n) ON v.name = l.name
       WHERE r.id = l.id`,
      [names, names.map((name) => counts.get(name)!)],
    );
  }

  /** Moves each pulled manifest's last-pull time to its latest pull in the batch (never backwards). */
  private async stampPulls(manager: EntityManager, pulls: readonly RegistryEventRecord[]): Promise<void> {
    const latest = new Map<string, { repository: string; digest: string; time: Date }>();
    for (const pull of pulls) {
      if (!pull.digest) continue;
      const key = `${pull.repository}@${pull.digest}`;
      const seen = latest.get(key);
      if (!seen || seen.time < pull.time)
        latest.set(key, { repository: pull.repository, digest: pull.digest, time: pull.time });
    }
    if (latest.size === 0) return;
    const entries = [...latest.values()];
    await manager.query(
      `WITH v AS (SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS v(repository, digest, t)),
       locked AS (
         SELECT m.id, v.t FROM manifest m JOIN repository r ON r.id = m.repository_id
         JOIN v ON v.repository = r.name AND v.digest = m.digest
         ORDER BY m.id FOR UPDATE OF m
       )
       UPDATE manifest m SET last_pulled_at = GREATEST(COALESCE(m.last_pulled_at, l.t), l.t)
       FROM locked l WHERE m.id = l.id`,
      [entries.map((e) => e.repository), entries.map((e) => e.digest), entries.map((e) => e.time.toISOString())],
    );
  }
}
