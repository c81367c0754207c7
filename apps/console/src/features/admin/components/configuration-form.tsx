import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck, IconCircleX, IconPlugConnected } from '@tabler/icons-react';
import { errorMessage } from '../../../shared/api/api-error';
import { withProgress } from '../../../shared/ui/notify';
import { usePingLdap, useUpdateConfigurations } from '../api/mutations';
import type { Configurations, ConfigurationsUpdate, LdapPingRequest, LdapPingResult } from '../../../shared/api/types';

type NumberValue = number | string;
type Scope = 0 | 1 | 2;

/** The configuration form's values: the settings as edited, plus a new LDAP bind password (empty keeps the stored one). */
export interface ConfigurationValues {
  auth_mode: 'db_auth' | 'ldap_auth';
  self_registration: boolean;
  ldap_url: string;
  ldap_search_dn: string;
  ldap_search_password: string;
  ldap_base_dn: string;
  ldap_filter: string;
  ldap_uid: string;
  ldap_scope: string;
  ldap_timeout: NumberValue;
  ldap_verify_cert: boolean;
  ldap_group_base_dn: string;
  ldap_group_search_filter: string;
  ldap_group_attribute_name: string;
  ldap_group_membership_attribute: string;
  ldap_group_admin_dn: string;
  ldap_group_search_scope: string;
  ldap_nested_groups_depth: NumberValue;
  ldap_group_cache_ttl_seconds: NumberValue;
  token_expiration: NumberValue;
  robot_token_duration: NumberValue;
  robot_name_prefix: string;
  robot_never_expire_allowed: boolean;
  login_lockout_threshold: NumberValue;
  login_lockout_minutes: NumberValue;
  audit_log_retention_days: NumberValue;
}

/** A setting the form edits. */
type SettingKey = Exclude<keyof ConfigurationValues, 'ldap_search_password'>;

/** Inclusive limits of the numeric settings, as core-api validates them. */
export const NUMBER_LIMITS = {
  ldap_timeout: [1, 60],
  ldap_nested_groups_depth: [0, 10],
  ldap_group_cache_ttl_seconds: [0, 86_400],
  token_expiration: [1, 525_600],
  robot_token_duration: [1, 36_500],
  login_lockout_threshold: [0, 1000],
  login_lockout_minutes: [1, 1440],
  audit_log_retention_days: [0, 36_500],
} as const satisfies Partial<Record<SettingKey, readonly [number, number]>>;
type NumberKey = keyof typeof NUMBER_LIMITS;

const SCOPE_KEYS = ['ldap_scope', 'ldap_group_search_scope'] as const;
const SCOPES = [
  { value: '0', label: 'Base (the entry only)' },
  { value: '1', label: 'One level' },
  { value: '2', label: 'Subtree' },
];
const LDAP_URL = /^ldaps?:\/\/\S+$/i;

/** The form values of the stored settings. */
export function toConfigurationValues(config: Configurations): ConfigurationValues {
  const values: Record<string, unknown> = { ldap_search_password: '' };
  for (const [key, item] of Object.entries(config)) {
    if (key === 'ldap_search_password_set') continue;
    values[key] = (SCOPE_KEYS as readonly string[]).includes(key) ? String(item.value) : item.value;
  }
  return values as unknown as ConfigurationValues;
}

/** The value a setting is sent with: scopes as numbers, numbers parsed, text as typed. */
function sentValue(key: SettingKey, value: ConfigurationValues[SettingKey]): unknown {
  if ((SCOPE_KEYS as readonly string[]).includes(key)) return Number(value) as Scope;
  if (key in NUMBER_LIMITS) return Number(value);
  return value;
}

/**
 * Builds the body of `PUT /configurations`: the editable settings whose value differs from the stored one, and the
 * bind password when a new one was typed.
 */
export function toConfigurationsUpdate(values: ConfigurationValues, config: Configurations): ConfigurationsUpdate {
  const update: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof ConfigurationValues)[]) {
    if (key === 'ldap_search_password') continue;
    const stored = config[key];
    const value = sentValue(key, values[key]);
    if (stored.editable && value !== stored.value) update[key] = value;
  }
  if (values.ldap_search_password !== '') update['ldap_search_password'] = values.ldap_search_password;
  return update as ConfigurationsUpdate;
}

