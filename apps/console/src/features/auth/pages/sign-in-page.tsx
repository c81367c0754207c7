import { Alert, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../shared/api/api-error';
import { BrandMark } from '../../../shared/ui/brand-mark';
import { useSystemInfo } from '../../system/api/queries';
import { useSignIn } from '../api/mutations';
import { useCurrentUser } from '../api/queries';
import { SignInForm } from '../components/sign-in-form';
import { safeNext } from '../session/sign-in-location';

/** Said when the session cookie did not come back after a successful sign-in (e.g. cookies blocked). */
const NO_SESSION = 'Signed in, but the browser did not keep the session. Allow cookies for this site and try again.';

/** The sign-in page: says when a session expired, signs in and returns to the page the user was on. */
export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const systemInfo = useSystemInfo();
  const currentUser = useCurrentUser();
  const signIn = useSignIn();
  const next = safeNext(params.get('next'));

  if (currentUser.data && !signIn.isPending) return <Navigate to={next} replace />;

  const error = signIn.isError ? errorMessage(signIn.error) : signIn.isSuccess && !signIn.data ? NO_SESSION : undefined;
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <Stack gap="md">
          <Group gap="xs">
            <BrandMark />
            <Title order={1} size="h3">
              Sign in to Berth
            </Title>
          </Group>
          {params.get('reason') === 'expired' ? (
            <Alert color="yellow" variant="light" icon={<IconClockExclamation size={18} aria-hidden />} role="status">
              Your session expired. Sign in again to continue where you left off.
            </Alert>
          ) : null}
          <SignInForm
            authMode={systemInfo.data?.auth_mode}
            submitting={signIn.isPending}
            error={error}
            onSubmit={(credentials) =>
              signIn.mutate(credentials, { onSuccess: (user) => user && navigate(next, { replace: true }) })
            }
          />
          {systemInfo.data ? (
            <Text size="xs" c="dimmed" ta="center">
              Berth {systemInfo.data.berth_version}
            </Text>
          ) : null}
        </Stack>
      </Paper>
    </Center>
  );
}
