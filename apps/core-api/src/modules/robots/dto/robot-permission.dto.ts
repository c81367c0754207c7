import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Most entries of an access list: more than every resource/action pair the platform has. */
const MAX_ACCESS_ENTRIES = 200;

/** Most permission entries of one robot: a system robot naming projects one by one. */
export const MAX_PERMISSION_ENTRIES = 500;

/** One resource/action pair of a robot's permission, in Harbor's shape. */
export class RobotAccessDto {
  @ApiProperty({ example: 'repository' })
  @IsString()
  @MaxLength(64)
  resource!: string;

  @ApiProperty({ example: 'pull' })
  @IsString()
  @MaxLength(32)
  action!: string;

  @ApiPropertyOptional({ enum: ['allow'], default: 'allow', description: 'Only allow is supported.' })
  @IsOptional()
  @IsIn(['allow'])
  effect?: 'allow';
}

/** The permissions a robot holds in one namespace. */
export class RobotPermissionDto {
  @ApiProperty({ enum: ['project', 'system'] })
  @IsIn(['project', 'system'])
  kind!: 'project' | 'system';

  @ApiProperty({
    example: 'library',
    description: 'A project name; `*` for every project (system robots only); `/` for system resources.',
  })
  @IsString()
  @MaxLength(255)
  namespace!: string;

  @ApiProperty({ type: [RobotAccessDto] })
  @IsArray()
  @ArrayMaxSize(MAX_ACCESS_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => RobotAccessDto)
  access!: RobotAccessDto[];
}
