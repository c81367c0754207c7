import { Badge, Card, DataList, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../shared/format';
import { ErrorMessage, Loading } from '../../../shared/ui/query-state';
import { profileQuery } from '../api/queries';
import { ChangePasswordForm } from '../components/change-password-form';

/** The Profile tab: who the user is, and changing their password (local accounts only). */
export function ProfileTab() {
  const profile = useQuery(profileQuery());
  if (profile.isPending) return <Loading label="Loading your profile…" />;
  if (profile.isError) return <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} />;
  const user = profile.data;
  const admin = user.sysadmin_flag || user.admin_role_in_auth;
  const details: [string, ReactNode][] = [
    ['Username', user.username],
    ['Full name', user.realname || '—'],
    ['Email', user.email || '—'],
    [
      'Account',
      <Badge variant="outline" color={user.source === 'ldap' ? 'violet' : 'gray'}>
        {user.source === 'ldap' ? 'LDAP' : 'Local'}
      </Badge>,
    ],
    ['Role', admin ? 'System administrator' : 'User'],
    ['Last sign-in', formatDateTime(user.last_login_time)],
    ['Created', formatDateTime(user.creation_time)],
  ];
  return (
    <Stack gap="lg">
      <Card withBorder padding="md" maw={560}>
        <DataList labelWidth={140}>
          {details.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      </Card>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Password
        </Title>
        {user.source === 'local' ? (
          <ChangePasswordForm userId={user.user_id} />
        ) : (
          <Text size="sm">Your password is managed in your LDAP directory; change it there.</Text>
        )}
      </Stack>
    </Stack>
  );
}
