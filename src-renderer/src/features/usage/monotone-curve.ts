/**
 * A smooth curve through points that never overshoots them between two neighbours (monotone cubic
 * interpolation in x, Steffen's tangents, as d3-shape's `curveMonotoneX` that the charting library drew the
 * token areas with), as SVG path commands.
 */

export type CurvePoint = readonly [x: number, y: number];

const sign = (v: number): number => (v < 0 ? -1 : 1);

/** The tangent at `b` between its neighbours `a` and `c`. */
function innerTangent(a: CurvePoint, b: CurvePoint, c: CurvePoint): number {
  const h0 = b[0] - a[0];
  const h1 = c[0] - b[0];
  if (h0 === 0 || h1 === 0) return 0;
  const s0 = (b[1] - a[1]) / h0;
  const s1 = (c[1] - b[1]) / h1;
  const p = (s0 * h1 + s1 * h0) / (h0 + h1);
  return (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
}

/** The tangent at an end point `b` (`a` its one neighbour), from the neighbour's tangent `t`. */
function endTangent(a: CurvePoint, b: CurvePoint, t: number): number {
  const h = b[0] - a[0];
  return h ? ((3 * (b[1] - a[1])) / h - t) / 2 : t;
}

/**
 * The curve's path through `points` in their order (x increasing or decreasing): it starts with a move to the
 * first point, or with a line to it when `join` (to continue a path already drawn).
 */
export function monotonePath(points: readonly CurvePoint[], join = false): string {
  const first = points[0];
  if (!first) return '';
  let d = `${join ? 'L' : 'M'}${first[0]},${first[1]}`;
  const n = points.length;
  if (n === 2) return `${d}L${points[1]![0]},${points[1]![1]}`;
  if (n < 2) return d;
  const t = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) t[i] = innerTangent(points[i - 1]!, points[i]!, points[i + 1]!);
  t[0] = endTangent(points[1]!, points[0]!, t[1]!);
  t[n - 1] = endTangent(points[n - 2]!, points[n - 1]!, t[n - 2]!);
  for (let i = 0; i < n - 1; i++) {
    const [xa, ya] = points[i]!;
    const [xb, yb] = points[i + 1]!;
    const dx = (xb - xa) / 3;
    d += `C${xa + dx},${ya + dx * t[i]!} ${xb - dx},${yb - dx * t[i + 1]!} ${xb},${yb}`;
  }
  return d;
}
