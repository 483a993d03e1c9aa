import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { adminSession } from '../../helpers/admin';
import { promqlNames, servedSeries, withoutGrafanaIntervals } from '../../helpers/promql-names';
import { closedPort, prompt, routingWorld, type RoutingWorld } from '../../helpers/routing';

const ROOT = join(__dirname, '../../..');
const ALERTS = 'ops/prometheus/aditus-alerts.yml';
const DASHBOARD = 'ops/grafana/aditus-dashboard.json';

/** What Prometheus itself adds: the `up` series of each scrape, and the target labels on every series. */
const SCRAPE_SERIES = new Map([['up', new Set<string>()]]);
const TARGET_LABELS = ['job', 'instance'];

interface Query {
  where: string;
  expr: string;
}

function alertQueries(): Query[] {
  const file = parseYaml(readFileSync(join(ROOT, ALERTS), 'utf8')) as {
    groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
  };
  return file.groups.flatMap((g) =>
    g.rules.map((r) => ({ where: `${ALERTS} ${r.alert ?? r.record ?? '?'}`, expr: String(r.expr) })),
  );
}

interface Panel {
  title: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}

function dashboardQueries(): { queries: Query[]; variables: { where: string; metric: string; label: string }[] } {
  const dashboard = JSON.parse(readFileSync(join(ROOT, DASHBOARD), 'utf8')) as {
    panels: Panel[];
    templating: { list: { name: string; type: string; query: unknown }[] };
  };
  const flat = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...flat(p.panels ?? [])]);
  const queries = flat(dashboard.panels).flatMap((p) =>
    (p.targets ?? []).map((t) => ({ where: `${DASHBOARD} "${p.title}"`, expr: withoutGrafanaIntervals(t.expr ?? '') })),
  );
  const variables = dashboard.templating.list
    .filter((v) => v.type === 'query')
    .map((v) => {
      const query = typeof v.query === 'string' ? v.query : (v.query as { query: string }).query;
      const [, metric = '', label = ''] =
        /^label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,\s*(\w+)\s*\)$/u.exec(query) ?? [];
      return { where: `${DASHBOARD} variable ${v.name}: ${query}`, metric, label };
    });
  return { queries, variables };
}

/** Every name in the expression that the exporter (or the scrape) does not serve, as readable problems. */
function unknownNames(q: Query, served: Map<string, Set<string>>): string[] {
  const names = promqlNames(q.expr);
  const problems = names.errors.map((at) => `${q.where}: PromQL does not parse at ${at}`);
  const labelsOf = (metric: string) => served.get(metric) ?? SCRAPE_SERIES.get(metric);
  for (const metric of names.metrics)
    if (!labelsOf(metric)) problems.push(`${q.where}: metric ${metric} is not served`);
  for (const { metric, label } of names.matcherLabels)
    if (labelsOf(metric) && !labelsOf(metric)?.has(label) && !TARGET_LABELS.includes(label))
      problems.push(`${q.where}: ${metric} has no label ${label}`);
  const inExpression = new Set(names.metrics.flatMap((m) => [...(labelsOf(m) ?? [])]));
  for (const label of names.groupingLabels)
    if (!inExpression.has(label) && !TARGET_LABELS.includes(label))
      problems.push(`${q.where}: no metric in the expression has label ${label}`);
  if (names.metrics.length === 0) problems.push(`${q.where}: uses no metric`);
  return problems;
}

// The exporter a team scrapes, started through the app's own setting on a data folder with real calls in it
// (an answered call, failed ones that open the circuit), so its samples carry every label they can carry.
describe('the Grafana dashboard and Prometheus alerts in ops/', () => {
  let w: RoutingWorld;
  let served: Map<string, Set<string>>;

  beforeAll(async () => {
    w = await routingWorld(1);
    await w.addProvider('oa', w.emulators[0]!, { model: 'gpt-4o-mini' });
    w.emulators[0]!.pushReplies({ text: 'fine', usage: { input: 1_000, output: 100 } });
    await w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt('One') });
    w.emulators[0]!.pushFaults({ status: 503, times: 100 });
    for (const text of ['Two', 'Three'])
      await w.core.services.router.route({ task: 'cv_draft', userId: 'ana', request: prompt(text) }).catch(() => null);
    await w.committed();

    const { session } = await adminSession(w);
    const port = await closedPort();
    const on = await w.core.dispatch('settings:set', { metricsExporter: { enabled: true, port } }, session);
    expect(on.ok).toBe(true);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    served = servedSeries(await response.text());
  });
  afterAll(() => w.close());

  it('the exporter serves the ai_provider_* families with their labels (what the files are checked against)', () => {
    expect(served.get('ai_provider_api_calls_total')).toEqual(new Set(['provider_type', 'task_type', 'status']));
    expect(served.get('ai_provider_latency_ms_bucket')).toEqual(new Set(['provider_type', 'task_type', 'le']));
    expect(served.get('ai_provider_errors_total')).toEqual(new Set(['provider_type', 'error_class']));
    expect(served.get('ai_provider_circuit_state')).toEqual(new Set(['provider']));
  });

  it('every alert rule parses and uses only metrics and labels the exporter serves', () => {
    const queries = alertQueries();
    expect(queries.map((q) => q.where)).toEqual(
      expect.arrayContaining([
        `${ALERTS} AditusExporterDown`,
        `${ALERTS} AditusProviderErrorRatioHigh`,
        `${ALERTS} AditusCircuitOpen`,
        `${ALERTS} AditusLatencyP95High`,
      ]),
    );
    expect(queries.flatMap((q) => unknownNames(q, served))).toEqual([]);
  });

  it('every dashboard query and variable uses only metrics and labels the exporter serves', () => {
    const { queries, variables } = dashboardQueries();
    expect(queries.length).toBeGreaterThanOrEqual(10);
    expect(queries.flatMap((q) => unknownNames(q, served))).toEqual([]);
    expect(variables).toHaveLength(2);
    for (const v of variables) expect(served.get(v.metric), v.where).toContain(v.label);
  });

  it('a rule with a metric or label the exporter does not serve is reported', () => {
    const bad = (expr: string) => unknownNames({ where: 'rule', expr }, served);
    expect(bad('rate(ai_provider_requests_total[5m]) > 0')).toEqual([
      'rule: metric ai_provider_requests_total is not served',
    ]);
    expect(bad('ai_provider_budget_used_ratio > 0.8')).toEqual([
      'rule: metric ai_provider_budget_used_ratio is not served',
    ]);
    expect(bad('ai_provider_tokens_total{task_type="cv_draft"}')).toEqual([
      'rule: ai_provider_tokens_total has no label task_type',
    ]);
    expect(bad('sum by (model) (ai_provider_cost_usd_total)')).toEqual([
      'rule: no metric in the expression has label model',
    ]);
    expect(bad('ai_provider_latency_ms > 1')).toEqual(['rule: metric ai_provider_latency_ms is not served']);
  });
});
