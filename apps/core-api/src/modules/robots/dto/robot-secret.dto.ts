import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** A secret refresh, as Harbor's RobotSec: a chosen secret, or none to have one generated. */
export class RefreshRobotSecretDto {
  @ApiPropertyOptional({
    description: 'A secret of your choice (32–128 characters with upper and lower case letters and digits).',
  })
  @IsOptional()
  @IsString()
  secret?: string;
}

/** The new secret, shown this once. */
export class RobotSecretResponseDto {
  @ApiProperty({ description: 'The new secret; the previous one stays valid for its grace period.' })
  secret!: string;
}
