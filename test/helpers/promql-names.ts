import { parser } from '@prometheus-io/lezer-promql';

/** The metric names and label names one PromQL expression uses, read from its parse tree. */
export interface PromqlNames {
  /** Metric names of the vector selectors, e.g. `ai_provider_latency_ms_bucket`. */
  metrics: string[];
  /** Label names in selectors (`{status="error"}`), per the metric they select. */
  matcherLabels: { metric: string; label: string }[];
  /** Label names of `by`, `without`, `on`, `ignoring` and `group_left/right` clauses. */
  groupingLabels: string[];
  /** Parse errors (an expression Prometheus would refuse), as offsets. */
  errors: number[];
}

/** Grafana's interval variables are not PromQL: replace them by a duration before parsing. */
export function withoutGrafanaIntervals(expr: string): string {
  return expr.replace(/\$__(rate_interval|interval|range)\b|\$\{__(rate_interval|interval|range)\}/gu, '5m');
}

export function promqlNames(expr: string): PromqlNames {
  const names: PromqlNames = { metrics: [], matcherLabels: [], groupingLabels: [], errors: [] };
  const text = (from: number, to: number) => expr.slice(from, to);
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) names.errors.push(node.from);
      if (node.name === 'VectorSelector') {
        const selector = node.node;
        const metric = selector.getChild('Identifier');
        const metricName = metric ? text(metric.from, metric.to) : '';
        if (metricName) names.metrics.push(metricName);
        for (const matcher of selector.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
          const label = matcher.getChild('LabelName');
          if (label) names.matcherLabels.push({ metric: metricName, label: text(label.from, label.to) });
        }
        return false;
      }
      if (node.name === 'GroupingLabels')
        for (const label of node.node.getChildren('LabelName')) names.groupingLabels.push(text(label.from, label.to));
      return undefined;
    },
  });
  return names;
}

/** A Prometheus text exposition read back: each series name (`x_bucket` too) with the label names its samples carry. */
export function servedSeries(exposition: string): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const line of exposition.split('\n')) {
    const declared = /^# TYPE (\S+) (\S+)/u.exec(line);
    if (declared) {
      const [, name = '', type] = declared;
      const suffixes =
        type === 'histogram' ? ['_bucket', '_sum', '_count'] : type === 'summary' ? ['', '_sum', '_count'] : [''];
      for (const suffix of suffixes) series.set(name + suffix, series.get(name + suffix) ?? new Set());
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? \S+/u.exec(line);
    if (!sample) continue;
    const [, name = '', labels = ''] = sample;
    const set = series.get(name) ?? new Set<string>();
    for (const [, label] of labels.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"/gu)) if (label) set.add(label);
    series.set(name, set);
  }
  return series;
}
