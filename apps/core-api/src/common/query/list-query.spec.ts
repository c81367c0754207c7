import { defineListQuery, type ListQueryOf, parseListQuery } from './list-query';
import { ListQueryError } from './q-syntax';

const SPEC = defineListQuery({
  filters: { name: 'string', id: 'int', public: 'bool', creation_time: 'date' },
  sort: ['name', 'creation_time', 'id'],
  defaultSort: ['-creation_time'],
});

type Query = Parameters<typeof parseListQuery>[1];

const parse = (query: Query): ListQueryOf<typeof SPEC> => parseListQuery(SPEC, query);

describe('parseListQuery', () => {
  it('applies Harbor defaults when nothing is given', () => {
    expect(parse({})).toEqual({ q: [], sort: [{ field: 'creation_time', desc: true }], page: 1, pageSize: 10 });
  });

  it('types every kind of filter', () => {
    const parsed = parse({
      q: 'name=~Lib,id=[3~],public=false,creation_time=[2024-01-01~2024-12-31T23:59:59Z]',
      sort: 'name,-id',
      page: '3',
      page_size: '100',
    });
    expect(parsed).toEqual({
      q: [
        { key: 'name', type: 'string', kind: 'fuzzy', value: 'Lib' },
        { key: 'id', type: 'int', kind: 'range', min: 3 },
        { key: 'public', type: 'bool', kind: 'exact', value: false },
        {
          key: 'creation_time',
          type: 'date',
          kind: 'range',
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2024-12-31T23:59:59Z'),
        },
      ],
      sort: [
        { field: 'name', desc: false },
        { field: 'id', desc: true },
      ],
      page: 3,
      pageSize: 100,
    });
  });

  const values: [string, unknown][] = [
    ['id=42', { kind: 'exact', value: 42 }],
    ['id=-7', { kind: 'exact', value: -7 }],
    ['id={1 2 3}', { kind: 'set', values: [1, 2, 3] }],
    ['id=[~0]', { kind: 'range', max: 0 }],
    ['name={a b}', { kind: 'set', values: ['a', 'b'] }],
    ["name=o'brien", { kind: 'exact', value: "o'brien" }],
    ['public=true', { kind: 'exact', value: true }],
    ['creation_time=2024-02-29', { kind: 'exact', value: new Date('2024-02-29T00:00:00Z') }],
    ['creation_time=2024-05-01T12:30:00', { kind: 'exact', value: new Date('2024-05-01T12:30:00Z') }],
    ['creation_time=2024-05-01 12:30', { kind: 'exact', value: new Date('2024-05-01T12:30:00Z') }],
    ['creation_time=2024-05-01T12:30:00.250Z', { kind: 'exact', value: new Date('2024-05-01T12:30:00.250Z') }],
    ['creation_time=2024-05-01T12:30:00-02:00', { kind: 'exact', value: new Date('2024-05-01T14:30:00Z') }],
    ['creation_time=2024-05-01T12:30:00+0530', { kind: 'exact', value: new Date('2024-05-01T07:00:00Z') }],
  ];
  it.each(values)('reads %j', (q, expected) => {
    expect(parse({ q }).q[0]).toMatchObject(expected as object);
  });

  const refused: [Query, RegExp][] = [
    [{ q: 'owner=bob' }, /q: unknown key "owner"; this endpoint filters on name, id, public, creation_time/],
    [{ q: 'Name=bob' }, /unknown key "Name"/],
    [{ q: '__proto__=x' }, /unknown key "__proto__"/],
    [{ q: 'constructor=x' }, /unknown key "constructor"/],
    [{ q: 'id=abc' }, /"id" must be an integer, got "abc"/],
    [{ q: 'id=1.5' }, /must be an integer/],
    [{ q: 'id=1e3' }, /must be an integer/],
    [{ q: 'id=99999999999999999' }, /must be an integer/],
    [{ q: 'id=2147483648' }, /q: "id" must be between -2147483648 and 2147483647, got "2147483648"/],
    [{ q: 'id=1 OR 1=1' }, /must be an integer/],
    [{ q: 'id={1 x}' }, /must be an integer, got "x"/],
    [{ q: 'id=[5~1]' }, /lower end above its upper end/],
    [{ q: 'id=~1' }, /"id" \(int\) does not support fuzzy matches/],
    [{ q: 'public=yes' }, /must be true or false/],
    [{ q: 'public={true false}' }, /does not support set matches/],
    [{ q: 'name=[a~b]' }, /"name" \(string\) does not support range matches/],
    [{ q: 'creation_time=~2024' }, /does not support fuzzy/],
    [{ q: 'creation_time=yesterday' }, /must be a date/],
    [{ q: 'creation_time=2024-02-30' }, /must be a date/],
    [{ q: 'creation_time=2023-02-29' }, /must be a date/],
    [{ q: 'creation_time=2024-13-01' }, /must be a date/],
    [{ q: 'creation_time=2024-01-01T24:00:00' }, /must be a date/],
    [{ q: 'creation_time=2024-01-01T12:00:00+25:00' }, /must be a date/],
    [{ q: 'creation_time=[2024-02-01~2024-01-01]' }, /lower end above/],
    [{ q: `name=${'x'.repeat(1025)}` }, /longer than 1024/],
    [{ q: ['name=a', 'name=b'] }, /q must be given once/],
    [{ q: { name: 'a' } }, /q must be given once/],
    [{ sort: 'owner' }, /sort: unknown field "owner"; this endpoint sorts by name, creation_time, id/],
    [{ sort: 'name,,id' }, /sort: empty field/],
    [{ sort: '-' }, /sort: empty field/],
    [{ sort: 'name,-name' }, /"name" is given more than once/],
    [{ sort: 'name;DROP TABLE x' }, /unknown field "name;DROP TABLE x"/],
    [{ sort: ['name', 'id'] }, /sort must be given once/],
    [{ page: '0' }, /page must be at least 1, got 0/],
    [{ page: '-1' }, /page must be at least 1/],
    [{ page: 'two' }, /page must be an integer, got "two"/],
    [{ page: '1.5' }, /page must be an integer/],
    [{ page: '1000000001' }, /page must be at most/],
    [{ page_size: '101' }, /page_size must be at most 100, got 101/],
    [{ page_size: '0' }, /page_size must be at least 1/],
    [{ page_size: '10abc' }, /page_size must be an integer/],
    [{ page_size: ['10', '20'] }, /page_size must be given once/],
  ];
  it.each(refused)('refuses %j', (query, message) => {
    expect(() => parse(query)).toThrow(ListQueryError);
    expect(() => parse(query)).toThrow(message);
  });

  it('keeps SQL-looking text as an inert string value', () => {
    expect(parse({ q: "name=x' OR '1'='1" }).q).toEqual([
      { key: 'name', type: 'string', kind: 'exact', value: "x' OR '1'='1" },
    ]);
  });

  it('orders by the request instead of the default, and by nothing for a spec without a default', () => {
    expect(parse({ sort: 'id' }).sort).toEqual([{ field: 'id', desc: false }]);
    const bare = defineListQuery({ filters: {}, sort: [] });
    expect(parseListQuery(bare, {})).toEqual({ q: [], sort: [], page: 1, pageSize: 10 });
    expect(() => parseListQuery(bare, { q: 'a=b' })).toThrow('this endpoint does not filter');
    expect(() => parseListQuery(bare, { sort: 'a' })).toThrow('this endpoint does not sort');
  });
});
