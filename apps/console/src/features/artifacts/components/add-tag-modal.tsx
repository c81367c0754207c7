import { TAG_PATTERN } from '@berth/oci';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { notifySuccess } from '../../../shared/ui/notify';
import { useAddTag } from '../api/mutations';
import type { RepositoryLocation } from '../api/paths';
import { shortDigest } from './artifact-format';
import { FailureAlert } from '../../../shared/ui/failure-alert';

/** Props of AddTagModal. */
export interface AddTagModalProps {
  location: RepositoryLocation;
  /** The artifact to tag, or null when the dialog is closed. */
  digest: string | null;
  onClose(): void;
}

/** Says what is wrong with a tag name, or nothing when the registry will take it. */
export function tagNameError(name: string): string | undefined {
  if (name === '') return 'Enter a tag';
  if (!TAG_PATTERN.test(name)) {
    return 'Up to 128 letters, digits, “_”, “.” and “-”, not starting with “.” or “-”';
  }
  return undefined;
}

/** The Add tag dialog: a tag name checked as the registry checks it, then the tag is added with progress shown. */
export function AddTagModal({ location, digest, onClose }: AddTagModalProps) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const add = useAddTag(location);
  const invalid = tagNameError(name.trim());

  const close = () => {
    setName('');
    setTouched(false);
    add.reset();
    onClose();
  };

  const submit = () => {
    setTouched(true);
    if (invalid || !digest) return;
    const tag = name.trim();
    add.mutate(
      { digest, tag },
      {
        onSuccess: () => {
          notifySuccess(`Tagged ${shortDigest(digest)} as ${tag}`);
          close();
        },
      },
    );
  };

  return (
    <Modal opened={digest !== null} onClose={close} title="Add tag">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {digest ? (
            <Text size="sm" c="dimmed">
              The tag will point at {shortDigest(digest)}. A tag already in the repository is refused, not moved.
            </Text>
          ) : null}
          <FailureAlert error={add.error} />
          <TextInput
            label="Tag"
            placeholder="v1.2.3"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched ? invalid : undefined}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add tag
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
