import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiErrorFrom } from '../../../shared/api/api-error';
import { berthClient, expectOk, unwrap } from '../../../shared/api/client';
import { systemKeys } from '../../system/api/keys';
import { adminKeys } from './keys';
import type {
  ConfigurationsUpdate,
  CreateRobotRequest,
  CreateUserGroupRequest,
  CreateUserRequest,
  LdapImportFailure,
  LdapPingRequest,
  UpdateRobotRequest,
} from '../../../shared/api/types';

/** Creates a local account (`POST /users`) and refreshes the user lists. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CreateUserRequest) => unwrap(await berthClient.POST('/users', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

/** Sets another account's password as an administrator (`PUT /users/{id}/password`). */
export function useResetPassword() {
  return useMutation({
    mutationFn: async ({ userId, password }: { userId: number; password: string }) =>
      expectOk(
        await berthClient.PUT('/users/{user_id}/password', {
          params: { path: { user_id: userId } },
          body: { new_password: password },
        }),
      ),
  });
}

/**
 * Creates accounts for LDAP users by login name (`POST /ldap/users/import`) and refreshes the user lists. Answers the
 * users that were not imported and why (the API's 404 body), empty when every one was.
 */
export function useImportLdapUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (uids: string[]): Promise<LdapImportFailure[]> => {
      const { response, error } = await berthClient.POST('/ldap/users/import', { body: { ldap_uid_list: uids } });
      if (response.ok) return [];
      if (response.status === 404 && Array.isArray(error)) return error as LdapImportFailure[];
      throw apiErrorFrom(response, error);
    },
    // Some users may have been imported even when others were not.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

/** Grants or revokes the system administrator flag (`PUT /users/{id}/sysadmin`). */
export function useSetSysadmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, sysadmin }: { userId: number; sysadmin: boolean }) =>
      expectOk(
        await berthClient.PUT('/users/{user_id}/sysadmin', {
          params: { path: { user_id: userId } },
          body: { sysadmin_flag: sysadmin },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

/** Deletes an account (`DELETE /users/{id}`). */
export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userId: number) =>
      expectOk(await berthClient.DELETE('/users/{user_id}', { params: { path: { user_id: userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

/** Registers an LDAP group by DN (`POST /usergroups`). */
export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CreateUserGroupRequest) =>
      unwrap(await berthClient.POST('/usergroups', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.groups() }),
  });
}

/** Renames a group (`PUT /usergroups/{id}`). */
export function useRenameGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ groupId, name }: { groupId: number; name: string }) =>
      expectOk(
        await berthClient.PUT('/usergroups/{group_id}', {
          params: { path: { group_id: groupId } },
          body: { group_name: name },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.groups() }),
  });
}

/** Deletes a group and its project memberships (`DELETE /usergroups/{id}`). */
export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (groupId: number) =>
      expectOk(await berthClient.DELETE('/usergroups/{group_id}', { params: { path: { group_id: groupId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.groups() }),
  });
}

/** Creates a robot (`POST /robots`); the answer holds its secret, this once. */
export function useCreateRobot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: CreateRobotRequest) => unwrap(await berthClient.POST('/robots', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.robots() }),
  });
}

/** Changes a robot's description, lifetime, permissions or disable flag (`PUT /robots/{id}`). */
export function useUpdateRobot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ robotId, changes }: { robotId: number; changes: UpdateRobotRequest }) =>
      unwrap(await berthClient.PUT('/robots/{robot_id}', { params: { path: { robot_id: robotId } }, body: changes })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.robots() }),
  });
}

/** Issues a new generated secret for a robot (`PATCH /robots/{id}`); the previous one keeps working for a day. */
export function useRotateRobotSecret() {
  return useMutation({
    mutationFn: async (robotId: number) =>
      unwrap(await berthClient.PATCH('/robots/{robot_id}', { params: { path: { robot_id: robotId } }, body: {} })),
  });
}

/** Deletes a robot (`DELETE /robots/{id}`). */
export function useDeleteRobot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (robotId: number) =>
      expectOk(await berthClient.DELETE('/robots/{robot_id}', { params: { path: { robot_id: robotId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.robots() }),
  });
}

/** Changes the settings sent (`PUT /configurations`) and reloads them and the system information. */
export function useUpdateConfigurations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: ConfigurationsUpdate) =>
      expectOk(await berthClient.PUT('/configurations', { body: changes })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.configurations() }),
        // The auth mode is part of the system information the sign-in page reads.
        queryClient.invalidateQueries({ queryKey: systemKeys.info() }),
      ]),
  });
}

/** Connects and binds to LDAP with the given settings (`POST /ldap/ping`) and answers what LDAP said. */
export function usePingLdap() {
  return useMutation({
    mutationFn: async (request: LdapPingRequest) => unwrap(await berthClient.POST('/ldap/ping', { body: request })),
  });
}
