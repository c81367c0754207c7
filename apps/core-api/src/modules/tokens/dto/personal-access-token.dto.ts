import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { defineListQuery } from '../../../common/query';

/** Longest token name (the column's length). */
const MAX_NAME_LENGTH = 128;
/** Longest lifetime a token may be given: ten years. */
export const MAX_TOKEN_DAYS = 3650;
/** Lifetime of a token created without one. */
export const DEFAULT_TOKEN_DAYS = 30;
/** The lifetime meaning "never expires", as robots' -1. */
export const TOKEN_NEVER_EXPIRES = -1;
/** Most scopes one token may list: more than every permission there is. */
const MAX_SCOPES = 128;

/** A new personal access token. */
export class CreatePersonalAccessTokenDto {
  @ApiProperty({ maxLength: MAX_NAME_LENGTH, example: 'ci-pull', description: 'Unique among your tokens.' })
  @IsString()
  @MaxLength(MAX_NAME_LENGTH)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'name must start with a letter or digit and hold only letters, digits, ".", "_" and "-"',
  })
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['repository:pull', 'repository:push'],
    description: '`resource:action` keys the token is limited to; your own permissions still apply on top.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_SCOPES)
  @IsString({ each: true })
  scopes!: string[];

  @ApiPropertyOptional({
    description: `Lifetime in days (1 to ${MAX_TOKEN_DAYS}), or -1 for a token that never expires.`,
    default: DEFAULT_TOKEN_DAYS,
  })
  @IsOptional()
  @IsInt()
  @Min(TOKEN_NEVER_EXPIRES)
  @Max(MAX_TOKEN_DAYS)
  expires_in_days?: number;
}

/** A personal access token as listed (never its secret). */
export class PersonalAccessTokenResponseDto {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    description: 'The public start of the token, to recognise it.',
    example: 'berth_pat_1a2b3c4d5e6f7a8b',
  })
  token_prefix!: string;

  @ApiProperty({ type: [String] })
  scopes!: string[];

  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'Null when it never expires.' })
  expires_at!: string | null;

  @ApiProperty({ description: 'Whether it has expired.' })
  expired!: boolean;

  @ApiProperty({ format: 'date-time', type: String, nullable: true })
  revoked_at!: string | null;

  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'Recorded to the minute.' })
  last_used_at!: string | null;

  @ApiProperty({ format: 'date-time' })
  creation_time!: string;
}

/** A token just created: the only answer that carries its secret. */
export class PersonalAccessTokenCreatedDto extends PersonalAccessTokenResponseDto {
  @ApiProperty({
    description: 'The whole token, shown this once: the password for docker login or Basic authentication.',
    example: 'berth_pat_1a2b3c4d5e6f7a8b_…',
  })
  secret!: string;
}

/** What the token lists filter and sort on. */
export const PERSONAL_ACCESS_TOKEN_LIST = defineListQuery({
  filters: { name: 'string', creation_time: 'date' },
  sort: ['name', 'creation_time', 'expires_at'],
  defaultSort: ['-creation_time'],
});
