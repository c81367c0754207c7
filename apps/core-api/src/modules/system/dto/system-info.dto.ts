import { ApiProperty } from '@nestjs/swagger';

/** What the console and clients learn about the installation without signing in. */
export class SystemInfoDto {
  @ApiProperty({ example: '0.1.0' })
  berth_version!: string;

  @ApiProperty({ enum: ['filesystem', 's3'] })
  storage_backend!: string;

  @ApiProperty({ enum: ['db_auth', 'ldap_auth'] })
  auth_mode!: string;

  @ApiProperty({ example: 'localhost:5000', description: 'The registry address to use with docker, podman or skopeo.' })
  registry_url!: string;

  @ApiProperty({ example: 'http://localhost:8080' })
  external_url!: string;

  @ApiProperty({ description: 'Whether this core-api serves the console bundle itself.' })
  with_console!: boolean;

  @ApiProperty({ format: 'date-time' })
  current_time!: string;
}
