import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useUsagePageCode } from './usage-page-code';
import { useAheadDashboardWait } from './use-ahead-dashboard-wait';

/**
 * The Usage page once its code is there (usually already: it is loaded ahead) and the data asked for on the
 * link's press has arrived (or a short wait is over: then the page shows its placeholders until it lands).
 */
export function UsagePageLoader() {
  const { Page, error } = useUsagePageCode();
  const waiting = useAheadDashboardWait();
  if (Page && !waiting) return <Page />;
  if (error) return <ErrorAlert title="Could not load the Usage page" message={error} />;
  return <LoadingBlock label="Loading usage…" />;
}
