import type { BatchPairsInput } from '@contract';
import { AppError } from '../../errors';
import type { DraftingService } from '../service/drafting-service';

/** One draft of a batch: a candidate and a posting, with names a person reads. */
export interface BatchPair {
  index: number;
  candidateId: string;
  jobPostingId: string;
  /** "Lea Sørensen — Backend engineer at Northwind Logistics". */
  label: string;
  postingLabel: string;
}

/**
 * The pairs of a batch, in the order given (repeated ids once): many candidates × one posting, or one candidate ×
 * many postings. Every id must exist; anything else is refused before a call is made.
 */
export function batchPairs(drafting: DraftingService, input: BatchPairsInput): BatchPair[] {
  const candidateIds = [...new Set(input.candidateIds)];
  const jobPostingIds = [...new Set(input.jobPostingIds)];
  if (candidateIds.length > 1 && jobPostingIds.length > 1)
    throw new AppError(
      'invalid_input',
      'A batch is many candidates for one job posting, or one candidate for many postings: choose one of either.',
    );
  const { candidates, jobs } = drafting.repos;
  const names = new Map(candidateIds.map((id) => [id, candidates.get(id).name]));
  const postings = new Map(jobPostingIds.map((id) => [id, postingLabel(jobs.get(id))]));
  const pairs: BatchPair[] = [];
  for (const candidateId of candidateIds)
    for (const jobPostingId of jobPostingIds) {
      const posting = postings.get(jobPostingId) ?? jobPostingId;
      pairs.push({
        index: pairs.length,
        candidateId,
        jobPostingId,
        label: `${names.get(candidateId) ?? candidateId} — ${posting}`,
        postingLabel: posting,
      });
    }
  return pairs;
}

function postingLabel(job: { title: string | null; company: string | null; sourceFileName: string | null }): string {
  const title = job.title ?? job.sourceFileName ?? 'Job posting';
  return job.company ? `${title} at ${job.company}` : title;
}
