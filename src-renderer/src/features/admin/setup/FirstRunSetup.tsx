import { Card, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAdminSession } from '../session/admin-session-context';
import { AuthenticatorStep } from './AuthenticatorStep';
import { ChoosePasswordStep } from './ChoosePasswordStep';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { ResumeSetupStep } from './ResumeSetupStep';
import { VerifyCodeStep } from './VerifyCodeStep';

/**
 * First run: password → authenticator → recovery codes → first code. Nothing is an account until that code
 * checks out; after a reload the wizard offers to continue the unfinished setup (with its password) or start over.
 */
export function FirstRunSetup() {
  const { pendingSetup, status } = useAdminSession();
  const [step, setStep] = useState(pendingSetup ? 1 : 0);
  const [startingOver, setStartingOver] = useState(false);
  const unfinishedSince = pendingSetup ? null : (status?.pendingSetupSince ?? null);
  return (
    <Card withBorder padding="xl" maw={880} bg="var(--mantine-color-body)">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2}>Set up the admin account</Title>
          <Text c="dimmed" size="sm">
            The admin area (providers, keys, budgets, prices, audit log, settings) is protected by a password and an
            authenticator app. This takes two minutes and is done once on this computer.
          </Text>
        </Stack>
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label="Password" description="Choose it">
            {unfinishedSince !== null && !startingOver ? (
              <ResumeSetupStep
                startedAt={unfinishedSince}
                onResumed={() => setStep(1)}
                onStartOver={() => setStartingOver(true)}
              />
            ) : (
              <ChoosePasswordStep onDone={() => setStep(1)} restart={unfinishedSince !== null} />
            )}
          </Stepper.Step>
          <Stepper.Step label="Authenticator" description="Scan the QR code">
            {pendingSetup && <AuthenticatorStep enrolment={pendingSetup.enrolment} onNext={() => setStep(2)} />}
          </Stepper.Step>
          <Stepper.Step label="Recovery codes" description="Save them">
            {pendingSetup && (
              <RecoveryCodesStep
                codes={pendingSetup.enrolment.recoveryCodes}
                onBack={() => setStep(1)}
                onNext={() => setStep(3)}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label="Confirm" description="Enter a code">
            <VerifyCodeStep onBack={() => setStep(2)} />
          </Stepper.Step>
        </Stepper>
      </Stack>
    </Card>
  );
}
