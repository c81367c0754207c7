import { PageHeader } from '@berth/console-ui';
import { Paper, SimpleGrid, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../../shared/ui/query-state';
import { useHealth, useSystemInfo } from '../api/queries';
import { HealthList } from '../components/health-list';
import { PushFirstImage } from '../components/push-first-image';
import { SystemInfoPanel } from '../components/system-info-panel';

function Section({ id, title, wide, children }: { id: string; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <Paper
      component="section"
      withBorder
      p="md"
      aria-labelledby={id}
      style={wide ? { gridColumn: '1 / -1' } : undefined}
    >
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The System information page: platform facts, component health and how to push a first image. */
export function SystemInfoPage() {
  const info = useSystemInfo();
  const health = useHealth();
  return (
    <>
      <PageHeader title="System information" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section id="system-about" title="About this installation">
          {info.isPending ? <Loading label="Loading system information…" /> : null}
          {info.isError ? <ErrorMessage error={info.error} onRetry={() => void info.refetch()} /> : null}
          {info.data ? <SystemInfoPanel info={info.data} /> : null}
        </Section>
        <Section id="system-health" title="Component health">
          {health.isPending ? <Loading label="Checking component health…" /> : null}
          {health.isError ? <ErrorMessage error={health.error} onRetry={() => void health.refetch()} /> : null}
          {health.data ? <HealthList health={health.data} /> : null}
        </Section>
        {info.data ? (
          <Section id="system-push" title="Push your first image" wide>
            <PushFirstImage registryUrl={info.data.registry_url} />
          </Section>
        ) : null}
      </SimpleGrid>
    </>
  );
}
