import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { PriceDto } from '@contract';
import { microsToUsd } from './usage/money';
import type { Price } from './usage/pricing';
import type { Handlers } from './ipc/handlers';
import type { Core } from './core';
import { actorOf, type Enrolment } from './admin/admin-service';
import { toDto } from './providers/config-service';
import { APP_VERSION } from './version';
import { draftingHandlers } from './drafting/service/drafting-handlers';

async function withQr(enrolment: Enrolment) {
  return { ...enrolment, qrSvg: await QRCode.toString(enrolment.otpauthUri, { type: 'svg', margin: 1 }) };
}

const priceDto = (p: Price): PriceDto => ({
  model: p.model,
  version: p.version,
  inputUsdPerMTok: microsToUsd(p.inputMicrosPerMTok),
  outputUsdPerMTok: microsToUsd(p.outputMicrosPerMTok),
  cachedInputUsdPerMTok: p.cachedInputMicrosPerMTok === null ? null : microsToUsd(p.cachedInputMicrosPerMTok),
  source: p.source,
  effectiveDate: p.effectiveDate,
  createdBy: p.createdBy,
});

/** Thin handlers: parse is done by dispatch, rules live in the services. */
export function createHandlers(core: Omit<Core, 'dispatch' | 'handlers'>): Handlers {
  const {
    providers,
    configuredProviders,
    admin,
    audit,
    pricing,
    budgets,
    breakers,
    stats,
    usageEvents,
    router,
    outbox,
  } = core.services;
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
    'providers:test': ({ name }, ctx) => configuredProviders.testCredentials(name, actorOf(ctx.session)),
    'providers:models': ({ name }) => configuredProviders.listModels(name),
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
    'providers:health': () =>
      providers.list().map((row) => {
        const used = budgets.usage(row.id);
        return {
          name: row.name,
          circuit: breakers.state(row.id),
          dayTokens: used.dayTokens,
          monthTokens: used.monthTokens,
          monthCostUsd: microsToUsd(used.monthCostMicros),
        };
      }),
    'usage:stats': ({ from, to, by }) => stats.query({ from, to }, by),
    'usage:dashboard': ({ from, to }) => stats.dashboard({ from, to }),
    'usage:events': ({ limit }) => usageEvents.latest(limit),
    'usage:export': ({ format, from, to }) => ({
      filename: `aditus-usage-${new Date(core.clock.now()).toISOString().slice(0, 10)}.${format}`,
      content: usageEvents.export(format, from, to),
    }),
    'prices:list': () => pricing.list().map(priceDto),
    'prices:set': (input, ctx) =>
      priceDto(
        pricing.set(
          {
            model: input.model,
            inputUsd: input.inputUsdPerMTok,
            outputUsd: input.outputUsdPerMTok,
            cachedInputUsd: input.cachedInputUsdPerMTok,
          },
          actorOf(ctx.session),
        ),
      ),
    'ask:run': async ({ task, prompt, stream, provider }, ctx) => {
      const streamId = randomUUID();
      const answer = await router.route({
        task,
        userId: ctx.session.userId,
        request: { messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }] },
        ...(provider ? { providerName: provider } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(stream
          ? {
              onStream: (e) =>
                ctx.emit('stream:chunk', {
                  streamId,
                  type: e.type,
                  text: e.type === 'text' ? e.text : '',
                  ...(e.type === 'reset' ? { providerName: e.providerName } : {}),
                }),
            }
          : {}),
      });
      return {
        requestId: answer.requestId,
        text: answer.text,
        providerName: answer.providerName,
        model: answer.model,
        attempts: answer.attempts,
        usage: answer.usage,
        costUsd: answer.costUsd,
      };
    },
    'outbox:list': () => outbox.list(),
    'outbox:cancel': ({ id }) => ({ cancelled: outbox.cancel(id) }),
    'metrics:text': async () => ({ text: await core.services.metrics.text() }),
    'settings:get': () => core.services.settings.get(),
    'settings:set': async (patch, ctx) => {
      const saved = core.services.settings.set(patch, actorOf(ctx.session));
      await core.applyRuntimeSettings();
      return saved;
    },
    ...draftingHandlers(core.services.drafting),
  };
}
