import { CommandBlock } from '@berth/console-ui';
import { Code, Stack, Text } from '@mantine/core';
import { registryHost } from '../../../shared/registry-address';

/** Builds the push command for a project: `docker push <registry>/<project>/<image>:<tag>`. */
export function pushCommand(registryUrl: string, projectName: string): string {
  return `docker push ${registryHost(registryUrl)}/${projectName}/<image>:<tag>`;
}

/** Shows how to push a first image into a project: sign in, tag, push, each ready to copy. */
export function PushCommand({ registryUrl, projectName }: { registryUrl: string; projectName: string }) {
  const host = registryHost(registryUrl);
  return (
    <Stack gap="xs" maw={720} mx="auto" ta="left">
      <Text size="sm">Sign in to the registry, tag a local image with this project&apos;s name, and push it:</Text>
      <CommandBlock command={`docker login ${host}`} copyLabel="Copy the login command" />
      <CommandBlock
        command={`docker tag <image>:<tag> ${host}/${projectName}/<image>:<tag>`}
        copyLabel="Copy the tag command"
      />
      <CommandBlock command={pushCommand(registryUrl, projectName)} copyLabel="Copy the push command" />
      <Text size="xs" c="dimmed">
        Replace <Code>&lt;image&gt;:&lt;tag&gt;</Code> with your image, e.g. <Code>api:1.0</Code>.
      </Text>
    </Stack>
  );
}
