import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { type Principal } from '../../common/auth/principal';
import { CurrentPrincipal } from '../../common/decorators/current.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { SearchResponseDto } from './dto/search.dto';
import { SearchService } from './search.service';

/** Longest search text: a repository name's length. */
const MAX_SEARCH_TEXT = 255;

/** Name search over projects and repositories, as Harbor's /search. */
@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Finds projects and repositories by part of their name, among those the caller can see.' })
  @ApiQuery({ name: 'q', required: true, description: 'Part of the name (case-insensitive).' })
  @ApiOkResponse({ type: SearchResponseDto })
  find(@CurrentPrincipal() principal: Principal, @Query('q') q?: string): Promise<SearchResponseDto> {
    if (typeof q !== 'string' || q.trim() === '' || q.length > MAX_SEARCH_TEXT) {
      throw new BadRequestException(`q must be 1 to ${MAX_SEARCH_TEXT} characters`);
    }
    return this.search.search(principal, q.trim());
  }
}
