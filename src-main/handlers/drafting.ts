import type { DomainChannel, FeatureHandlers, HandlerContext } from '../ipc/handlers';
import type { CandidateRecords } from '../drafting/service/candidate-records';
import type { CandidateDataExport } from '../drafting/service/candidate-data-export';
import type { CandidateImports } from '../drafting/service/candidate-imports';
import type { CallContext, DraftingService } from '../drafting/service/drafting-service';
import type { WorkspaceEdits } from '../drafting/service/workspace-edits';
import { importDocument } from '../drafting/service/document-import';

/** Batches have their own handler file (batch-drafting.ts). */
type DraftingChannels = Exclude<
  DomainChannel<'candidates' | 'jobs' | 'drafts' | 'documents'>,
  `drafts:batch-${string}`
>;

/** Who the audit entry names: the user and the host they came through. */
const actor = (ctx: HandlerContext): string => `${ctx.session.userId}@${ctx.session.host}`;

const callContext = (ctx: HandlerContext, provider?: string): CallContext => ({
  userId: ctx.session.userId,
  ...(provider ? { provider } : {}),
  ...(ctx.signal ? { signal: ctx.signal } : {}),
});

/** `candidates:*`, `jobs:*`, `drafts:*`, `documents:*`: thin wrappers over the drafting service. */
export function draftingHandlers({
  drafting,
  records,
  edits,
  imports,
  dataExport,
}: {
  drafting: DraftingService;
  records: CandidateRecords;
  edits: WorkspaceEdits;
  imports: CandidateImports;
  dataExport: CandidateDataExport;
}): FeatureHandlers<DraftingChannels> {
  const repos = drafting.repos;
  // Running generations by stream id, so a Stop button can cancel one (an Electron invoke cannot be aborted).
  const running = new Map<string, AbortController>();
  return {
    'candidates:list': () => repos.candidates.list(),
    'candidates:import': (input, ctx) => imports.import(input, actor(ctx)),
    'candidates:update': ({ id, record }) => records.update(id, record),
    'candidates:export': ({ id }) => records.export(id),
    'candidates:export-data': async ({ id }, ctx) => {
      const file = await dataExport.export(id, actor(ctx));
      return { fileName: file.fileName, mediaType: file.mediaType, dataBase64: file.data.toString('base64') };
    },
    'candidates:get': ({ id }) => repos.candidates.get(id),
    'candidates:dependents': ({ id }) => edits.dependents('candidate', id),
    'candidates:rename': ({ id, name }, ctx) => edits.renameCandidate(id, name, actor(ctx)),
    'candidates:delete': ({ id }, ctx) => edits.delete('candidate', id, actor(ctx)),
    'candidates:erase': ({ id }, ctx) => edits.eraseCandidate(id, actor(ctx)),
    'jobs:list': () => repos.jobs.list(),
    'jobs:get': ({ id }) => edits.job(id),
    'jobs:dependents': ({ id }) => edits.dependents('job', id),
    'jobs:rename': ({ id, name }, ctx) => edits.renameJob(id, name, actor(ctx)),
    'jobs:delete': ({ id }, ctx) => edits.delete('job', id, actor(ctx)),
    'jobs:import': (input) => drafting.importJob(input),
    'jobs:extract': ({ id, provider, keepEdited }, ctx) => drafting.extract(id, callContext(ctx, provider), keepEdited),
    'jobs:update-fields': ({ id, fields }) => drafting.updateJobFields(id, fields),
    'drafts:generate': async ({ streamId, provider, ...input }, ctx) => {
      const controller = new AbortController();
      if (streamId) running.set(streamId, controller);
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal;
      try {
        return await drafting.generate(input, { ...callContext(ctx, provider), signal }, (event) => {
          if (streamId) ctx.emit('stream:chunk', { streamId, ...event });
        });
      } finally {
        if (streamId) running.delete(streamId);
      }
    },
    'drafts:cancel': ({ streamId }) => {
      const controller = running.get(streamId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'drafts:validate': ({ documentId, provider }, ctx) => drafting.validate(documentId, callContext(ctx, provider)),
    'drafts:check': (input, ctx) => drafting.check(input, callContext(ctx)),
    'documents:list': ({ candidateId }) => repos.documents.list(candidateId),
    'documents:get': ({ id }) => repos.documents.get(id),
    'documents:dependents': ({ id }) => edits.dependents('document', id),
    'documents:import': (input, ctx) => importDocument(repos, input, ctx.session.userId),
    'documents:rename': ({ id, name }, ctx) => edits.renameDocument(id, name, actor(ctx)),
    'documents:delete': ({ id }, ctx) => edits.delete('document', id, actor(ctx)),
    'documents:validation': ({ documentId }) => {
      repos.documents.get(documentId);
      return repos.validations.latest(documentId);
    },
    'documents:autosave': ({ id, text }) => drafting.autosave(id, text),
    'documents:save-version': ({ id, text }) => drafting.saveVersion(id, text),
    'documents:restore': ({ id, version }) => drafting.restore(id, version),
    'documents:export': async ({ documentId, format }) => {
      const file = await drafting.export(documentId, format);
      return { fileName: file.fileName, mediaType: file.mediaType, dataBase64: file.data.toString('base64') };
    },
  };
}
