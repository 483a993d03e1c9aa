import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { RecoveryCodesPanel } from '../enrolment/RecoveryCodesPanel';

/** Step 3: save the recovery codes and say so. */
export function RecoveryCodesStep({
  codes,
  onBack,
  onNext,
}: {
  codes: string[];
  onBack: () => void;
  onNext: () => void;
}) {
  const [saved, setSaved] = useState(false);
  return (
    <Stack mt="md">
      <RecoveryCodesPanel codes={codes} />
      <Checkbox
        label="I saved my recovery codes somewhere safe"
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Group>
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button onClick={onNext} disabled={!saved}>
          Continue
        </Button>
      </Group>
    </Stack>
  );
}
