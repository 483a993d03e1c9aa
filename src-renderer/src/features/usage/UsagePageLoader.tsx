import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useUsagePageCode } from './usage-page-code';

/** The Usage page once its code is there (usually already: it is loaded ahead). */
export function UsagePageLoader() {
  const { Page, error } = useUsagePageCode();
  if (Page) return <Page />;
  if (error) return <ErrorAlert title="Could not load the Usage page" message={error} />;
  return <LoadingBlock label="Loading usage…" />;
}
