import { useOutletContext } from 'react-router';
import type { PermissionsHandle } from '../../../shared/access/use-permissions';
import type { Project } from '../../../shared/api/types';

/** What the project page hands its tabs. */
export interface ProjectOutletContext {
  project: Project;
  permissions: PermissionsHandle;
}

/** Returns the project whose tab is showing, and what the user may do in it. */
export function useProjectContext(): ProjectOutletContext {
  return useOutletContext<ProjectOutletContext>();
}
