import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_DURATION_DAYS, ROBOT_LEVELS, type RobotLevelName } from '../robot-rules';
import { MAX_PERMISSION_ENTRIES, RobotPermissionDto } from './robot-permission.dto';

/**
 * A change of a robot, as Harbor's PUT body (the whole Robot object). Name and level cannot change and must match when
 * sent; the read-only fields Harbor clients send back (id, editable, secret, times) are accepted and ignored.
 */
export class UpdateRobotDto {
  @ApiPropertyOptional({ description: 'Must equal the robot’s name (full or without the prefix) when sent.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({ description: 'Lifetime in days from creation; -1 never expires (when allowed).' })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(MAX_DURATION_DAYS)
  duration?: number;

  @ApiPropertyOptional({ enum: ROBOT_LEVELS, description: 'Must equal the robot’s level when sent.' })
  @IsOptional()
  @IsIn(ROBOT_LEVELS)
  level?: RobotLevelName;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disable?: boolean;

  @ApiPropertyOptional({ type: [RobotPermissionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PERMISSION_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => RobotPermissionDto)
  permissions?: RobotPermissionDto[];

  @ApiPropertyOptional({ description: 'Ignored (read-only).' })
  @IsOptional()
  @IsInt()
  id?: number;

  @ApiPropertyOptional({ description: 'Ignored (read-only).' })
  @IsOptional()
  @IsBoolean()
  editable?: boolean;

  @ApiPropertyOptional({ description: 'Ignored: secrets change only through PATCH /robots/{robot_id}.' })
  @IsOptional()
  @IsString()
  secret?: string;

  @ApiPropertyOptional({ description: 'Ignored (read-only).' })
  @IsOptional()
  @IsInt()
  expires_at?: number;

  @ApiPropertyOptional({ description: 'Ignored (read-only).' })
  @IsOptional()
  @IsString()
  creation_time?: string;

  @ApiPropertyOptional({ description: 'Ignored (read-only).' })
  @IsOptional()
  @IsString()
  update_time?: string;

  @ApiPropertyOptional({ description: 'Ignored (read-only).', nullable: true })
  @IsOptional()
  @IsString()
  last_used_time?: string | null;
}
