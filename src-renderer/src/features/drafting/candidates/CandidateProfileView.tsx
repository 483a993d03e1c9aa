import { Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { CandidateDto } from '@contract';
import { formatDateTime } from '../../../lib/format';
import { ContactLine } from './ContactLine';
import { EducationSection } from './EducationSection';
import { ExperienceSection } from './ExperienceSection';
import { TagSection } from './TagSection';

/** The parsed profile: what every draft for this candidate is built from (and checked against). */
export function CandidateProfileView({ candidate, onDraft }: { candidate: CandidateDto; onDraft: () => void }) {
  const p = candidate.profile;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby="candidate-name">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} id="candidate-name">
              {p.name}
            </Title>
            {p.headline && <Text c="dimmed">{p.headline}</Text>}
            <Group gap="xs">
              <Badge variant="outline" color="gray" tt="none">
                From {candidate.sourceFileName ?? candidate.sourceKind}
              </Badge>
              <Text size="xs" c="dimmed">
                Imported {formatDateTime(candidate.createdAt)}
              </Text>
            </Group>
          </Stack>
          <Button onClick={onDraft}>Draft documents</Button>
        </Group>
        <ContactLine profile={p} />
        {p.summary && (
          <Stack gap={4}>
            <Title order={4}>Summary</Title>
            <Text size="sm">{p.summary}</Text>
          </Stack>
        )}
        <TagSection title="Skills" values={p.skills} />
        <Divider />
        <ExperienceSection entries={p.experience} />
        <Divider />
        <EducationSection entries={p.education} />
        {p.certifications.length > 0 && <TagSection title="Certifications" values={p.certifications} color="grape" />}
        {p.languages.length > 0 && <TagSection title="Languages" values={p.languages} color="cyan" />}
      </Stack>
    </Card>
  );
}
