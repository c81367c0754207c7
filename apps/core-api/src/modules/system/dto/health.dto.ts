import { ApiProperty } from '@nestjs/swagger';

/** One component's state. */
export class ComponentHealthDto {
  @ApiProperty({ example: 'database' })
  name!: string;

  @ApiProperty({ enum: ['healthy', 'unhealthy'] })
  status!: 'healthy' | 'unhealthy';

  @ApiProperty({ required: false })
  error?: string;

  @ApiProperty({ required: false, type: Object, additionalProperties: true })
  details?: Record<string, unknown>;
}

/** The platform's state: healthy only when every component is. */
export class OverallHealthDto {
  @ApiProperty({ enum: ['healthy', 'unhealthy'] })
  status!: 'healthy' | 'unhealthy';

  @ApiProperty({ type: [ComponentHealthDto] })
  components!: ComponentHealthDto[];
}
