import QRCode from 'qrcode';
import type { Handlers } from './ipc/handlers';
import type { Core } from './core';
import { actorOf, type Enrolment } from './admin/admin-service';
import { toDto } from './providers/config-service';
import { APP_VERSION } from './version';

async function withQr(enrolment: Enrolment) {
  return { ...enrolment, qrSvg: await QRCode.toString(enrolment.otpauthUri, { type: 'svg', margin: 1 }) };
}

/** Thin handlers: parse is done by dispatch, rules live in the services. */
export function createHandlers(core: Omit<Core, 'dispatch' | 'handlers'>): Handlers {
  const { providers, providerCalls, admin, audit } = core.services;
  return {
    'app:info': (_input, ctx) => ({
      name: 'Aditus',
      version: APP_VERSION,
      host: ctx.session.host,
      dataDir: core.dataDir,
      schemaVersion: core.schemaVersion(),
      secretsBackend: core.secrets.backend,
      role: ctx.role,
      platform: process.platform,
    }),
    'providers:list': () => providers.list().map(toDto),
    'providers:create': async ({ config, apiKey }, ctx) =>
      toDto(await providers.create(config, apiKey, actorOf(ctx.session))),
    'providers:update': async ({ name, patch, apiKey }, ctx) =>
      toDto(await providers.update(name, patch, apiKey, actorOf(ctx.session))),
    'providers:remove': async ({ name }, ctx) => ({ removed: await providers.remove(name, actorOf(ctx.session)) }),
    'providers:test': ({ name }, ctx) => providerCalls.testCredentials(name, actorOf(ctx.session)),
    'providers:models': ({ name }) => providerCalls.listModels(name),
    'admin:status': (_input, ctx) => admin.status(ctx.session),
    'admin:setup': async ({ password }, ctx) => withQr(await admin.setup(password, ctx.session)),
    'admin:unlock': ({ password, code }, ctx) => admin.unlock(password, code, ctx.session),
    'admin:lock': (_input, ctx) => admin.lock(ctx.session),
    'admin:change-password': async ({ currentPassword, newPassword }, ctx) => {
      await admin.changePassword(currentPassword, newPassword, ctx.session);
      return { changed: true as const };
    },
    'admin:reenrol-totp': async ({ password }, ctx) => withQr(await admin.reenrolTotp(password, ctx.session)),
    'audit:list': (input) => audit.list(input),
    'audit:verify': () => audit.verify(),
  };
}
