import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { withProgress } from '../../../shared/ui/notify';
import { useDeleteProject } from '../api/mutations';
import type { Project } from '../../../shared/api/types';

/**
 * Returns a function that asks to confirm deleting a project, then deletes it with progress shown; the API's refusal
 * (412 while the project holds repositories) is shown as is. `onDeleted` runs after success (e.g. leave the page).
 */
export function useConfirmDeleteProject(onDeleted?: (project: Project) => void) {
  const remove = useDeleteProject();
  return (project: Project) =>
    modals.openConfirmModal({
      title: `Delete project ${project.name}?`,
      children: (
        <Text size="sm">
          The project, its members and robot accounts are deleted. This cannot be undone.
          {project.repo_count > 0
            ? ` It still holds ${project.repo_count} ${project.repo_count === 1 ? 'repository' : 'repositories'}: delete them first.`
            : null}
        </Text>
      ),
      labels: { confirm: 'Delete project', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void withProgress(
          {
            pending: `Deleting project ${project.name}…`,
            success: `Project ${project.name} deleted`,
            failure: `Could not delete project ${project.name}`,
          },
          () => remove.mutateAsync(project.project_id),
        ).then(
          () => onDeleted?.(project),
          () => undefined,
        ),
    });
}
