import { ApiProperty } from '@nestjs/swagger';

/** One audit entry, in Harbor's AuditLog shape plus where it came from, its result and details. */
export class AuditLogDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'admin', description: 'The account name at the time (users, robots, or anonymous).' })
  username!: string;

  @ApiProperty({ example: 'library/app:1.0', description: 'What was acted on, as people read it.' })
  resource!: string;

  @ApiProperty({ example: 'artifact', description: 'project, member, user, robot, configuration, artifact, tag, …' })
  resource_type!: string;

  @ApiProperty({ example: 'pull', description: 'create, update, delete, pull, push, login, …' })
  operation!: string;

  @ApiProperty({ format: 'date-time' })
  op_time!: string;

  @ApiProperty({ type: String, nullable: true, example: '10.0.0.12' })
  source_ip!: string | null;

  @ApiProperty({ enum: ['success', 'failure'] })
  result!: 'success' | 'failure';

  @ApiProperty({ type: Object, nullable: true, additionalProperties: true })
  detail!: Record<string, unknown> | null;
}
