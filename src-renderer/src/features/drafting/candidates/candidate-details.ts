import type { CandidateDto } from '@contract';
import { formatDateTime, formatDay } from '../../../lib/format';

/**
 * What tells a candidate apart from others of the same name: email, source file and import day; the time too when
 * the name is shared, and the start of the id when even that is the same (one CV imported twice in a minute).
 */
export function candidateDetails(candidates: readonly CandidateDto[]): Map<string, string> {
  const detail = (c: CandidateDto, precise: boolean) =>
    [c.email, c.sourceFileName ?? c.sourceKind, precise ? formatDateTime(c.createdAt) : formatDay(c.createdAt)]
      .filter(Boolean)
      .join(' · ');
  const byName = new Map<string, CandidateDto[]>();
  for (const c of candidates) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  const details = new Map<string, string>();
  for (const group of byName.values()) {
    const precise = group.length > 1;
    const texts = group.map((c) => detail(c, precise));
    group.forEach((c, i) => {
      const text = texts[i] ?? '';
      const clash = texts.filter((t) => t === text).length > 1;
      details.set(c.id, clash ? `${text} · #${c.id.slice(0, 8)}` : text);
    });
  }
  return details;
}
