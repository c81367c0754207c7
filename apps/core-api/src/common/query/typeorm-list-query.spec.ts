import { DataSource } from 'typeorm';
import { defineListQuery, parseListQuery } from './list-query';
import { applyListQuery, escapeLike } from './typeorm-list-query';

const SPEC = defineListQuery({
  filters: { name: 'string', id: 'int', public: 'bool', creation_time: 'date' },
  sort: ['name', 'creation_time'],
});
const FIELDS = { name: 'p.name', id: 'p.project_id', public: 'p.public', creation_time: 'p.creation_time' };

// Building SQL needs the Postgres dialect only, not a connection: the DataSource is never initialised.
const dataSource = new DataSource({ type: 'postgres' });

/** The SQL and parameters one request would run. */
function sqlFor(query: Parameters<typeof parseListQuery>[1], paging?: 'offset' | 'skip-take' | 'none') {
  const qb = dataSource.createQueryBuilder().select('p.name', 'name').from('project', 'p');
  applyListQuery(qb, parseListQuery(SPEC, query), FIELDS, { tieBreaker: 'p.project_id', paging });
  const [sql, parameters] = qb.getQueryAndParameters();
  return { sql, parameters };
}

describe('applyListQuery', () => {
  it('turns every filter kind into a parameterised condition', () => {
    const { sql, parameters } = sqlFor({
      q: 'name=~50%_off\\,id={1 2},public=true,creation_time=[2024-01-01~]',
      sort: '-creation_time,name',
      page: '3',
      page_size: '20',
    });
    expect(sql).toBe(
      'SELECT p.name AS "name" FROM "project" "p" WHERE p.name ILIKE $1 ESCAPE \'\\\' AND p.project_id IN ($2, $3) ' +
        'AND p.public = $4 AND p.creation_time >= $5 ' +
        'ORDER BY p.creation_time DESC, p.name ASC, p.project_id ASC LIMIT 20 OFFSET 40',
    );
    expect(parameters).toEqual(['%50\\%\\_off\\\\%', 1, 2, true, new Date('2024-01-01T00:00:00Z')]);
  });

  it('adds both ends of a closed range', () => {
    const { sql, parameters } = sqlFor({ q: 'id=[5~9]' });
    expect(sql).toContain('WHERE p.project_id >= $1 AND p.project_id <= $2');
    expect(parameters).toEqual([5, 9]);
  });

  const hostile = ["x' OR '1'='1", "'; DROP TABLE project; --", '$1', ':lq_0', 'a" OR "b', 'a\\b', '%', 'ünïcødé'];
  it.each(hostile)('never puts the value %j into the SQL text', (value) => {
    const exact = sqlFor({ q: `name=${encodeURIComponent(value)}` });
    expect(exact.sql).toContain('WHERE p.name = $1 ORDER BY');
    expect(exact.parameters).toEqual([value]);
    const fuzzy = sqlFor({ q: `name=~${encodeURIComponent(value)}` });
    expect(fuzzy.sql).toContain("WHERE p.name ILIKE $1 ESCAPE '\\' ORDER BY");
    expect(fuzzy.parameters).toEqual([`%${escapeLike(value)}%`]);
  });

  it('pages with skip/take or not at all when asked', () => {
    expect(sqlFor({ page: '2' }, 'none').sql).not.toMatch(/LIMIT|OFFSET/);
    expect(sqlFor({ page: '2' }, 'skip-take').sql).toMatch(/LIMIT 10 OFFSET 10$/);
  });

  it('fails loudly when the field map misses a key', () => {
    const qb = dataSource.createQueryBuilder().select('1').from('project', 'p');
    const query = parseListQuery(SPEC, { q: 'id=1' });
    expect(() => applyListQuery(qb, query, { ...FIELDS, id: '' })).toThrow('no column for list key "id"');
  });

  const likes: [string, string][] = [
    ['plain', 'plain'],
    ['50%', '50\\%'],
    ['a_b', 'a\\_b'],
    ['back\\slash', 'back\\\\slash'],
    ['%_\\', '\\%\\_\\\\'],
  ];
  it.each(likes)('escapeLike(%j)', (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });
});
