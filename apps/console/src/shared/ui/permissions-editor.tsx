import {
  Action,
  type Permission,
  type PermissionKey,
  PROJECT_PERMISSIONS,
  SYSTEM_PERMISSIONS,
  parsePermissionKey,
  permissionKey,
} from '@berth/rbac';
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { RobotPermission } from '../api/types';

/** The namespace of a system robot's grant covering every project. */
export const ALL_PROJECTS = '*';

/** The namespace of system permissions. */
export const SYSTEM_NAMESPACE = '/';

/** The columns of a permission grid, commonest first. */
const ACTION_ORDER: readonly Action[] = [
  Action.Pull,
  Action.Push,
  Action.Read,
  Action.List,
  Action.Create,
  Action.Update,
  Action.Delete,
  Action.Operate,
];

/** Quick choices for a project grant, as CI systems usually need them. */
const PROJECT_PRESETS: readonly { label: string; keys: readonly PermissionKey[] }[] = [
  { label: 'Pull only', keys: ['repository:pull', 'repository:read', 'repository:list', 'artifact:read', 'tag:list'] },
  {
    label: 'Push and pull',
    keys: [
      'repository:pull',
      'repository:push',
      'repository:read',
      'repository:list',
      'artifact:read',
      'artifact:list',
      'artifact:create',
      'tag:list',
      'tag:create',
    ],
  },
];

