/** Reads the affected row count of a raw UPDATE or DELETE, which the pg driver returns as `[rows, count]`. */
export function rawRowCount(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
