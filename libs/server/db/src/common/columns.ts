import { type ValueTransformer } from 'typeorm';

/** Maps Postgres bigint (returned by pg as a string) to a JS number; byte sizes stay far below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
