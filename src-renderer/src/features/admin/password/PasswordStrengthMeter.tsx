import { List, Progress, Stack, Text } from '@mantine/core';
import { passwordStrength } from './password-strength';

/** Meter + what is missing, under a new-password field. */
export function PasswordStrengthMeter({ password }: { password: string }) {
  const strength = passwordStrength(password);
  return (
    <Stack gap={4} aria-live="polite">
      <Progress
        value={password ? strength.score : 0}
        color={strength.color}
        size="sm"
        aria-label={`Password strength: ${strength.label}`}
      />
      <Text size="xs" c="dimmed">
        Strength: {password ? strength.label : '—'}
      </Text>
      {password && strength.missing.length > 0 && (
        <List size="xs" c="dimmed" spacing={0}>
          {strength.missing.map((m) => (
            <List.Item key={m}>Needs {m}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
