import type { ProjectRole } from '@berth/rbac';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { berthClient, expectOk, unwrap } from '../../../shared/api/client';
import { projectKeys } from './keys';
import { projectPath } from './paths';
import type {
  CreateMemberRequest,
  CreateProjectRequest,
  CreateRobotRequest,
  RobotCreated,
  UpdateProjectRequest,
} from '../../../shared/api/types';

/** Creates a project (`POST /projects`) and refreshes the project lists. */
export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CreateProjectRequest) =>
      expectOk(await berthClient.POST('/projects', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.lists() }),
  });
}

/** Changes a project's publicity or quota (`PUT /projects/{id}`) and reloads the project, its summary and the lists. */
export function useUpdateProject(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: UpdateProjectRequest) =>
      expectOk(
        await berthClient.PUT('/projects/{project_name_or_id}', {
          params: { path: projectPath(projectId) },
          body: changes,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
        queryClient.invalidateQueries({ queryKey: projectKeys.lists() }),
      ]),
  });
}

/** Deletes a project (`DELETE /projects/{id}`); the API refuses with 412 while it holds repositories. */
export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (projectId: number) =>
      expectOk(
        await berthClient.DELETE('/projects/{project_name_or_id}', { params: { path: projectPath(projectId) } }),
      ),
    onSuccess: (_data, projectId) => {
      queryClient.removeQueries({ queryKey: projectKeys.detail(projectId) });
      return queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    },
  });
}

/** Adds a user or an LDAP group to a project (`POST /projects/{id}/members`). */
export function useAddMember(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CreateMemberRequest) =>
      expectOk(
        await berthClient.POST('/projects/{project_name_or_id}/members', {
          params: { path: projectPath(projectId) },
          body: request,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}

/** Changes a member's role (`PUT /projects/{id}/members/{mid}`). */
export function useChangeMemberRole(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ memberId, roleId }: { memberId: number; roleId: ProjectRole }) =>
      expectOk(
        await berthClient.PUT('/projects/{project_name_or_id}/members/{mid}', {
          params: { path: { ...projectPath(projectId), mid: memberId } },
          body: { role_id: roleId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}

/** Removes a member (`DELETE /projects/{id}/members/{mid}`). */
export function useRemoveMember(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (memberId: number) =>
      expectOk(
        await berthClient.DELETE('/projects/{project_name_or_id}/members/{mid}', {
          params: { path: { ...projectPath(projectId), mid: memberId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}

/** Creates a robot of a project (`POST /robots`); the answer carries the secret, shown once. */
export function useCreateRobot(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CreateRobotRequest): Promise<RobotCreated> =>
      unwrap(await berthClient.POST('/robots', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.robots(projectId) }),
  });
}

/** Disables or enables a robot (`PUT /robots/{id}` with `disable`). */
export function useSetRobotDisabled(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ robotId, disable }: { robotId: number; disable: boolean }) =>
      unwrap(
        await berthClient.PUT('/robots/{robot_id}', { params: { path: { robot_id: robotId } }, body: { disable } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.robots(projectId) }),
  });
}

/** Issues a robot a new generated secret (`PATCH /robots/{id}`); the previous one works for its grace period. */
export function useRefreshRobotSecret(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (robotId: number) =>
      unwrap(await berthClient.PATCH('/robots/{robot_id}', { params: { path: { robot_id: robotId } }, body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.robots(projectId) }),
  });
}

/** Deletes a robot (`DELETE /robots/{id}`). */
export function useDeleteRobot(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (robotId: number) =>
      expectOk(await berthClient.DELETE('/robots/{robot_id}', { params: { path: { robot_id: robotId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.robots(projectId) }),
  });
}
