import type { DomainChannel, FeatureHandlers, HandlerContext } from '../ipc/handlers';
import type { DataPolicies } from '../routing/compliance/data-policies';

const actor = (ctx: HandlerContext): string => `${ctx.session.userId}@${ctx.session.host}`;

/** `policies:*`: which provider regions a task (admin) or a candidate's data (recruiter) may go to. */
export function policyHandlers({ policies }: { policies: DataPolicies }): FeatureHandlers<DomainChannel<'policies'>> {
  return {
    'policies:list': () => policies.list(),
    'policies:set-task': ({ task, allow }, ctx) => policies.set({ task }, allow, actor(ctx)),
    'policies:set-candidate': ({ candidateId, allow }, ctx) => policies.set({ candidateId }, allow, actor(ctx)),
  };
}
