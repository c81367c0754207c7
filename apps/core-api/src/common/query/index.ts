/*
 * Harbor-shaped list endpoints: `q`, `sort`, `page`, `page_size` in, a JSON array with `X-Total-Count` and `Link` out.
 *
 * 1. Declare what the endpoint accepts, next to the controller:
 *
 *      export const PROJECT_LIST = defineListQuery({
 *        filters: { name: 'string', public: 'bool', owner_id: 'int', creation_time: 'date' },
 *        sort: ['name', 'creation_time'],
 *        defaultSort: ['name'],
 *      });
 *
 * 2. Controller: `@ListQuery(spec)` parses and checks the parameters (400 BAD_REQUEST naming the bad key, page_size
 *    above 100 included) and documents them; `@Paginated(ItemDto)` turns the returned `Page<T>` into the array and
 *    the headers and documents the 200 response.
 *
 *      @Get('projects')
 *      @RequirePermission(Resource.Project, Action.List)
 *      @Paginated(ProjectResponseDto)
 *      list(@ListQuery(PROJECT_LIST) query: ListQueryOf<typeof PROJECT_LIST>): Promise<Page<ProjectResponseDto>> {
 *        return this.projects.list(query);
 *      }
 *
 * 3. Repository: `applyListQuery(qb, query, fields, { tieBreaker })` with the SQL expression of every key, then
 *    `getManyAndCount()`:
 *
 *      const qb = this.repo.createQueryBuilder('p');
 *      applyListQuery(qb, query, { name: 'p.name', public: 'p.public', owner_id: 'p.owner_id',
 *        creation_time: 'p.creation_time' }, { tieBreaker: 'p.id' });
 *      const [items, total] = await qb.getManyAndCount();
 *
 * Other query parameters of the same route are read with `@Query('name')` one by one: a `@Query()` DTO would be
 * refused by the global ValidationPipe (forbidNonWhitelisted) for carrying q/sort/page/page_size unless it extends
 * `ListQueryParamsDto`. Without the interceptor, `setPaginationHeaders(req, res, total)` sets the same headers.
 */
export * from './list-query';
export * from './list-query.decorator';
export * from './list-query-params.dto';
export * from './pagination';
export { ListQueryError, MAX_Q_LENGTH, MAX_SET_SIZE } from './q-syntax';
export * from './typeorm-list-query';
