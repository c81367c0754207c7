import { Anchor, Box, Code, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SystemInfo } from '../../../shared/api/types';

const STORAGE_LABELS: Record<SystemInfo['storage_backend'], string> = {
  filesystem: 'Filesystem',
  s3: 'S3-compatible object storage',
};

const AUTH_LABELS: Record<SystemInfo['auth_mode'], string> = {
  db_auth: 'Database',
  ldap_auth: 'LDAP',
};

function ServerTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  return <time dateTime={iso}>{Number.isNaN(date.getTime()) ? iso : date.toLocaleString()}</time>;
}

/** Lists the platform's version, storage, authentication and addresses. */
export function SystemInfoPanel({ info }: { info: SystemInfo }) {
  const facts: [string, ReactNode][] = [
    ['Version', info.berth_version],
    ['Storage backend', STORAGE_LABELS[info.storage_backend] ?? info.storage_backend],
    ['Authentication', AUTH_LABELS[info.auth_mode] ?? info.auth_mode],
    ['Registry URL', <Code key="registry">{info.registry_url}</Code>],
    [
      'External URL',
      <Anchor key="external" href={info.external_url}>
        {info.external_url}
      </Anchor>,
    ],
    ['Server time', <ServerTime key="time" iso={info.current_time} />],
  ];
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 20px' }}>
      {facts.map(([term, value]) => (
        <FactRow key={term} term={term} value={value} />
      ))}
    </Box>
  );
}

function FactRow({ term, value }: { term: string; value: ReactNode }) {
  return (
    <>
      <Text component="dt" c="dimmed" size="sm">
        {term}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </>
  );
}
