import { Checkbox, Group, NativeSelect, NumberInput, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { z } from 'zod';

/** Units a quota can be given in, with their size in bytes. */
export const QUOTA_UNITS = { MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 } as const;

/** A unit of QUOTA_UNITS. */
export type QuotaUnit = keyof typeof QUOTA_UNITS;

/** Harbor's storage limit that means "no limit". */
export const UNLIMITED_STORAGE = -1;

/** The quota part of a form: unlimited, or an amount in a unit. */
export interface QuotaValues {
  unlimited: boolean;
  quota: number | string;
  unit: QuotaUnit;
}

/** The quota a form offers when the project has none yet. */
const DEFAULT_QUOTA = { quota: 10, unit: 'GiB' } as const;

/** Decimals the amount keeps, so a limit shown in GiB reads 1.5 rather than 1.4999999. */
const QUOTA_DECIMALS = 2;

/** Checks of the quota fields, to spread into a form's zod object. */
export const quotaShape = {
  unlimited: z.boolean(),
  quota: z.union([z.number(), z.string()]),
  unit: z.enum(['MiB', 'GiB', 'TiB']),
};

/** Refuses a quota of nothing; for a form schema's `superRefine`. */
export function refineQuota(values: QuotaValues, ctx: z.RefinementCtx): void {
  if (values.unlimited) return;
  const quota = typeof values.quota === 'number' ? values.quota : Number.NaN;
  if (!(quota > 0))
    ctx.addIssue({ code: 'custom', path: ['quota'], message: 'Enter a quota above 0, or choose unlimited.' });
}

/** Turns valid quota fields into the API's `storage_limit`: bytes, or -1 for unlimited. */
export function toStorageLimit(values: QuotaValues): number {
  return values.unlimited ? UNLIMITED_STORAGE : Math.round(Number(values.quota) * QUOTA_UNITS[values.unit]);
}

/** Shows a `storage_limit` in the quota fields, in the largest unit it fills at least once. */
export function fromStorageLimit(limit: number): QuotaValues {
  if (limit < 0) return { unlimited: true, ...DEFAULT_QUOTA };
  const units = Object.entries(QUOTA_UNITS) as [QuotaUnit, number][];
  const [unit, size] = units.reduce((best, candidate) => (limit >= candidate[1] ? candidate : best), units[0]);
  const factor = 10 ** QUOTA_DECIMALS;
  return { unlimited: false, quota: Math.round((limit / size) * factor) / factor, unit };
}

/** The quota fields of a form whose values hold QuotaValues: an "Unlimited storage" box, else an amount and unit. */
export function QuotaFields<T extends QuotaValues>({ form }: { form: UseFormReturnType<T> }) {
  return (
    <Stack gap="sm">
      <Checkbox label="Unlimited storage" {...form.getInputProps('unlimited', { type: 'checkbox' })} />
      {!form.values.unlimited ? (
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <NumberInput
            label="Storage quota"
            min={0}
            decimalScale={QUOTA_DECIMALS}
            style={{ flex: 1 }}
            {...form.getInputProps('quota')}
          />
          <NativeSelect label="Unit" data={Object.keys(QUOTA_UNITS)} w={96} {...form.getInputProps('unit')} />
        </Group>
      ) : null}
    </Stack>
  );
}
