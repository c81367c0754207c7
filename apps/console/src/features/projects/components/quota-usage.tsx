import { Progress, Stack, Text } from '@mantine/core';
import { formatBytes } from '../../../shared/format';
import type { ProjectSummary } from '../../../shared/api/types';

/** Share of the quota from which the bar turns orange, then red. */
const WARN_RATIO = 0.8;
const FULL_RATIO = 0.95;

/** Shows storage used against the quota: a bar and "1.2 GiB of 10 GiB", or the use alone when unlimited. */
export function QuotaUsage({ quota, compact }: { quota: ProjectSummary['quota']; compact?: boolean }) {
  if (!quota)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const used = quota.used.storage;
  const hard = quota.hard.storage;
  if (hard < 0) {
    return (
      <Text size="sm">
        {formatBytes(used)}{' '}
        <Text span c="dimmed" size="sm">
          (unlimited)
        </Text>
      </Text>
    );
  }
  const ratio = hard === 0 ? 1 : used / hard;
  const color = ratio >= FULL_RATIO ? 'red' : ratio >= WARN_RATIO ? 'orange' : 'blue';
  const text = `${formatBytes(used)} of ${formatBytes(hard)}`;
  return (
    <Stack gap={4} miw={compact ? 120 : undefined}>
      <Text size="sm">{text}</Text>
      <Progress value={Math.min(100, ratio * 100)} color={color} size="sm" aria-label={`Storage used: ${text}`} />
    </Stack>
  );
}
