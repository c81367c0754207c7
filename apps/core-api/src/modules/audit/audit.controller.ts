import { ProjectEntity } from '@berth/db';
import { Action, ProjectResource, SystemResource } from '@berth/rbac';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentProject } from '../../common/decorators/current.decorator';
import { RequirePermission, RequireSystemPermission } from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import { AuditService } from './audit.service';
import { AUDIT_LOG_LIST } from './dto/audit-log-list.query';
import { AuditLogDto } from './dto/audit-log.dto';

/** The audit log, as Harbor's /audit-logs and /projects/{project_name_or_id}/logs. */
@ApiTags('auditlog')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-logs')
  @RequireSystemPermission(SystemResource.AuditLog, Action.List)
  @ApiOperation({ summary: 'Lists the audit log of the whole system, newest first unless sorted otherwise.' })
  @Paginated(AuditLogDto)
  list(@ListQuery(AUDIT_LOG_LIST) query: ListQueryOf<typeof AUDIT_LOG_LIST>): Promise<Page<AuditLogDto>> {
    return this.audit.list(query);
  }

  @Get('projects/:project_name_or_id/logs')
  @RequirePermission(ProjectResource.Log, Action.List)
  @ApiOperation({ summary: 'Lists the audit log of one project, newest first unless sorted otherwise.' })
  @ApiParam({ name: 'project_name_or_id', type: String })
  @Paginated(AuditLogDto)
  listForProject(
    @CurrentProject() project: ProjectEntity,
    @ListQuery(AUDIT_LOG_LIST) query: ListQueryOf<typeof AUDIT_LOG_LIST>,
  ): Promise<Page<AuditLogDto>> {
    return this.audit.listForProject(project.id, query);
  }
}
