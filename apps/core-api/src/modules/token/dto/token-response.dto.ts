import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The token service's answer, in the shape of the Docker token spec and the OAuth2 token response at once. */
export class TokenResponseDto {
  @ApiProperty({ description: 'The registry bearer token (a signed JWT).' })
  token!: string;

  @ApiProperty({ description: 'The same token, under the OAuth2 name.' })
  access_token!: string;

  @ApiProperty({ description: 'Seconds the token is valid for.', example: 1800 })
  expires_in!: number;

  @ApiProperty({ description: 'When the token was issued (RFC 3339).', example: '2025-01-01T00:00:00.000Z' })
  issued_at!: string;

  @ApiProperty({
    description: 'The granted scopes, space-separated: what was asked for, reduced to what the caller holds.',
    example: 'repository:library/app:pull,push',
  })
  scope!: string;

  @ApiPropertyOptional({
    description: 'With `access_type=offline` (POST) or `offline_token=true` (GET), for users who gave a password.',
  })
  refresh_token?: string;
}

/** The form of `POST /service/token` (OAuth2 password and refresh_token grants), for the OpenAPI document. */
export class TokenFormDto {
  @ApiProperty({ enum: ['password', 'refresh_token'] })
  grant_type!: string;

  @ApiPropertyOptional({ description: 'The registry service name, as in the registry challenge.' })
  service?: string;

  @ApiPropertyOptional({ description: 'Space-separated scopes, e.g. `repository:library/app:pull,push`.' })
  scope?: string;

  @ApiPropertyOptional({ description: 'The client, e.g. `docker` or `containerd-client` (informational).' })
  client_id?: string;

  @ApiPropertyOptional({ description: '`offline` to also receive a refresh token.' })
  access_type?: string;

  @ApiPropertyOptional({ description: 'With grant_type=password.' })
  username?: string;

  @ApiPropertyOptional({ description: 'With grant_type=password.' })
  password?: string;

  @ApiPropertyOptional({ description: 'With grant_type=refresh_token.' })
  refresh_token?: string;
}
