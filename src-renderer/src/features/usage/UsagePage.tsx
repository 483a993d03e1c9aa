import { Button, Group, Loader, SimpleGrid, Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RefreshIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCall } from '../../lib/use-call';
import { useNow } from '../../lib/use-now';
import { BudgetAlerts } from '../providers/BudgetAlerts';
import { KeyRotationAlert } from '../providers/KeyRotationAlert';
import { CallsByProviderChart } from './charts/CallsByProviderChart';
import { CostPerDayChart } from './charts/CostPerDayChart';
import { CostPerUserChart } from './charts/CostPerUserChart';
import { LatencyByProviderChart } from './charts/LatencyByProviderChart';
import { PeakHoursChart } from './charts/PeakHoursChart';
import { TaskDistributionChart } from './charts/TaskDistributionChart';
import { TokensPerDayChart } from './charts/TokensPerDayChart';
import { DateRangeControl } from './DateRangeControl';
import { ExportCsvButton } from './ExportCsvButton';
import { PricingNotice } from './PricingNotice';
import { ProviderHealthTable } from './ProviderHealthTable';
import { UsageEmptyState } from './UsageEmptyState';
import { UsageTotals } from './UsageTotals';
import { useDateRange } from './use-date-range';
import { useUsageData } from './use-usage-data';

/** Usage and cost dashboard (readable by recruiters): totals, charts, provider health, budget alerts. */
export function UsagePage() {
  const dates = useDateRange();
  const usage = useUsageData(dates.range);
  const providers = useCall('providers:list', {});
  const health = useCall('providers:health', {});
  const now = useNow(60_000);
  const configs = providers.data ?? [];
  const totals = usage.byProvider?.totals ?? null;

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
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <CostPerDayChart rows={usage.byProviderDay?.groups ?? []} range={dates.range} />
            <TokensPerDayChart rows={usage.byDay?.groups ?? []} range={dates.range} />
            <CallsByProviderChart rows={usage.byProvider?.groups ?? []} />
            <LatencyByProviderChart rows={usage.byProvider?.groups ?? []} />
            <TaskDistributionChart rows={usage.byTask?.groups ?? []} />
            <PeakHoursChart rows={usage.byHour?.groups ?? []} />
            <CostPerUserChart rows={usage.byUser?.groups ?? []} />
          </SimpleGrid>
          <ProviderHealthTable configs={configs} stats={usage.byProvider?.groups ?? []} health={health.data ?? []} />
        </>
      )}
    </Stack>
  );
}
