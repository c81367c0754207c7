import { ListQueryError, MAX_Q_LENGTH, MAX_SET_SIZE, parseQ, type RawTerm } from './q-syntax';

describe('parseQ', () => {
  const accepted: [string, RawTerm[]][] = [
    ['', []],
    ['   ', []],
    ['name=library', [{ key: 'name', kind: 'exact', value: 'library' }]],
    ['name=~lib', [{ key: 'name', kind: 'fuzzy', value: 'lib' }]],
    ['name=\\~lib', [{ key: 'name', kind: 'exact', value: '~lib' }]],
    ['name=\\[x]', [{ key: 'name', kind: 'exact', value: '[x]' }]],
    ['name=\\(x)', [{ key: 'name', kind: 'exact', value: '(x)' }]],
    ['id=[1~10]', [{ key: 'id', kind: 'range', min: '1', max: '10' }]],
    ['id=[ 1 ~ 10 ]', [{ key: 'id', kind: 'range', min: '1', max: '10' }]],
    ['id=[1~]', [{ key: 'id', kind: 'range', min: '1' }]],
    ['id=[~10]', [{ key: 'id', kind: 'range', max: '10' }]],
    ['id={1 2  3}', [{ key: 'id', kind: 'set', values: ['1', '2', '3'] }]],
    ['id={ 7 }', [{ key: 'id', kind: 'set', values: ['7'] }]],
    [
      'name=~a,id=[1~2],tag={x y},public=true',
      [
        { key: 'name', kind: 'fuzzy', value: 'a' },
        { key: 'id', kind: 'range', min: '1', max: '2' },
        { key: 'tag', kind: 'set', values: ['x', 'y'] },
        { key: 'public', kind: 'exact', value: 'true' },
      ],
    ],
    // A second round of percent-decoding of keys and values, as Harbor does, so a value can carry a comma.
    ['name=%7Ea', [{ key: 'name', kind: 'fuzzy', value: 'a' }]],
    ['name=a%2Cb', [{ key: 'name', kind: 'exact', value: 'a,b' }]],
    ['name=%7Ba%20b%7D', [{ key: 'name', kind: 'set', values: ['a', 'b'] }]],
    // Not valid percent-encoding: kept as written.
    ['name=50%', [{ key: 'name', kind: 'exact', value: '50%' }]],
    ['name=a=b', [{ key: 'name', kind: 'exact', value: 'a=b' }]],
    ['name=a]', [{ key: 'name', kind: 'exact', value: 'a]' }]],
    ['name=a}', [{ key: 'name', kind: 'exact', value: 'a}' }]],
    [" name =x'; DROP TABLE project;--", [{ key: 'name', kind: 'exact', value: "x'; DROP TABLE project;--" }]],
    ['name=~%_\\', [{ key: 'name', kind: 'fuzzy', value: '%_\\' }]],
  ];
  it.each(accepted)('parses %j', (q, terms) => {
    expect(parseQ(q)).toEqual(terms);
  });

  const refused: [string, RegExp][] = [
    ['name', /must have the form key=value/],
    ['=x', /empty key/],
    ['%20=x', /empty key/],
    ['name=', /"name" has an empty value/],
    ['name=  ', /"name" has an empty value/],
    ['name=a,', /must have the form key=value/],
    [',name=a', /must have the form key=value/],
    ['name=a,,id=1', /must have the form key=value/],
    ['name=~', /needs text after "~"/],
    ['id=[1~10', /must end with "]"/],
    ['id=[1~10]]', /unbalanced brackets/],
    ['id=[[1~10]', /unbalanced brackets/],
    ['id=[1-10]', /exactly one "~"/],
    ['id=[1~5~10]', /exactly one "~"/],
    ['id=[~]', /at least one end/],
    ['id=[ ~ ]', /at least one end/],
    ['id={1 2', /must end with "}"/],
    ['id={}', /is empty/],
    ['id={   }', /is empty/],
    ['id={{1} 2}', /unbalanced braces/],
    ['tag=(a b)', /and-lists/],
    ['name=a,name=b', /"name" is given more than once/],
    ['name=a,name=~b', /"name" is given more than once/],
    ['name=a%00b', /NUL/],
    [`id={${Array.from({ length: MAX_SET_SIZE + 1 }, (_, i) => i).join(' ')}}`, /at most 100/],
    [`name=${'x'.repeat(MAX_Q_LENGTH)}`, /longer than 4096/],
  ];
  // Long inputs are named by their start, so the test names stay readable.
  it.each(refused.map(([q, message]) => [q.slice(0, 40), q, message] as const))('refuses %j', (_name, q, message) => {
    expect(() => parseQ(q)).toThrow(ListQueryError);
    expect(() => parseQ(q)).toThrow(message);
  });
});
