import type { PriceDto } from '@contract';
import { actorOf } from '../admin/admin-service';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';
import { microsToUsd } from '../usage/money';
import type { Price, PricingService } from '../usage/pricing';

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

/** `prices:*`: the versioned price table (admins edit it). */
export function priceHandlers({ pricing }: { pricing: PricingService }): FeatureHandlers<DomainChannel<'prices'>> {
  return {
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
  };
}
