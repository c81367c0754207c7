import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { BOOLEAN_TEXT, PROJECT_NAME_MAX_LENGTH, PROJECT_NAME_PATTERN, SEVERITIES } from '../project-rules';

/** Why a project name is refused. */
const PROJECT_NAME_MESSAGE = 'project_name must be lower-case letters and digits separated by single ".", "_" or "-"';

/** Harbor's project metadata: every value is a string, booleans as "true"/"false". */
export class ProjectMetadataDto {
  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Whether anyone, even anonymous callers, can pull.' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  public?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Whether only signed images can be pulled.' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  enable_content_trust?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Whether only cosign-signed images can be pulled.' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  enable_content_trust_cosign?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Whether images above `severity` are kept from pulls.' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  prevent_vul?: string;

  @ApiPropertyOptional({ enum: SEVERITIES, description: 'The severity `prevent_vul` blocks from.' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Whether pushed images are scanned automatically.' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  auto_scan?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Whether the system CVE allowlist applies.' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT)
  reuse_sys_cve_allowlist?: string;

  @ApiPropertyOptional({ description: 'The id of the project’s tag retention policy.' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  retention_id?: string;
}

/** Settings of a project that can change: publicity, metadata and quota. */
export class ProjectSettingsDto {
  @ApiPropertyOptional({ description: 'Deprecated by Harbor in favour of metadata.public; still honoured.' })
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  @ApiPropertyOptional({ type: ProjectMetadataDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectMetadataDto)
  metadata?: ProjectMetadataDto;

  @ApiPropertyOptional({
    description: 'Storage quota in bytes, -1 for unlimited (enforced by the registry once quotas land).',
    example: -1,
  })
  @IsOptional()
  @IsInt()
  @Min(-1)
  storage_limit?: number;
}

/** A new project: its name plus its settings. */
export class CreateProjectDto extends ProjectSettingsDto {
  @ApiProperty({
    description: 'Lower-case letters and digits, separated by single `.`, `_` or `-`; 1–255 characters.',
    example: 'team-a',
    maxLength: PROJECT_NAME_MAX_LENGTH,
  })
  @IsString()
  @MaxLength(PROJECT_NAME_MAX_LENGTH)
  @Matches(PROJECT_NAME_PATTERN, { message: PROJECT_NAME_MESSAGE })
  project_name!: string;
}

/** A change of a project's settings; Harbor clients resend the name, which must then be the project's own. */
export class UpdateProjectDto extends ProjectSettingsDto {
  @ApiPropertyOptional({ description: 'Ignored when it is the project’s name; a project cannot be renamed.' })
  @IsOptional()
  @IsString()
  @MaxLength(PROJECT_NAME_MAX_LENGTH)
  project_name?: string;
}

/** A project as Harbor's API shows it. */
export class ProjectResponseDto {
  @ApiProperty()
  project_id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The creator, null when a robot created it.' })
  owner_id!: number | null;

  @ApiProperty({ nullable: true, type: String })
  owner_name!: string | null;

  @ApiProperty({ type: ProjectMetadataDto })
  metadata!: ProjectMetadataDto;

  @ApiProperty({ description: 'Repositories holding at least one artifact.' })
  repo_count!: number;

  @ApiProperty({ description: 'Always 0: Berth has no chart repository.' })
  chart_count!: number;

  @ApiProperty({ description: 'Storage quota in bytes, -1 for unlimited (as `quota.hard.storage` of the summary).' })
  storage_limit!: number;

  @ApiProperty({ description: 'Bytes the project’s artifacts use (as `quota.used.storage` of the summary).' })
  storage_used!: number;

  @ApiProperty({ description: 'The caller’s highest role id in the project, 0 when none (deprecated by Harbor).' })
  current_user_role_id!: number;

  @ApiProperty({ type: [Number], description: 'Every role id the caller holds, directly or through groups.' })
  current_user_role_ids!: number[];

  @ApiProperty({ description: 'Always true: publicity can be changed.' })
  togglable!: boolean;

  @ApiProperty({ description: 'Always false: deleted projects are gone.' })
  deleted!: boolean;

  @ApiProperty({ format: 'date-time' })
  creation_time!: string;

  @ApiProperty({ format: 'date-time' })
  update_time!: string;
}

/** Storage figures of a quota, as Harbor's ResourceList. */
export class ResourceListDto {
  @ApiProperty({ description: 'Bytes; -1 for unlimited in `hard`.' })
  storage!: number;
}

/** A project's quota: the limit and what is used. */
export class QuotaDto {
  @ApiProperty({ type: ResourceListDto })
  hard!: ResourceListDto;

  @ApiProperty({ type: ResourceListDto })
  used!: ResourceListDto;
}

/** What a project holds, as Harbor's ProjectSummary. */
export class ProjectSummaryDto {
  @ApiProperty()
  repo_count!: number;

  @ApiProperty()
  chart_count!: number;

  @ApiProperty()
  project_admin_count!: number;

  @ApiProperty()
  maintainer_count!: number;

  @ApiProperty()
  developer_count!: number;

  @ApiProperty()
  guest_count!: number;

  @ApiProperty()
  limited_guest_count!: number;

  @ApiProperty({ type: QuotaDto })
  quota!: QuotaDto;
}