/** Builds the body of `POST /ldap/ping` from the form's current LDAP settings (the typed password, if any). */
export function toLdapPingRequest(values: ConfigurationValues): LdapPingRequest {
  const timeout = Number(values.ldap_timeout);
  return {
    ldap_url: values.ldap_url.trim(),
    ldap_search_dn: values.ldap_search_dn.trim(),
    ldap_base_dn: values.ldap_base_dn.trim(),
    ldap_filter: values.ldap_filter.trim(),
    ldap_uid: values.ldap_uid.trim(),
    ldap_scope: Number(values.ldap_scope) as Scope,
    ldap_verify_cert: values.ldap_verify_cert,
    ...(Number.isInteger(timeout) && timeout >= 1 ? { ldap_connection_timeout: timeout } : {}),
    ...(values.ldap_search_password !== '' ? { ldap_search_password: values.ldap_search_password } : {}),
  };
}

/** Checks the values as core-api will; returns errors by field. */
export function validateConfiguration(values: ConfigurationValues): Partial<Record<keyof ConfigurationValues, string>> {
  const errors: Partial<Record<keyof ConfigurationValues, string>> = {};
  for (const [key, [min, max]] of Object.entries(NUMBER_LIMITS) as [NumberKey, readonly [number, number]][]) {
    const value = values[key];
    const number = typeof value === 'number' ? value : Number.NaN;
    if (!Number.isInteger(number) || number < min || number > max) {
      errors[key] = `Enter a whole number from ${min} to ${max}.`;
    }
  }
  const url = values.ldap_url.trim();
  if (url !== '' && !LDAP_URL.test(url)) errors.ldap_url = 'Enter an ldap:// or ldaps:// URL.';
  if (values.auth_mode === 'ldap_auth') {
    if (url === '') errors.ldap_url = 'LDAP authentication needs the LDAP URL.';
    if (values.ldap_base_dn.trim() === '') errors.ldap_base_dn = 'LDAP authentication needs the base DN.';
  }
  if (values.robot_name_prefix.trim() === '') errors.robot_name_prefix = 'Enter a prefix, such as robot$.';
  return errors;
}

/** Shows what LDAP answered to "Test connection", or why the test could not run. */
export function LdapTestResult({ result, error }: { result?: LdapPingResult; error?: unknown }) {
  if (error) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} title="Could not test">
        <Text size="sm" role="alert">
          {errorMessage(error)}
        </Text>
      </Alert>
    );
  }
  if (!result) return null;
  return (
    <Alert
      color={result.success ? 'teal' : 'red'}
      variant="light"
      icon={result.success ? <IconCircleCheck size={18} aria-hidden /> : <IconCircleX size={18} aria-hidden />}
      title={result.success ? 'Connection succeeded' : 'Connection failed'}
    >
      <Text size="sm" role="status">
        LDAP answered: {result.message}
      </Text>
    </Alert>
  );
}

/** Props of ConfigurationForm. */
export interface ConfigurationFormProps {
  /** The stored settings, with which of them may be changed. */
  config: Configurations;
}

/**
 * The configuration form: authentication mode, LDAP connection (with "Test connection" on the values as typed), LDAP
 * groups, robot and token lifetimes, sign-in lockout and audit retention. Saves only what changed.
 */
