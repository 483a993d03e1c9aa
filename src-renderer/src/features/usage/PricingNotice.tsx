import { Alert } from '@mantine/core';
import type { StatsRowDto } from '@contract';
import { plural } from '../../lib/format';

/** Says plainly when costs are incomplete (unpriced models) or tokens estimated (provider sent no usage). */
export function PricingNotice({ totals }: { totals: StatsRowDto }) {
  if (totals.unpricedCalls === 0 && totals.estimatedCalls === 0) return null;
  return (
    <Alert color="orange" title="Some usage is unpriced or estimated">
      {totals.unpricedCalls > 0 &&
        `${plural(totals.unpricedCalls, 'call')} used a model with no price: not in the cost totals (add a price in Admin → Pricing). `}
      {totals.estimatedCalls > 0 &&
        `${plural(totals.estimatedCalls, 'call')} came back without token counts: tokens estimated from the text.`}
    </Alert>
  );
}
