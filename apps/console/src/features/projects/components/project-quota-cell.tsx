import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { projectSummaryQuery } from '../api/queries';
import { QuotaUsage } from './quota-usage';

/**
 * The quota column of the project list. The list answer carries no quota, so each visible row reads its project's
 * summary (cached and shared with the project page).
 */
export function ProjectQuotaCell({ projectId }: { projectId: number }) {
  const summary = useQuery(projectSummaryQuery(projectId));
  if (summary.isPending) return <Skeleton height={12} width={100} aria-label="Loading quota" />;
  if (summary.isError)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return <QuotaUsage quota={summary.data.quota} compact />;
}
