import { ApiProperty } from '@nestjs/swagger';
import { ROBOT_LEVELS, type RobotLevelName } from '../robot-rules';
import { RobotPermissionDto } from './robot-permission.dto';

/** A robot account as Harbor's Robot shows it (never its secret), plus when it was last used. */
export class RobotResponseDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'robot$library+ci', description: 'The login name, prefix included.' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: ROBOT_LEVELS })
  level!: RobotLevelName;

  @ApiProperty({ description: 'Lifetime in days; -1 never expires.' })
  duration!: number;

  @ApiProperty({ description: 'Whether the caller may change it.' })
  editable!: boolean;

  @ApiProperty()
  disable!: boolean;

  @ApiProperty({ description: 'Unix time in seconds when it expires; -1 never.' })
  expires_at!: number;

  @ApiProperty({ type: [RobotPermissionDto] })
  permissions!: RobotPermissionDto[];

  @ApiProperty({ format: 'date-time' })
  creation_time!: string;

  @ApiProperty({ format: 'date-time' })
  update_time!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  last_used_time!: string | null;
}

/** A created robot with its secret, shown this once, as Harbor's RobotCreated. */
export class RobotCreatedResponseDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'robot$library+ci' })
  name!: string;

  @ApiProperty({ description: 'The secret, shown only in this response; store it now.' })
  secret!: string;

  @ApiProperty({ format: 'date-time' })
  creation_time!: string;

  @ApiProperty({ description: 'Unix time in seconds when it expires; -1 never.' })
  expires_at!: number;
}
