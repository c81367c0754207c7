import { ApiProperty } from '@nestjs/swagger';
import { ProjectResponseDto } from '../../projects/dto/project.dto';

/** A repository found by search, as Harbor's SearchRepository. */
export class SearchRepositoryDto {
  @ApiProperty()
  project_id!: number;

  @ApiProperty()
  project_name!: string;

  @ApiProperty()
  project_public!: boolean;

  @ApiProperty({ example: 'library/alpine' })
  repository_name!: string;

  @ApiProperty()
  pull_count!: number;

  @ApiProperty()
  artifact_count!: number;
}

/** What a search found, as Harbor's Search. */
export class SearchResponseDto {
  @ApiProperty({ type: [ProjectResponseDto] })
  project!: ProjectResponseDto[];

  @ApiProperty({ type: [SearchRepositoryDto] })
  repository!: SearchRepositoryDto[];
}