export function ConfigurationForm({ config }: ConfigurationFormProps) {
  const form = useForm<ConfigurationValues>({
    initialValues: toConfigurationValues(config),
    validate: validateConfiguration,
  });
  const save = useUpdateConfigurations();
  const ping = usePingLdap();
  const update = toConfigurationsUpdate(form.values, config);
  const changed = Object.keys(update).length > 0;

  /** Props every setting's input shares: the form binding, and locked when the environment sets it. */
  const bind = (key: SettingKey, options?: { type: 'checkbox' }) => ({
    ...form.getInputProps(key, options),
    disabled: !config[key].editable,
  });
  const number = (key: NumberKey) => ({
    ...bind(key),
    min: NUMBER_LIMITS[key][0],
    max: NUMBER_LIMITS[key][1],
    allowDecimal: false,
  });

  const testConnection = () => {
    const url = form.values.ldap_url.trim();
    if (url === '' || !LDAP_URL.test(url)) {
      form.setFieldError('ldap_url', 'Enter an ldap:// or ldaps:// URL to test.');
      return;
    }
    ping.mutate(toLdapPingRequest(form.values));
  };

  return (
    <form
      noValidate
      aria-label="Configuration"
      onSubmit={form.onSubmit((values) =>
        withProgress(
          {
            pending: 'Saving the configuration…',
            success: 'Configuration saved',
            failure: 'Could not save the configuration',
          },
          () => save.mutateAsync(toConfigurationsUpdate(values, config)),
        ).catch(() => undefined),
      )}
    >
      <Stack gap="md">
        <Fieldset legend="Authentication">
          <Stack gap="sm">
            <Radio.Group label="How people sign in" {...bind('auth_mode')}>
              <Stack gap={6} mt={6}>
                <Radio
                  value="db_auth"
                  label="Local accounts"
                  description="Berth keeps the accounts and passwords."
                  disabled={!config.auth_mode.editable}
                />
                <Radio
                  value="ldap_auth"
                  label="LDAP"
                  description="People sign in with their directory accounts; the local admin account keeps working."
                  disabled={!config.auth_mode.editable}
                />
              </Stack>
            </Radio.Group>
            <Switch
              label="Self-registration"
              description="Lets people create their own local account from the sign-in page (local accounts only)."
              {...bind('self_registration', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="LDAP">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <TextInput label="LDAP URL" placeholder="ldaps://ldap.example.com:636" {...bind('ldap_url')} />
              <TextInput
                label="Base DN"
                description="Where people are searched."
                placeholder="dc=example,dc=com"
                {...bind('ldap_base_dn')}
              />
              <TextInput
                label="Search DN"
                description="The account Berth binds as to search; empty binds anonymously."
                placeholder="cn=berth,ou=services,dc=example,dc=com"
                {...bind('ldap_search_dn')}
              />
              <PasswordInput
                label="Search password"
                description={
                  config.ldap_search_password_set.value
                    ? 'A password is stored; leave empty to keep it.'
                    : 'No password is stored.'
                }
                autoComplete="new-password"
                {...form.getInputProps('ldap_search_password')}
                disabled={!config.ldap_search_dn.editable}
              />
              <TextInput label="User filter" placeholder="(objectClass=person)" {...bind('ldap_filter')} />
              <TextInput
                label="Login attribute"
                description="uid, or sAMAccountName on Active Directory."
                {...bind('ldap_uid')}
              />
              <Select label="Search scope" data={SCOPES} allowDeselect={false} {...bind('ldap_scope')} />
              <NumberInput label="Timeout (seconds)" {...number('ldap_timeout')} />
            </SimpleGrid>
            <Switch
              label="Verify the server’s certificate (ldaps://)"
              {...bind('ldap_verify_cert', { type: 'checkbox' })}
            />
            <Group gap="sm">
              <Button
                variant="light"
                leftSection={<IconPlugConnected size={16} aria-hidden />}
                loading={ping.isPending}
                onClick={testConnection}
              >
                Test connection
              </Button>
              <Text size="xs" c="dimmed">
                Tries the settings as typed above, before saving them.
              </Text>
            </Group>
            <div aria-live="polite">
              {ping.isPending ? null : <LdapTestResult result={ping.data} error={ping.error ?? undefined} />}
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend="LDAP groups">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <TextInput label="Group base DN" description="Empty uses the base DN." {...bind('ldap_group_base_dn')} />
            <TextInput
              label="Group filter"
              placeholder="(objectClass=groupOfNames)"
              {...bind('ldap_group_search_filter')}
            />
            <TextInput label="Group name attribute" placeholder="cn" {...bind('ldap_group_attribute_name')} />
            <TextInput
              label="Membership attribute"
              placeholder="memberof"
              {...bind('ldap_group_membership_attribute')}
            />
            <TextInput
              label="Administrators group DN"
              description="Members of this group are system administrators."
              {...bind('ldap_group_admin_dn')}
            />
            <Select
              label="Group search scope"
              data={SCOPES}
              allowDeselect={false}
              {...bind('ldap_group_search_scope')}
            />
            <NumberInput
              label="Nested group levels"
              description="0 follows none."
              {...number('ldap_nested_groups_depth')}
            />
            <NumberInput
              label="Group cache (seconds)"
              description="0 reads memberships at every sign-in."
              {...number('ldap_group_cache_ttl_seconds')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Robot accounts and tokens">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <TextInput label="Robot name prefix" {...bind('robot_name_prefix')} />
            <NumberInput label="Default robot lifetime (days)" {...number('robot_token_duration')} />
            <NumberInput label="Registry token lifetime (minutes)" {...number('token_expiration')} />
            <Switch
              label="Allow robots that never expire"
              mt="lg"
              {...bind('robot_never_expire_allowed', { type: 'checkbox' })}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Sign-in security and audit">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <NumberInput
              label="Failed sign-ins before locking"
              description="0 never locks."
              {...number('login_lockout_threshold')}
            />
            <NumberInput label="Lockout (minutes)" {...number('login_lockout_minutes')} />
            <NumberInput
              label="Keep audit entries (days)"
              description="0 keeps them forever."
              {...number('audit_log_retention_days')}
            />
          </SimpleGrid>
        </Fieldset>

        <Group justify="flex-end" gap="sm">
          <Button
            variant="default"
            disabled={!changed || save.isPending}
            onClick={() => form.setValues(toConfigurationValues(config))}
          >
            Discard changes
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!changed}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
