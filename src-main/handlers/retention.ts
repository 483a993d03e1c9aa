import { actorOf } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { Session } from '../session';
import type { PurgeOptions, RetentionService } from '../settings/retention-service';

/**
 * Only the CLI may rewrite a database that predates incremental auto-vacuum (a VACUUM blocks writers while
 * it runs); the desktop app and the web host return space in steps or leave it for reuse.
 */
const purgeOptions = (session: Session): PurgeOptions => ({ allowVacuum: session.host === 'cli' });

/** `retention:*`: how long history is kept, what that frees, and the purge (admin). */
export function retentionHandlers({
  retention,
}: {
  retention: RetentionService;
}): FeatureHandlers<DomainChannel<'retention'>> {
  return {
    'retention:status': () => retention.status(),
    'retention:estimate': (settings) => retention.estimate(settings),
    'retention:set': (settings, ctx) => retention.set(settings, actorOf(ctx.session), purgeOptions(ctx.session)),
    'retention:purge': (_input, ctx) => retention.purge(actorOf(ctx.session), purgeOptions(ctx.session)),
  };
}
