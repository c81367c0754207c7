import { CommandBlock } from '@berth/console-ui';
import { Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dialogForm } from '../../../shared/ui/dialog-form';
import { SecretReveal } from '../../../shared/ui/secret-reveal';
import { useSession } from '../../auth/session/session-context';
import { systemInfoQuery } from '../../system/api/queries';
import { useCreateToken } from '../api/mutations';
import type { CreatedToken } from '../../../shared/api/types';
import { CreateTokenForm } from './create-token-form';

/** Props of CreateTokenModal. */
export interface CreateTokenModalProps {
  opened: boolean;
  onClose(): void;
}

/** The New access token dialog, then the token shown once with a copy button and how to use it. */
export function CreateTokenModal({ opened, onClose }: CreateTokenModalProps) {
  const { user } = useSession();
  const create = useCreateToken();
  const systemInfo = useQuery(systemInfoQuery());
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const { close, error } = dialogForm(create, onClose, 'name');
  const registry = systemInfo.data?.registry_url;
  return (
    <>
      <Modal opened={opened} onClose={close} title="New access token" size="xl">
        {opened ? (
          <CreateTokenForm
            submitting={create.isPending}
            error={error}
            onCancel={close}
            onSubmit={(request) =>
              create.mutate(request, {
                onSuccess: (token) => {
                  close();
                  setCreated(token);
                },
              })
            }
          />
        ) : null}
      </Modal>
      <SecretReveal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title={created ? `Access token ${created.name} created` : ''}
        secret={created?.secret ?? ''}
        secretLabel="Token"
      >
        {registry ? (
          <Stack gap={4}>
            <Text size="sm">Use it as the password of docker login (or of Basic authentication to the API):</Text>
            <CommandBlock
              command={`docker login ${registry} -u '${user.username}'`}
              copyLabel="Copy docker login command"
            />
          </Stack>
        ) : null}
      </SecretReveal>
    </>
  );
}
