import type { AuditEntry } from '../../audit/audit-log';
import type { Clock } from '../../clock';
import type { DatabaseHandle } from '../../db/client';
import { candidateArchive, safeName } from '../export/candidate-archive';
import { resumeForExport } from '../record/resume-export';
import type { CandidatesRepo } from '../store/candidates-repo';
import type { DocumentsRepo } from '../store/documents-repo';
import type { JobPostingsRepo } from '../store/job-postings-repo';

export interface CandidateDataFile {
  fileName: string;
  mediaType: 'application/zip';
  data: Buffer;
}

/** One candidate's data for portability (a zip), read in one snapshot; each export is audited by id. */
export class CandidateDataExport {
  constructor(
    private readonly deps: {
      store: DatabaseHandle;
      candidates: CandidatesRepo;
      documents: DocumentsRepo;
      jobs: JobPostingsRepo;
      clock: Clock;
      audit: { append(entry: AuditEntry): unknown };
    },
  ) {}

  async export(id: string, actor: string): Promise<CandidateDataFile> {
    const { candidates, documents, jobs, clock } = this.deps;
    const now = clock.now();
    // A deferred transaction: every read sees the same snapshot, however the data changes meanwhile.
    const contents = this.deps.store.sqlite
      .transaction(() => {
        const candidate = candidates.get(id);
        const jobTitle = (jobId: string) => {
          const job = jobs.get(jobId);
          return job.fields?.title ?? job.title;
        };
        return {
          candidate,
          resume: resumeForExport(candidate.record, new Date(now)),
          source: candidates.source(id),
          documents: documents.list(id).map(({ id: documentId, jobPostingId }) => ({
            document: documents.get(documentId),
            // A posting's deletion unlinks its documents, so a linked one is there.
            jobPostingTitle: jobPostingId ? jobTitle(jobPostingId) : null,
          })),
          exportedAt: now,
        };
      })
      .deferred();
    const zip = await candidateArchive(contents);
    this.deps.audit.append({ actor, action: 'candidate.export', target: id });
    return {
      fileName: `${safeName(contents.candidate.name, 'Candidate')}-data.zip`,
      mediaType: 'application/zip',
      data: Buffer.from(zip),
    };
  }
}
