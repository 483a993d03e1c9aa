import type { ActingUser } from '@contract';
import { actorOf } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import type { Session } from '../session';
import type { UserQuotas } from '../routing/user-quotas';
import { userDto, type UserDirectory } from '../usage/users/user-directory';

export interface UserHandlerDeps {
  directory: UserDirectory;
  quotas: UserQuotas;
  /** The OS user: the default profile. */
  osUser: () => string;
  /** Commits queued usage events first, so the use shown agrees with the ledger. */
  commitUsage: () => void;
}

/** `users:*`: the users the admin manages, their use against their quotas, and the profile a session acts as. */
export function userHandlers(deps: UserHandlerDeps): FeatureHandlers<DomainChannel<'users'>> {
  const { directory } = deps;
  const acting = (session: Session): ActingUser => ({
    name: session.userId,
    osUser: deps.osUser(),
    implicit: !directory.isManaged(),
  });
  return {
    'users:list': () => directory.list().map(userDto),
    'users:add': (input, ctx) => userDto(directory.add(input, actorOf(ctx.session))),
    'users:update': ({ name, patch }, ctx) => userDto(directory.update(name, patch, actorOf(ctx.session))),
    'users:remove': ({ name }, ctx) => {
      directory.remove(name, actorOf(ctx.session));
      return { removed: true };
    },
    'users:quotas': () => {
      deps.commitUsage();
      return deps.quotas.use();
    },
    'users:acting': (_input, ctx) => acting(ctx.session),
    'users:choose': ({ name }, ctx) => {
      // The OS user may act as the implicit user while the list is empty; any other name must be in it.
      if (name !== deps.osUser() || directory.isManaged()) directory.get(name);
      ctx.session.userId = name;
      return acting(ctx.session);
    },
  };
}
