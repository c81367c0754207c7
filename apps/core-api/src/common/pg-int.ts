/** Largest value of a Postgres integer column, which every Berth id is. */
export const MAX_INT4 = 2_147_483_647;

/** Smallest value of a Postgres integer column. */
export const MIN_INT4 = -2_147_483_648;

/** Tells whether a number fits a Postgres integer column; a query given one that does not fails in Postgres. */
export function fitsInt4(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_INT4 && value <= MAX_INT4;
}
