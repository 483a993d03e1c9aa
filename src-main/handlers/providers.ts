import { actorOf } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import { toDto, type ProviderConfigService } from '../providers/config-service';
import type { ConfigTester } from '../providers/config-test';
import type { ConfiguredProviders } from '../providers/configured-providers';
import type { Budgets } from '../routing/budgets';
import type { CircuitBreakers } from '../routing/circuit-breaker';
import { microsToUsd } from '../usage/money';
import type { PricingService } from '../usage/pricing';
import type { HealthChannel } from './health';
import type { ProviderTransferChannel } from './provider-transfer';

export interface ProviderHandlerServices {
  providers: ProviderConfigService;
  configuredProviders: ConfiguredProviders;
  configTester: ConfigTester;
  budgets: Budgets;
  breakers: CircuitBreakers;
  pricing: PricingService;
}

/** `providers:*` but the transfer ones (provider-transfer.ts): provider configs (admin), their credentials and models, and their health. */
export function providerHandlers({
  providers,
  configuredProviders,
  configTester,
  budgets,
  breakers,
  pricing,
}: ProviderHandlerServices): FeatureHandlers<
  Exclude<DomainChannel<'providers'>, ProviderTransferChannel | HealthChannel>
> {
  return {
    'providers:list': () => providers.list().map(toDto),
    'providers:create': async ({ config, apiKey }, ctx) =>
      toDto(await providers.create(config, apiKey, actorOf(ctx.session))),
    'providers:update': async ({ name, patch, apiKey }, ctx) =>
      toDto(await providers.update(name, patch, apiKey, actorOf(ctx.session))),
    'providers:remove': async ({ name }, ctx) => ({ removed: await providers.remove(name, actorOf(ctx.session)) }),
    'providers:test': ({ name }, ctx) => configuredProviders.testCredentials(name, actorOf(ctx.session)),
    'providers:get': ({ name }) => toDto(providers.getByName(name)),
    'providers:test-config': ({ connection, apiKey, storedKeyOf }, ctx) =>
      configTester.test({ connection, apiKey, storedKeyOf }, actorOf(ctx.session)),
    'providers:models': ({ name }) => configuredProviders.listModels(name),
    'providers:health': () =>
      providers.list().map((row) => {
        const used = budgets.usage(row.id);
        return {
          name: row.name,
          circuit: breakers.state(row.id),
          recentFailures: breakers.consecutiveFailures(row.id),
          dayTokens: used.dayTokens,
          monthTokens: used.monthTokens,
          dayCostUsd: microsToUsd(used.dayCostMicros),
          monthCostUsd: microsToUsd(used.monthCostMicros),
          priced: pricing.priceFor(row.model) !== null,
        };
      }),
  };
}
