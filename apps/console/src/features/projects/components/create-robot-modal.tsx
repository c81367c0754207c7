import { Button, Group, Modal, NativeSelect, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { RobotCreated, RobotPermission } from '../../../shared/api/types';
import { PermissionsEditor, validatePermissions } from '../../../shared/ui/permissions-editor';
import { useCreateRobot } from '../api/mutations';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** core-api's robot name grammar: lower-case letters and digits, single `.`, `_` or `-` between them. */
const ROBOT_NAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Longest lifetime core-api accepts, in days (100 years). */
const MAX_DAYS = 36_500;

/** The lifetime choices offered; `default` sends none (the system's), `never` sends -1. */
const EXPIRY_OPTIONS = [
  { value: 'default', label: 'System default' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'custom', label: 'Custom number of days' },
  { value: 'never', label: 'Never (if the system allows it)' },
];

/** Turns the expiry choice into `duration`: undefined for the default, -1 for never, else days. */
export function robotDuration(choice: string, customDays: number | string): number | undefined {
  if (choice === 'default') return undefined;
  if (choice === 'never') return -1;
  if (choice === 'custom') return typeof customDays === 'number' ? customDays : Number.NaN;
  return Number(choice);
}

/** Props of CreateRobotModal. */
export interface CreateRobotModalProps {
  projectName: string;
  projectId: number;
  opened: boolean;
  onClose(): void;
  /** Called with the created robot and its secret, to show the secret once. */
  onCreated(created: RobotCreated): void;
}

/** The New robot account dialog: name, description, expiry and permissions in the project. */
export function CreateRobotModal({ projectName, projectId, opened, onClose, onCreated }: CreateRobotModalProps) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [expiry, setExpiry] = useState('default');
  const [days, setDays] = useState<number | string>(30);
  const [permissions, setPermissions] = useState<RobotPermission[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const create = useCreateRobot(projectId);

  const trimmed = name.trim();
  const nameError =
    trimmed === ''
      ? 'Enter a name'
      : ROBOT_NAME.test(trimmed)
        ? undefined
        : 'Use lower-case letters and digits, separated by single “.”, “_” or “-” (for example ci-pull)';
  const duration = robotDuration(expiry, days);
  const daysError =
    expiry === 'custom' && !(Number.isInteger(duration) && (duration ?? 0) >= 1 && (duration ?? 0) <= MAX_DAYS)
      ? `Enter a whole number of days from 1 to ${MAX_DAYS}`
      : undefined;
  const permissionsError = validatePermissions('project', permissions);

  const close = () => {
    setName('');
    setDescription('');
    setExpiry('default');
    setDays(30);
    setPermissions([]);
    setSubmitted(false);
    create.reset();
    onClose();
  };

  const submit = () => {
    setSubmitted(true);
    if (nameError || daysError || permissionsError) return;
    create.mutate(
      {
        name: trimmed,
        description: description.trim() || undefined,
        level: 'project',
        disable: false,
        duration,
        permissions,
      },
      {
        onSuccess: (created) => {
          close();
          onCreated(created);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="New robot account" size="xl">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <FailureAlert error={create.error} />
          <TextInput
            label="Name"
            description={`The login name adds the prefix and the project, e.g. robot$${projectName}+${trimmed || 'ci'}`}
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={submitted ? nameError : undefined}
          />
          <Textarea
            label="Description"
            rows={2}
            maxLength={1024}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Group align="flex-start" grow>
            <NativeSelect
              label="Expires"
              data={EXPIRY_OPTIONS}
              value={expiry}
              onChange={(event) => setExpiry(event.currentTarget.value)}
            />
            {expiry === 'custom' ? (
              <NumberInput
                label="Days"
                min={1}
                max={MAX_DAYS}
                allowDecimal={false}
                value={days}
                onChange={setDays}
                error={submitted ? daysError : undefined}
              />
            ) : null}
          </Group>
          <PermissionsEditor
            level="project"
            projectName={projectName}
            value={permissions}
            onChange={setPermissions}
            error={submitted ? permissionsError : undefined}
            disabled={create.isPending}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create robot account
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