/** Names a resource for people: `tag-retention` → `Tag retention`. */
function resourceLabel(resource: string): string {
  const words = resource.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Props of PermissionGrid. */
export interface PermissionGridProps {
  /** The grid's accessible name, e.g. "Permissions in library". */
  label: string;
  /** The permissions that may be chosen; each is one checkbox, in a row per resource and a column per action. */
  permissions: readonly Permission[];
  /** The chosen permissions, as `resource:action` keys; keys the grid does not offer are kept as they are. */
  selected: ReadonlySet<string>;
  /** Called with the whole new selection. */
  onChange(selected: Set<PermissionKey>): void;
  disabled?: boolean;
}

/**
 * A table of checkboxes, one row per resource and one column per action, for choosing `resource:action` permissions.
 * Each checkbox's accessible name is its permission key (`repository:pull`).
 */
export function PermissionGrid({ label, permissions, selected, onChange, disabled }: PermissionGridProps) {
  const resources = [...new Set(permissions.map((p) => p.resource))];
  const actions = ACTION_ORDER.filter((action) => permissions.some((p) => p.action === action));
  const offered = new Set(permissions.map(permissionKey));
  const toggle = (key: PermissionKey, on: boolean) => {
    const next = new Set(selected as ReadonlySet<PermissionKey>);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label={label} verticalSpacing={4} horizontalSpacing="xs" withRowBorders={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <VisuallyHidden>Resource</VisuallyHidden>
            </Table.Th>
            {actions.map((action) => (
              <Table.Th key={action} ta="center" fz="xs" tt="capitalize">
                {action}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {resources.map((resource) => (
            <Table.Tr key={resource}>
              <Table.Th scope="row" fw={500} fz="sm">
                {resourceLabel(resource)}
              </Table.Th>
              {actions.map((action) => {
                const key = permissionKey({ resource, action });
                return (
                  <Table.Td key={action} ta="center">
                    {offered.has(key) ? (
                      <Checkbox
                        aria-label={key}
                        checked={selected.has(key)}
                        disabled={disabled}
                        onChange={(event) => toggle(key, event.currentTarget.checked)}
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    ) : null}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The keys of a grant's accesses. */
function keysOf(grant: RobotPermission | undefined): Set<string> {
  return new Set((grant?.access ?? []).map((a) => `${a.resource}:${a.action}`));
}

/** Builds a grant from permission keys, in the order of the permission list so requests compare alike. */
function grantOf(kind: RobotPermission['kind'], namespace: string, keys: ReadonlySet<string>): RobotPermission {
  const order = kind === 'system' ? SYSTEM_PERMISSIONS : PROJECT_PERMISSIONS;
  const access = order
    .map(permissionKey)
    .filter((key) => keys.has(key))
    .map((key) => {
      const permission = parsePermissionKey(key) as Permission;
      return { resource: permission.resource, action: permission.action, effect: 'allow' as const };
    });
  return { kind, namespace, access };
}

/** A project grant for a project robot (or a system robot's project), from permission keys. */
export function projectGrant(namespace: string, keys: Iterable<string>): RobotPermission {
  return grantOf('project', namespace, new Set(keys));
}

/** Says what a robot's grants allow in one line, for lists: "System: 2 permissions · library: 5 · all projects: 1". */
export function describePermissions(grants: readonly RobotPermission[]): string {
  if (grants.length === 0) return 'No permissions';
  return grants
    .map((grant) => {
      const where =
        grant.kind === 'system' ? 'System' : grant.namespace === ALL_PROJECTS ? 'All projects' : grant.namespace;
      const count = grant.access.length;
      return `${where}: ${count} ${count === 1 ? 'permission' : 'permissions'}`;
    })
    .join(' · ');
}

/**
 * Checks grants as core-api will, in words for the form: a project robot needs at least one permission in its
 * project; a system robot at least one permission in all, and every project grant a project (or all projects) and at
 * least one permission. Returns null when they are valid.
 */
export function validatePermissions(level: 'system' | 'project', grants: readonly RobotPermission[]): string | null {
  const total = grants.reduce((sum, grant) => sum + grant.access.length, 0);
  if (total === 0) return 'Choose at least one permission.';
  if (level === 'project') return null;
  const seen = new Set<string>();
  for (const grant of grants.filter((g) => g.kind === 'project')) {
    const namespace = grant.namespace.trim();
    if (namespace === '') return 'Enter a project name for every project permission, or choose all projects.';
    if (grant.access.length === 0) return `Choose at least one permission in ${namespace}, or remove it.`;
    if (seen.has(namespace)) return `${namespace === ALL_PROJECTS ? 'All projects' : namespace} is listed twice.`;
    seen.add(namespace);
  }
  return null;
}

/** Props of PermissionsEditor. */
export interface PermissionsEditorProps {
  /**
   * `project`: a project robot's one grant, in `projectName`. `system`: system permissions (namespace `/`) plus any
   * number of project grants, each for a project name or `*` (all projects).
   */
  level: 'system' | 'project';
  /** The project of a project robot; required with `level="project"`. */
  projectName?: string;
  /** The grants, as the robot API takes and answers them. */
  value: readonly RobotPermission[];
  onChange(value: RobotPermission[]): void;
  /** Why the grants are not acceptable (e.g. from `validatePermissions`), shown below the editor. */
  error?: ReactNode;
  disabled?: boolean;
}

function Presets({ onPick, disabled }: { onPick(keys: readonly PermissionKey[]): void; disabled?: boolean }) {
  return (
    <Group gap="xs">
      {PROJECT_PRESETS.map((preset) => (
        <Button
          key={preset.label}
          size="compact-xs"
          variant="light"
          disabled={disabled}
          onClick={() => onPick(preset.keys)}
        >
          {preset.label}
        </Button>
      ))}
      <Button size="compact-xs" variant="subtle" color="gray" disabled={disabled} onClick={() => onPick([])}>
        Clear
      </Button>
    </Group>
  );
}

/** The project-level editor: one grid of project permissions for the robot's project. */
function ProjectLevelEditor({ projectName = '', value, onChange, disabled }: PermissionsEditorProps) {
  const grant = value.find((g) => g.kind === 'project');
  const set = (keys: Iterable<string>) => {
    const next = projectGrant(projectName, keys);
    onChange(next.access.length > 0 ? [next] : []);
  };
  return (
    <Stack gap="xs">
      <Presets onPick={set} disabled={disabled} />
      <PermissionGrid
        label={`Permissions in ${projectName}`}
        permissions={PROJECT_PERMISSIONS}
        selected={keysOf(grant)}
        onChange={set}
        disabled={disabled}
      />
    </Stack>
  );
}

/** The system-level editor: system permissions and a list of project grants. */
function SystemLevelEditor({ value, onChange, disabled }: PermissionsEditorProps) {
  const system = value.find((g) => g.kind === 'system');
  const projects = value.filter((g) => g.kind === 'project');
  const emit = (nextSystem: RobotPermission | undefined, nextProjects: RobotPermission[]) =>
    onChange([...(nextSystem && nextSystem.access.length > 0 ? [nextSystem] : []), ...nextProjects]);
  const replaceProject = (index: number, grant: RobotPermission) =>
    emit(
      system,
      projects.map((g, i) => (i === index ? grant : g)),
    );

  return (
    <Stack gap="sm">
      <Fieldset legend="System permissions" disabled={disabled}>
        <PermissionGrid
          label="System permissions"
          permissions={SYSTEM_PERMISSIONS}
          selected={keysOf(system)}
          onChange={(keys) => emit(grantOf('system', SYSTEM_NAMESPACE, keys), projects)}
          disabled={disabled}
        />
      </Fieldset>
      {projects.map((grant, index) => {
        const all = grant.namespace === ALL_PROJECTS;
        const name = all ? 'all projects' : grant.namespace.trim() || `project ${index + 1}`;
        return (
          <Fieldset key={index} legend={`Permissions in ${name}`} disabled={disabled}>
            <Stack gap="xs">
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label="Project"
                  placeholder="Project name"
                  value={all ? '' : grant.namespace}
                  disabled={all || disabled}
                  onChange={(event) =>
                    replaceProject(index, { ...grant, namespace: event.currentTarget.value.trim().toLowerCase() })
                  }
                  w={{ base: '100%', xs: 240 }}
                />
                <Checkbox
                  label="All projects, present and future"
                  checked={all}
                  disabled={disabled}
                  onChange={(event) =>
                    replaceProject(index, { ...grant, namespace: event.currentTarget.checked ? ALL_PROJECTS : '' })
                  }
                  mb={8}
                />
                <Tooltip label={`Remove the permissions in ${name}`}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    ml="auto"
                    mb={4}
                    aria-label={`Remove the permissions in ${name}`}
                    disabled={disabled}
                    onClick={() =>
                      emit(
                        system,
                        projects.filter((_, i) => i !== index),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Presets
                onPick={(keys) => replaceProject(index, projectGrant(grant.namespace, keys))}
                disabled={disabled}
              />
              <PermissionGrid
                label={`Permissions in ${name}`}
                permissions={PROJECT_PERMISSIONS}
                selected={keysOf(grant)}
                onChange={(keys) => replaceProject(index, projectGrant(grant.namespace, keys))}
                disabled={disabled}
              />
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={disabled}
          onClick={() => emit(system, [...projects, projectGrant('', PROJECT_PRESETS[0].keys)])}
        >
          Add project permissions
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Edits a robot's permissions in Harbor's shape (`[{ kind, namespace, access: [{ resource, action }] }]`): for a
 * project robot one grid in its project; for a system robot the system permissions and grants in named projects or
 * in all projects. Presets cover the usual CI needs (pull only; push and pull).
 */
export function PermissionsEditor(props: PermissionsEditorProps) {
  return (
    <Stack gap={6}>
      {props.level === 'project' ? <ProjectLevelEditor {...props} /> : <SystemLevelEditor {...props} />}
      {props.error ? (
        <Text size="sm" c="red" role="alert">
          {props.error}
        </Text>
      ) : null}
    </Stack>
  );
}
