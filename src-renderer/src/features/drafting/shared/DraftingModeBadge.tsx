import type { ProviderConfigDto } from '@contract';
import { ProviderModeBadge } from './ProviderModeBadge';

/** The drafting tasks' mode in one badge: AI (first provider) or "Offline — built-in drafter". */
export function DraftingModeBadge({
  cv,
  coverLetter,
}: {
  cv: ProviderConfigDto[] | null;
  coverLetter: ProviderConfigDto[] | null;
}) {
  if (cv === null || coverLetter === null) return null;
  if (cv.length > 0 && coverLetter.length === 0)
    return (
      <ProviderModeBadge providers={[]} offlineLabel="Cover letters offline — built-in drafter" what="cover letters" />
    );
  if (cv.length === 0 && coverLetter.length > 0)
    return <ProviderModeBadge providers={[]} offlineLabel="CVs offline — built-in drafter" what="CV drafting" />;
  return <ProviderModeBadge providers={cv} offlineLabel="Offline — built-in drafter" what="Drafting" />;
}
