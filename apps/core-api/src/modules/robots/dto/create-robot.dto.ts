import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

/** A new robot account, as Harbor's RobotCreate. */
export class CreateRobotDto {
  @ApiProperty({
    example: 'ci',
    description: 'Lower case letters, digits and single `.`, `_` or `-` between them; the login name adds the prefix.',
  })
  @IsString()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiPropertyOptional({
    description: 'Lifetime in days; -1 never expires (when the system allows it); 0 or absent takes the default.',
    example: 30,
  })
  @IsOptional()
  @IsInt()
  @Min(-1)
  @Max(MAX_DURATION_DAYS)
  duration?: number;

  @ApiProperty({ enum: ROBOT_LEVELS })
  @IsIn(ROBOT_LEVELS)
  level!: RobotLevelName;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  disable?: boolean;

  @ApiProperty({ type: [RobotPermissionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PERMISSION_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => RobotPermissionDto)
  permissions!: RobotPermissionDto[];

  @ApiPropertyOptional({
    description:
      'A secret of your choice (32–128 characters with upper and lower case letters and digits); generated when absent.',
  })
  @IsOptional()
  @IsString()
  secret?: string;
}
