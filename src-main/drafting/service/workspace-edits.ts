import type { CandidateDto, Dependents, DocumentDto, JobPostingDto } from '@contract';
import type { AuditEntry } from '../../audit/audit-log';
import type { CandidatesRepo } from '../store/candidates-repo';
import type { DocumentsRepo } from '../store/documents-repo';
import { toJobDto, type JobPostingsRepo } from '../store/job-postings-repo';
import type { RemovalsRepo } from '../store/removals-repo';
import type { CandidateRecords } from './candidate-records';

/**
 * Rename, delete and erase for candidates, postings and documents, each with an audit entry. The audit log
 * outlives an erase, so its entries hold ids and counts only, never a name, a title or an email.
 */
export class WorkspaceEdits {
  constructor(
    private readonly deps: {
      candidates: CandidatesRepo;
      jobs: JobPostingsRepo;
      documents: DocumentsRepo;
      removals: RemovalsRepo;
      records: CandidateRecords;
      audit: { append(entry: AuditEntry): unknown };
    },
  ) {}

  job(id: string): JobPostingDto {
    return toJobDto(this.deps.jobs.get(id));
  }

  dependents(owner: 'candidate' | 'job' | 'document', id: string): Dependents {
    return this.deps.removals.dependents(owner, id);
  }

  renameCandidate(id: string, name: string, actor: string): CandidateDto {
    const { record } = this.deps.candidates.get(id);
    const renamed = this.deps.records.update(id, {
      ...record,
      resume: { ...record.resume, basics: { ...record.resume.basics, name } },
    });
    this.deps.audit.append({ actor, action: 'candidate.rename', target: id });
    return renamed;
  }

  renameJob(id: string, title: string, actor: string): JobPostingDto {
    const renamed = this.deps.jobs.rename(id, title);
    this.deps.audit.append({ actor, action: 'job_posting.rename', target: id });
    return toJobDto(renamed);
  }

  renameDocument(id: string, title: string, actor: string): DocumentDto {
    const renamed = this.deps.documents.rename(id, title);
    this.deps.audit.append({ actor, action: 'document.rename', target: id });
    return renamed;
  }

  delete(owner: 'candidate' | 'job' | 'document', id: string, actor: string): Dependents {
    const action = { candidate: 'candidate.delete', job: 'job_posting.delete', document: 'document.delete' }[owner];
    return this.deps.removals.delete(owner, id, (removed) =>
      this.deps.audit.append({ actor, action, target: id, after: removed }),
    );
  }

  eraseCandidate(id: string, actor: string): { removed: Dependents; walTruncated: boolean } {
    return this.deps.removals.erase(id, (removed) =>
      this.deps.audit.append({ actor, action: 'candidate.erase', target: id, after: removed }),
    );
  }
}
