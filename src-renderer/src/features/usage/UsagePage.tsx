import { Button, Group, Loader, Stack } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RefreshIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../lib/use-call';
import { useNow } from '../../lib/use-now';
import { BudgetAlerts } from '../providers/BudgetAlerts';
import { KeyRotationAlert } from '../providers/KeyRotationAlert';
import { DateRangeControl } from './DateRangeControl';
import { ExportCsvButton } from './ExportCsvButton';
import { PricingNotice } from './PricingNotice';
import { ProviderHealthTable } from './ProviderHealthTable';
import { UsageEmptyState } from './UsageEmptyState';
import { UsageTotals } from './UsageTotals';
import { useDateRange } from './use-date-range';
import { useUsageData } from './use-usage-data';

const loadCharts = () => import('./UsageCharts');
let chartsLoading: ReturnType<typeof loadCharts> | null = null;
/** Starts loading the charts' code (the charting library) once; the page asks for its data meanwhile. */
export const preloadUsageCharts = () => (chartsLoading ??= loadCharts());
const UsageCharts = lazy(() => preloadUsageCharts().then((m) => ({ default: m.UsageCharts })));

/** Usage and cost dashboard (readable by recruiters): totals, charts, provider health, budget alerts. */
export function UsagePage() {
  const dates = useDateRange();
  const usage = useUsageData(dates.range);
  const providers = useCall('providers:list', {});
  const health = useCall('providers:health', {});
  const now = useNow(60_000);
  const configs = providers.data ?? [];
  const totals = usage.byProvider?.totals ?? null;
  useEffect(() => {
    void preloadUsageCharts();
  }, []);

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
      {totals && totals.calls === 0 && <UsageEmptyState />}
      {totals && totals.calls > 0 && (
        <>
          <Suspense fallback={<LoadingBlock label="Loading charts…" />}>
            <UsageCharts
              range={dates.range}
              byProviderDay={usage.byProviderDay?.groups ?? null}
              byDay={usage.byDay?.groups ?? null}
              byProvider={usage.byProvider?.groups ?? null}
              byTask={usage.byTask?.groups ?? null}
              byHourOfDay={usage.byHourOfDay?.groups ?? null}
              byUser={usage.byUser?.groups ?? null}
            />
          </Suspense>
          <ProviderHealthTable configs={configs} stats={usage.byProvider?.groups ?? []} health={health.data ?? []} />
        </>
      )}
    </Stack>
  );
}
