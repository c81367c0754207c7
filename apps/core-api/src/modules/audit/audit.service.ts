import { AUDIT_LOG_LIST_ALIAS, type AuditLogEntity, AuditLogRepository, type AuditResult } from '@berth/db';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor, principalName } from '../../common/auth/principal';
import { type ListQueryOf, type Page, applyListQuery } from '../../common/query';
import { type AUDIT_LOG_LIST } from './dto/audit-log-list.query';
import { type AuditLogDto } from './dto/audit-log.dto';

/** What happened, to whom: the part of an audit entry a service knows. */
export interface AuditEvent {
  /** Harbor's operation words: create, update, delete, login, logout, …. */
  operation: string;
  /** project, member, user, user-group, robot, token, configuration, repository, artifact, tag, …. */
  resourceType: string;
  /** The resource's name as people read it (`library`, `library/app:1.0`, `robot$library+ci`). */
  resource: string;
  projectId?: number | null;
  result?: AuditResult;
  detail?: Record<string, unknown> | null;
}

/** Where each list key lives in SQL. */
const AUDIT_LOG_FIELDS = {
  username: `${AUDIT_LOG_LIST_ALIAS}.username`,
  operation: `${AUDIT_LOG_LIST_ALIAS}.operation`,
  resource_type: `${AUDIT_LOG_LIST_ALIAS}.resource_type`,
  resource: `${AUDIT_LOG_LIST_ALIAS}.resource`,
  op_time: `${AUDIT_LOG_LIST_ALIAS}.op_time`,
  result: `${AUDIT_LOG_LIST_ALIAS}.result`,
  source_ip: `${AUDIT_LOG_LIST_ALIAS}.source_ip`,
} as const;

/**
 * Writes the audit log: who, what, when, from where, and the result; and reads it back for the API. Services call
 * `record` after their transaction commits; a failure to audit is logged, never turned into a failure of the action
 * that already happened. Registry pushes, pulls and deletes arrive through the worker, in batches. Old entries are
 * removed by the worker's retention job (`audit_log_retention_days`).
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly auditLogs: AuditLogRepository) {}

  /** Records one event by an actor. */
  async record(actor: Actor, event: AuditEvent): Promise<void> {
    try {
      await this.auditLogs.insertMany([
        {
          username: principalName(actor.principal),
          actorType: actor.principal.kind,
          sourceIp: actor.sourceIp,
          operation: event.operation,
          resourceType: event.resourceType,
          resource: event.resource,
          projectId: event.projectId ?? null,
          result: event.result ?? 'success',
          detail: event.detail ?? null,
        },
      ]);
    } catch (err) {
      this.logger.error(`could not write the audit log for ${event.operation} ${event.resource}: ${String(err)}`);
    }
  }

  /** Lists one page of the whole log. */
  list(query: ListQueryOf<typeof AUDIT_LOG_LIST>): Promise<Page<AuditLogDto>> {
    return this.page({}, query);
  }

  /** Lists one page of one project's log. */
  listForProject(projectId: number, query: ListQueryOf<typeof AUDIT_LOG_LIST>): Promise<Page<AuditLogDto>> {
    return this.page({ projectId }, query);
  }

  private async page(
    scope: { projectId?: number },
    query: ListQueryOf<typeof AUDIT_LOG_LIST>,
  ): Promise<Page<AuditLogDto>> {
    const page = await this.auditLogs.list(scope, (qb) =>
      applyListQuery(qb, query, AUDIT_LOG_FIELDS, { tieBreaker: `${AUDIT_LOG_LIST_ALIAS}.id` }),
    );
    return { items: page.items.map(toDto), total: page.total };
  }
}

function toDto(entry: AuditLogEntity): AuditLogDto {
  return {
    id: Number(entry.id),
    username: entry.username,
    resource: entry.resource,
    resource_type: entry.resourceType,
    operation: entry.operation,
    op_time: entry.opTime.toISOString(),
    source_ip: entry.sourceIp,
    result: entry.result,
    detail: entry.detail,
  };
}
