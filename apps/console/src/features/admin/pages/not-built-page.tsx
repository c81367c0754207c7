import { PageHeader } from '@berth/console-ui';
import { EmptyState } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';

/** An administration screen that is planned but not built yet, saying what it will do. */
export function NotBuiltPage({ title, purpose }: { title: string; purpose: string }) {
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <EmptyState
        icon={<IconTools size={28} />}
        title="Not in the console yet"
        description="This screen is still being built. Meanwhile the same can be done through the REST API under /api/v2.0 (see /api/v2.0/docs)."
      />
    </>
  );
}
