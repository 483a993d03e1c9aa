import { actorOf } from '../admin/admin-service';
import type { FeatureHandlers } from '../ipc/handlers';
import type { ProviderTransfer } from '../transfer/provider-transfer';

/** The channels that move provider configs, prices and settings to another laptop. */
export type ProviderTransferChannel = 'providers:export' | 'providers:import-preview' | 'providers:import';

export interface ProviderTransferHandlerServices {
  transfer: ProviderTransfer;
  /** Puts imported settings into effect (durability, metrics exporter). */
  applyRuntimeSettings: () => Promise<void>;
}

/** `providers:export`, `providers:import-preview`, `providers:import` (admin). */
export function providerTransferHandlers({
  transfer,
  applyRuntimeSettings,
}: ProviderTransferHandlerServices): FeatureHandlers<ProviderTransferChannel> {
  return {
    'providers:export': ({ passphrase }, ctx) => transfer.export(passphrase, actorOf(ctx.session)),
    'providers:import-preview': (input) => transfer.preview(input),
    'providers:import': async (input, ctx) => {
      const { plan, settingsChanged } = await transfer.import(input, actorOf(ctx.session));
      if (settingsChanged) await applyRuntimeSettings();
      return plan;
    },
  };
}
