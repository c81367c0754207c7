import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { Repository } from '../../../shared/api/types';
import { FailureAlert } from '../../../shared/ui/failure-alert';
import { notifySuccess } from '../../../shared/ui/notify';
import { useUpdateRepositoryDescription } from '../api/mutations';
import type { RepositoryLocation } from '../api/paths';

/** The longest description core-api accepts (its `MAX_DESCRIPTION_LENGTH`, the `maxLength` of UpdateRepositoryDto). */
export const MAX_DESCRIPTION_LENGTH = 65_536;

/** Props of RepositoryDescription. */
export interface RepositoryDescriptionProps {
  location: RepositoryLocation;
  repository: Repository;
  /** Whether the user may change it (`repository:update`). */
  editable: boolean;
}

/**
 * A repository's description: shown as text, and for writers an Edit button that turns it into a text area with
 * Save (progress on the button, a notice when saved, the API's refusal above the field) and Cancel.
 */
export function RepositoryDescription({ location, repository, editable }: RepositoryDescriptionProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const update = useUpdateRepositoryDescription(location);
  const editing = draft !== null;
  const field = useRef<HTMLTextAreaElement>(null);

  // Keyboard and screen-reader users land in the field they asked to edit.
  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);

  const cancel = () => {
    setDraft(null);
    update.reset();
  };
  const save = () => {
    if (draft === null) return;
    const description = draft.trim();
    if (description === repository.description) {
      cancel();
      return;
    }
    update.mutate(description, {
      onSuccess: () => {
        notifySuccess(`Description of ${repository.name} saved`);
        setDraft(null);
      },
    });
  };

  if (editing) {
    const tooLong = draft.length > MAX_DESCRIPTION_LENGTH;
    return (
      <form
        noValidate
        aria-label="Repository description"
        onSubmit={(event) => {
          event.preventDefault();
          if (!tooLong) save();
        }}
      >
        <Stack gap="xs" mb="md" maw={720}>
          <FailureAlert error={update.error} />
          <Textarea
            label="Description"
            description="What the repository holds and who looks after it; shown to everyone who can see it."
            rows={3}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            error={tooLong ? `Keep it under ${MAX_DESCRIPTION_LENGTH.toLocaleString('en')} characters.` : undefined}
            ref={field}
          />
          <Group gap="xs">
            <Button type="submit" size="xs" loading={update.isPending} disabled={tooLong}>
              Save description
            </Button>
            <Button size="xs" variant="default" onClick={cancel} disabled={update.isPending}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <Group gap="xs" mb="md" align="flex-start" wrap="nowrap" maw={720}>
      <Text size="sm" c={repository.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {repository.description || 'No description.'}
      </Text>
      {editable ? (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setDraft(repository.description)}
          style={{ flexShrink: 0 }}
        >
          Edit description
        </Button>
      ) : null}
    </Group>
  );
}
