import { Button, Group, Loader, Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RefreshIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useAfterPaint } from '../../lib/use-after-paint';
import { useCall } from '../../lib/use-call';
import { useNow } from '../../lib/use-now';
import { HealthHistoryChart } from '../health/HealthHistoryChart';
import { BudgetAlerts } from '../providers/BudgetAlerts';
import { KeyRotationAlert } from '../providers/KeyRotationAlert';
import { DateRangeControl } from './DateRangeControl';
import { ExportCsvButton } from './ExportCsvButton';
import { PricingNotice } from './PricingNotice';
import { ProviderHealthTable } from './ProviderHealthTable';
import { UserQuotasCard } from '../users/UserQuotasCard';
import { UsageCharts } from './UsageCharts';
import { UsageEmptyState, WIDEST_PRESET } from './UsageEmptyState';
import { UsageTotals } from './UsageTotals';
import { useDateRange } from './use-date-range';
import { useUsageData } from './use-usage-data';

/**
 * Usage and cost dashboard (readable by recruiters): totals, charts, provider health, budget alerts. Loaded
 * on demand with its charts (see usage-page-code.ts).
 */
export function UsagePage() {
  const dates = useDateRange();
  const usage = useUsageData(dates.range);
  const providers = useCall('providers:list', {});
  const health = useCall('providers:health', {});
  const healthHistory = useCall('providers:health-history', { from: dates.range.from, to: dates.range.to });
  const quotas = useCall('users:quotas', {});
  const now = useNow(60_000);
  const configs = providers.data ?? [];
  const totals = usage.data?.totals ?? null;
  // The charts' frames are laid out while the first answer loads, so their data draws at once when it lands;
  // they give way to the empty state when the range has no calls.
  const withCharts = totals ? totals.calls > 0 : usage.loading;
  // What sits under the charts (health table and timeline, quotas) renders once the charts are on screen,
  // not in their render pass: at the page's first draw they are below the fold.
  const belowCharts = useAfterPaint(usage.data !== null || usage.error !== null);
  const healthStats = belowCharts ? (usage.data?.byProvider ?? null) : null;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Usage"
        description="AI calls, tokens and cost from the usage log. Offline (built-in) drafting is free and not listed."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<RefreshIcon size={16} />}
              onClick={() => {
                usage.reload();
                providers.reload();
                health.reload();
                healthHistory.reload();
                quotas.reload();
              }}
            >
              Refresh
            </Button>
            <ExportCsvButton range={dates.range} />
          </>
        }
      />
      <Group gap="sm" align="center">
        <DateRangeControl
          preset={dates.preset}
          onPreset={dates.setPreset}
          customFrom={dates.customFrom}
          customTo={dates.customTo}
          onCustom={dates.setCustom}
          customError={dates.customError}
        />
        {usage.loading && <Loader size="sm" aria-label="Loading usage" />}
      </Group>
      <BudgetAlerts configs={configs} health={health.data ?? []} />
      <KeyRotationAlert configs={configs} now={now} />
      {usage.error && <ErrorAlert title="Could not load usage" message={usage.error} />}
      {!totals && usage.loading && <LoadingBlock label="Loading usage…" />}
      {totals && (
        <>
          <UsageTotals totals={totals} />
          <PricingNotice totals={totals} />
        </>
      )}
      {totals && totals.calls === 0 && (
        <UsageEmptyState
          hasProviders={configs.length > 0}
          range={{ from: usage.data?.from ?? dates.range.from, to: usage.data?.to ?? dates.range.to }}
          onWiden={dates.preset === WIDEST_PRESET ? null : () => dates.setPreset(WIDEST_PRESET)}
        />
      )}
      {withCharts && <UsageCharts data={usage.data} />}
      {totals && totals.calls > 0 && healthStats && (
        <ProviderHealthTable configs={configs} stats={healthStats} health={health.data ?? []} />
      )}
      {belowCharts && healthHistory.data && healthHistory.data.providers.length > 0 && (
        <HealthHistoryChart history={healthHistory.data} now={now} />
      )}
      {/* Last: it loads on its own and must not move the charts above once they are drawn. */}
      {belowCharts && quotas.data && quotas.data.length > 0 && <UserQuotasCard quotas={quotas.data} />}
    </Stack>
  );
}
