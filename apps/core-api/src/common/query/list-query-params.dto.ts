import { IsOptional, IsString } from 'class-validator';

/**
 * Base for a `@Query()` DTO of a list route that also has its own parameters: it whitelists `q`, `sort`, `page` and
 * `page_size` for the global ValidationPipe. Their parsing and documentation stay with `@ListQuery(spec)`.
 */
export class ListQueryParamsDto {
  @IsOptional()
  @IsString()
  q?: string;

  @IsOptional()
  @IsString()
  sort?: string;

  @IsOptional()
  @IsString()
  page?: string;

  @IsOptional()
  @IsString()
  page_size?: string;
}
