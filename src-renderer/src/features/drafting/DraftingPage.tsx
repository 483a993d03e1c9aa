import { BatchPage } from './batch/BatchPage';
import { CandidatesPage } from './candidates/CandidatesPage';
import { DocumentsPage } from './documents/DocumentsPage';
import { JobsPage } from './jobs/JobsPage';
import type { DraftingPageId } from './pages';

/** The drafting workspace's pages; `onNavigate` moves between them (e.g. "Draft documents" on a candidate). */
export function DraftingPage({
  page,
  onNavigate,
}: {
  page: DraftingPageId;
  onNavigate: (page: DraftingPageId) => void;
}) {
  switch (page) {
    case 'candidates':
      return <CandidatesPage onNavigate={onNavigate} />;
    case 'jobs':
      return <JobsPage onNavigate={onNavigate} />;
    case 'documents':
      return <DocumentsPage />;
    case 'batch':
      return <BatchPage onNavigate={onNavigate} />;
  }
}
