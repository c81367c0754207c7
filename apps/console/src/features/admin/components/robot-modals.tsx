import { Modal, Stack, Text } from '@mantine/core';
import { CommandBlock } from '@berth/console-ui';
import { dialogForm } from '../../../shared/ui/dialog-form';
import { notifySuccess } from '../../../shared/ui/notify';
import { SecretReveal } from '../../../shared/ui/secret-reveal';
import { useCreateRobot, useUpdateRobot } from '../api/mutations';
import type { Robot } from '../../../shared/api/types';
import { NEVER_EXPIRES, RobotForm, type RobotFormValues } from './robot-form';

/** The settings that shape robot forms, from `GET /configurations`. */
export interface RobotSettings {
  namePrefix: string;
  defaultDays: number;
  neverExpireAllowed: boolean;
}

/** A secret to show once, with the robot it belongs to. */
export interface RevealedSecret {
  title: string;
  name: string;
  secret: string;
}

const NEW_ROBOT: RobotFormValues = { name: '', description: '', expiry: 'default', days: 30, permissions: [] };

/** How a robot's permission to push and pull is used, under its secret. */
export function RobotLoginHint({ name, registry }: { name: string; registry?: string }) {
  if (!registry) return null;
  return (
    <Stack gap={4}>
      <Text size="sm">Sign in to the registry with it:</Text>
      <CommandBlock command={`docker login ${registry} -u '${name}'`} copyLabel="Copy docker login command" />
    </Stack>
  );
}

/** Shows a robot's new secret once; closed when `secret` is null. */
export function RobotSecretReveal({
  secret,
  registry,
  onClose,
}: {
  secret: RevealedSecret | null;
  registry?: string;
  onClose(): void;
}) {
  return (
    <SecretReveal
      opened={secret !== null}
      onClose={onClose}
      title={secret?.title ?? ''}
      name={secret?.name}
      nameLabel="Robot name"
      secret={secret?.secret ?? ''}
    >
      {secret ? <RobotLoginHint name={secret.name} registry={registry} /> : null}
    </SecretReveal>
  );
}

/** Props of CreateSystemRobotModal. */
export interface CreateSystemRobotModalProps {
  opened: boolean;
  onClose(): void;
  settings: RobotSettings;
  /** Called with the new robot's secret, to show it once. */
  onCreated(secret: RevealedSecret): void;
}

/** The New robot account dialog for system robots; hands the one-time secret to `onCreated`. */
export function CreateSystemRobotModal({ opened, onClose, settings, onCreated }: CreateSystemRobotModalProps) {
  const create = useCreateRobot();
  const { close, error } = dialogForm(create, onClose, 'name');
  return (
    <Modal opened={opened} onClose={close} title="New robot account" size="xl">
      {opened ? (
        <RobotForm
          level="system"
          initialValues={{ ...NEW_ROBOT, days: settings.defaultDays }}
          namePrefix={settings.namePrefix}
          defaultDays={settings.defaultDays}
          neverExpireAllowed={settings.neverExpireAllowed}
          submitting={create.isPending}
          error={error}
          submitLabel="Create robot"
          onCancel={close}
          onSubmit={(result) =>
            create.mutate(
              {
                name: result.name,
                level: 'system',
                disable: false,
                description: result.description,
                duration: result.duration,
                permissions: result.permissions,
              },
              {
                onSuccess: (created) => {
                  close();
                  onCreated({
                    title: `Robot account ${created.name} created`,
                    name: created.name,
                    secret: created.secret,
                  });
                },
              },
            )
          }
        />
      ) : null}
    </Modal>
  );
}

/** The form values of an existing robot. */
export function robotFormValues(robot: Robot): RobotFormValues {
  return {
    name: robot.name,
    description: robot.description,
    expiry: robot.duration === NEVER_EXPIRES ? 'never' : 'days',
    days: robot.duration === NEVER_EXPIRES ? 30 : robot.duration,
    permissions: robot.permissions,
  };
}

/** Props of EditRobotModal. */
export interface EditRobotModalProps {
  /** The robot to edit; null closes the dialog. */
  robot: Robot | null;
  onClose(): void;
  settings: RobotSettings;
}

/** The Edit robot dialog: description, lifetime and permissions (the name and secret do not change here). */
export function EditRobotModal({ robot, onClose, settings }: EditRobotModalProps) {
  const update = useUpdateRobot();
  const { close, error } = dialogForm(update, onClose, 'name');
  return (
    <Modal opened={robot !== null} onClose={close} title={robot ? `Edit ${robot.name}` : ''} size="xl">
      {robot ? (
        <RobotForm
          key={robot.id}
          level={robot.level}
          editing
          initialValues={robotFormValues(robot)}
          namePrefix={settings.namePrefix}
          defaultDays={settings.defaultDays}
          neverExpireAllowed={settings.neverExpireAllowed}
          submitting={update.isPending}
          error={error}
          submitLabel="Save changes"
          onCancel={close}
          onSubmit={(result) =>
            update.mutate(
              {
                robotId: robot.id,
                changes: {
                  description: result.description,
                  // "The default" of an existing robot means the default lifetime counted from its creation.
                  duration: result.duration === 0 ? settings.defaultDays : result.duration,
                  permissions: result.permissions,
                },
              },
              {
                onSuccess: () => {
                  notifySuccess(`Robot ${robot.name} saved`);
                  close();
                },
              },
            )
          }
        />
      ) : null}
    </Modal>
  );
}
