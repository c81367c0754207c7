import { CommandBlock } from '@berth/console-ui';
import { Code, Stack, Text, Title } from '@mantine/core';
import { isPlainHttp, registryHost } from '../../../shared/registry-address';

/** The project the example pushes to; Harbor-style registries create it on install. */
const EXAMPLE_PROJECT = 'library';
const EXAMPLE_IMAGE = 'busybox:latest';
/** Hosts that Docker trusts over plain HTTP without configuration, as the local quick start serves them. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;

/** Shows ready-to-paste commands that push a first image to this registry with docker or skopeo. */
export function PushFirstImage({ registryUrl }: { registryUrl: string }) {
  const host = registryHost(registryUrl);
  const insecure = isPlainHttp(registryUrl);
  const target = `${host}/${EXAMPLE_PROJECT}/${EXAMPLE_IMAGE}`;
  const tlsFlag = insecure ? ' --tls-verify=false' : '';
  const destTlsFlag = insecure ? ' --dest-tls-verify=false' : '';
  const docker = [
    `docker login ${host}`,
    `docker pull ${EXAMPLE_IMAGE}`,
    `docker tag ${EXAMPLE_IMAGE} ${target}`,
    `docker push ${target}`,
  ].join('\n');
  const skopeo = [
    `skopeo login${tlsFlag} ${host}`,
    `skopeo copy${destTlsFlag} docker://docker.io/library/${EXAMPLE_IMAGE} docker://${target}`,
  ].join('\n');
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        With docker
      </Title>
      <CommandBlock command={docker} copyLabel="Copy the docker commands" />
      <Title order={3} size="h5">
        With skopeo
      </Title>
      <CommandBlock command={skopeo} copyLabel="Copy the skopeo commands" />
      <Text size="sm" c="dimmed">
        Replace <Code>{EXAMPLE_PROJECT}</Code> with a project you may push to.
        {insecure && !LOOPBACK_HOST.test(host) ? (
          <>
            {' '}
            The registry answers over plain HTTP: add <Code>{host}</Code> to Docker&apos;s{' '}
            <Code>insecure-registries</Code>.
          </>
        ) : null}
      </Text>
    </Stack>
  );
}
