import { baseMediaType } from './media-types';

/** One media range of an Accept header with its weight (RFC 9110 section 12.5.1). */
export interface MediaRange {
  /** `type/subtype`, `type/*` or `*\/*`, lowercased. */
  range: string;
  /** The `q` weight, 0 to 1; 0 means "not acceptable". */
  q: number;
}

// RFC 9110 section 12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The weight of a media range without a `q` parameter. */
const DEFAULT_Q = 1;

/**
 * Parses one or more Accept header values into media ranges. Malformed entries are skipped rather than refused, as
 * RFC 9110 lets a server ignore what it cannot parse; a malformed `q` counts as the default weight.
 */
export function parseAccept(header: string | readonly string[] | undefined): MediaRange[] {
  if (header === undefined) return [];
  const values = typeof header === 'string' ? [header] : header;
  const ranges: MediaRange[] = [];
  for (const entry of values.flatMap((value) => value.split(','))) {
    const [type, ...params] = entry.split(';');
    const range = baseMediaType(type);
    if (range === undefined || !/^[^/\s]+\/[^/\s]+$/.test(range)) continue;
    let q = DEFAULT_Q;
    for (const param of params) {
      const [key, value] = param.split('=', 2).map((part) => part.trim());
      if (key?.toLowerCase() === 'q' && value !== undefined && QVALUE.test(value)) q = Number(value);
    }
    ranges.push({ range, q });
  }
  return ranges;
}

/** How specific a range is for a media type: 3 exact, 2 `type/*`, 1 `*\/*`, 0 not matching. */
function specificity(range: string, mediaType: string): number {
  if (range === mediaType) return 3;
  if (range === '*/*') return 1;
  const slash = mediaType.indexOf('/');
  return range === `${mediaType.slice(0, slash)}/*` ? 2 : 0;
}

/**
 * Tells whether a client that sent `accept` takes a representation of `mediaType`: the most specific matching range
 * decides (so `*\/*` with an explicit `q=0` for the type refuses it), and no Accept header at all takes anything.
 */
export function accepts(accept: string | readonly string[] | undefined, mediaType: string): boolean {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return true;
  const type = mediaType.toLowerCase();
  let best: MediaRange | undefined;
  let bestSpecificity = 0;
  for (const range of ranges) {
    const s = specificity(range.range, type);
    // Among equally specific ranges the highest weight wins, so a duplicate with q>0 is not undone by one with q=0.
    if (s > bestSpecificity || (s === bestSpecificity && s > 0 && best !== undefined && range.q > best.q)) {
      best = range;
      bestSpecificity = s;
    }
  }
  return best !== undefined && best.q > 0;
}
