import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Longest repository description accepted. */
export const MAX_DESCRIPTION_LENGTH = 65_536;

/** A repository as Harbor's API shows it. */
export class RepositoryResponseDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  project_id!: number;

  @ApiProperty({ example: 'library/alpine', description: 'The full name, project included.' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: 'Artifacts, not counting the manifests an index lists.' })
  artifact_count!: number;

  @ApiProperty()
  pull_count!: number;

  @ApiProperty({ format: 'date-time' })
  creation_time!: string;

  @ApiProperty({ format: 'date-time' })
  update_time!: string;
}

/** A change of a repository's description, the only thing about a repository the API changes. */
export class UpdateRepositoryDto {
  @ApiProperty({ description: 'Free text shown with the repository.', maxLength: MAX_DESCRIPTION_LENGTH })
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description!: string;
}
