import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TAG_PATTERN } from '@berth/oci';

/** A tag as Harbor's API shows it. */
export class TagDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  repository_id!: number;

  @ApiProperty()
  artifact_id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'date-time', description: 'When the tag last moved to this artifact.' })
  push_time!: string;

  @ApiProperty({ description: 'Always false until immutability rules land.' })
  immutable!: boolean;
}

/** The platform an index lists a manifest for. */
export class PlatformDto {
  @ApiProperty({ example: 'amd64' })
  architecture!: string;

  @ApiProperty({ example: 'linux' })
  os!: string;

  @ApiPropertyOptional({ example: 'v8' })
  variant?: string;

  @ApiPropertyOptional({ name: 'os.version' })
  'os.version'?: string;

  @ApiPropertyOptional({ name: 'os.features', type: [String] })
  'os.features'?: string[];
}

/** An index's entry, as Harbor's Reference. */
export class ReferenceDto {
  @ApiProperty()
  parent_id!: number;

  @ApiProperty()
  child_id!: number;

  @ApiProperty()
  child_digest!: string;

  @ApiProperty({ description: 'The child manifest’s media type.' })
  child_media_type!: string;

  @ApiProperty({ description: 'The child’s size in bytes: its manifest, config and layers.' })
  child_size!: number;

  @ApiProperty({ type: PlatformDto, nullable: true })
  platform!: PlatformDto | null;
}

/** An artifact (a manifest or index) as Harbor's API shows it. */
export class ArtifactResponseDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ enum: ['IMAGE', 'CHART', 'UNKNOWN'], description: 'What kind of artifact this is.' })
  type!: string;

  @ApiProperty({ description: 'The config media type (an image’s config), or the manifest’s for an index.' })
  media_type!: string;

  @ApiProperty()
  manifest_media_type!: string;

  @ApiProperty({ nullable: true, type: String, description: 'OCI 1.1 artifactType, else the config media type.' })
  artifact_type!: string | null;

  @ApiProperty()
  project_id!: number;

  @ApiProperty()
  repository_id!: number;

  @ApiProperty({ example: 'library/alpine' })
  repository_name!: string;

  @ApiProperty({ example: 'sha256:…' })
  digest!: string;

  @ApiProperty({
    description:
      'Bytes a pull moves, as Harbor counts them: the manifest, config and layers; an index adds its manifests.',
  })
  size!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'sha256:…',
    description: 'The artifact this one refers to (OCI 1.1 subject: a signature’s or SBOM’s image), else null.',
  })
  subject_digest!: string | null;

  @ApiProperty({ format: 'date-time' })
  push_time!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  pull_time!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  annotations!: Record<string, string> | null;

  @ApiProperty({ type: [TagDto], nullable: true, description: 'null when with_tag=false.' })
  tags!: TagDto[] | null;

  @ApiProperty({ type: [ReferenceDto], nullable: true, description: 'The manifests an index lists; null otherwise.' })
  references!: ReferenceDto[] | null;
}

/** A tag to add to an artifact. */
export class CreateTagDto {
  @ApiProperty({ example: 'v1.2.3' })
  @IsString()
  @Matches(TAG_PATTERN, { message: 'name must be a valid tag: [A-Za-z0-9_][A-Za-z0-9._-]{0,127}' })
  name!: string;
}

/** One step of an image's build, from its config's `history` (Harbor's build_history addition). */
export class BuildHistoryEntryDto {
  @ApiPropertyOptional({ format: 'date-time' })
  created?: string;

  @ApiPropertyOptional({ example: '/bin/sh -c #(nop) COPY file:… in /app' })
  created_by?: string;

  @ApiPropertyOptional()
  author?: string;

  @ApiPropertyOptional()
  comment?: string;

  @ApiPropertyOptional({ description: 'True when the step added no layer (ENV, CMD, …).' })
  empty_layer?: boolean;
}
