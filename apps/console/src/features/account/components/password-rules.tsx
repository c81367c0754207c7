import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { PASSWORD_RULES } from './password-policy';

/** Lists the password policy's rules, marking the ones the typed password meets. */
export function PasswordRules({ password }: { password: string }) {
  return (
    <List size="xs" spacing={2} center aria-label="Requirements for the new password">
      {PASSWORD_RULES.map((rule) => {
        const met = rule.test(password);
        return (
          <List.Item
            key={rule.label}
            icon={
              <ThemeIcon size={16} radius="xl" color={met ? 'teal' : 'gray'} variant={met ? 'filled' : 'light'}>
                {met ? <IconCheck size={11} aria-hidden /> : <IconPoint size={11} aria-hidden />}
              </ThemeIcon>
            }
          >
            <Text size="xs" c={met ? undefined : 'dimmed'}>
              {rule.label}
              <VisuallyHidden>{met ? ' (met)' : ' (not met yet)'}</VisuallyHidden>
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
