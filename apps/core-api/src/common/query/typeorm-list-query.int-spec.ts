import { createTestDatabase, type TestDatabase } from '@berth/testing';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defineListQuery, parseListQuery } from './list-query';
import { applyListQuery } from './typeorm-list-query';

const SPEC = defineListQuery({
  filters: { name: 'string', size: 'int', public: 'bool', created: 'date' },
  sort: ['name', 'size', 'created'],
  defaultSort: ['name'],
});
const FIELDS = { name: 't.name', size: 't.size', public: 't.public', created: 't.created' };

/** A throwaway table shaped like the ones list endpoints read. */
@Entity('thing')
class Thing {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('text')
  name!: string;

  @Column('int')
  size!: number;

  @Column('bool')
  public!: boolean;

  @Column('timestamptz')
  created!: Date;
}

const ROWS: [string, number, boolean, string][] = [
  ['alpha', 1, true, '2024-01-01T00:00:00Z'],
  ['Alphabet', 2, false, '2024-02-01T00:00:00Z'],
  ['50%_off', 3, true, '2024-03-01T00:00:00Z'],
  ['500 off', 4, false, '2024-04-01T00:00:00Z'],
  ["o'brien", 5, true, '2024-05-01T00:00:00Z'],
  ['back\\slash', 6, false, '2024-06-01T00:00:00Z'],
  ['beta', 7, true, '2024-07-01T00:00:00Z'],
];

describe('applyListQuery against Postgres', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('list_query');
    ds = await new DataSource({ type: 'postgres', url: db.url, entities: [Thing] }).initialize();
    await ds.query('CREATE TABLE thing (id serial PRIMARY KEY, name text, size int, public bool, created timestamptz)');
    for (const row of ROWS)
      await ds.query('INSERT INTO thing (name, size, public, created) VALUES ($1, $2, $3, $4)', row);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** The names and total a request would list. */
  async function list(query: Parameters<typeof parseListQuery>[1]): Promise<{ names: string[]; total: number }> {
    const qb = ds.createQueryBuilder().select('t.name', 'name').from('thing', 't');
    applyListQuery(qb, parseListQuery(SPEC, query), FIELDS, { tieBreaker: 't.id', paging: 'none' });
    const rows = (await qb.getRawMany()) as { name: string }[];
    const parsed = parseListQuery(SPEC, query);
    const page = rows.slice((parsed.page - 1) * parsed.pageSize, parsed.page * parsed.pageSize);
    return { names: page.map((r) => r.name), total: rows.length };
  }

  const cases: [string, Parameters<typeof parseListQuery>[1], string[]][] = [
    ['fuzzy is a case-insensitive substring', { q: 'name=~ALPHA', sort: 'size' }, ['alpha', 'Alphabet']],
    ['% and _ are literal in fuzzy matches', { q: 'name=~0%25_' }, ['50%_off']],
    ['_ does not match any character', { q: 'name=~0_o' }, []],
    ['a backslash is literal', { q: 'name=~k%5Cs' }, ['back\\slash']],
    ['quotes are plain text', { q: "name=o'brien" }, ["o'brien"]],
    ['injection attempts match nothing', { q: "name=x' OR '1'='1" }, []],
    ['exact is case-sensitive', { q: 'name=ALPHA' }, []],
    ['int ranges are inclusive', { q: 'size=[2~4]', sort: 'size' }, ['Alphabet', '50%_off', '500 off']],
    ['open-ended range', { q: 'size=[6~]', sort: '-size' }, ['beta', 'back\\slash']],
    ['sets', { q: 'size={1 7}', sort: 'size' }, ['alpha', 'beta']],
    ['booleans', { q: 'public=false', sort: 'size' }, ['Alphabet', '500 off', 'back\\slash']],
    ['date ranges', { q: 'created=[2024-02-01~2024-03-15]', sort: '-created' }, ['50%_off', 'Alphabet']],
    ['several filters are ANDed', { q: 'public=true,size=[3~]', sort: 'size' }, ['50%_off', "o'brien", 'beta']],
  ];
  it.each(cases)('%s', async (_name, query, names) => {
    expect((await list(query)).names).toEqual(names);
  });

  it('pages over the whole ordered result', async () => {
    expect(await list({ sort: 'size', page: '2', page_size: '3' })).toEqual({
      names: ['500 off', "o'brien", 'back\\slash'],
      total: 7,
    });
  });

  it('pages in SQL with OFFSET/LIMIT while getManyAndCount counts all pages', async () => {
    const qb = ds.getRepository(Thing).createQueryBuilder('t');
    applyListQuery(qb, parseListQuery(SPEC, { q: 'size=[2~]', sort: '-size', page: '2', page_size: '4' }), FIELDS, {
      tieBreaker: 't.id',
    });
    const [items, total] = await qb.getManyAndCount();
    expect(items.map((t) => t.name)).toEqual(['50%_off', 'Alphabet']);
    expect(total).toBe(6);
    // The table is intact whatever the filters above contained.
    expect(await ds.query('SELECT count(*)::int AS n FROM thing')).toEqual([{ n: 7 }]);
  });
});
