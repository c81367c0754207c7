import { AuditLogRepository, type AuditResult } from '@berth/db';
import { Injectable, Logger } from '@nestjs/common';
import { type Actor, principalName } from '../../common/auth/principal';

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

/**
 * Writes the audit log: who, what, when, from where, and the result. Services call it after their transaction
 * commits; a failure to audit is logged, never turned into a failure of the action that already happened.
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
}
