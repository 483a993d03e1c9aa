import type { Clock } from '../clock';
import { immediate, type DatabaseHandle } from '../db/client';
import { AppError } from '../errors';
import type { AuditLog } from '../audit/audit-log';
import { MICROS_PER_USD, usdToMicros } from './money';
import { SHIPPED_PRICES } from './price-table';

export interface Price {
  model: string;
  version: number;
  /** Micro-dollars per million tokens. */
  inputMicrosPerMTok: number;
  outputMicrosPerMTok: number;
  cachedInputMicrosPerMTok: number | null;
  source: string;
  effectiveDate: string;
  createdBy: string;
}

/** Input tokens here include the cached ones (normalised in usage/normalise.ts). */
export interface BillableUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
}

/**
 * Exact cost in integer micro-dollars: tokens × (micro-dollars per million) / 1e6, rounded once at the end.
 * Cached input is billed at the cached rate (or the input rate where the vendor has none).
 */
export function costMicros(price: Price, usage: BillableUsage): number {
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const uncached = usage.inputTokens - cached;
  const numerator =
    uncached * price.inputMicrosPerMTok +
    cached * (price.cachedInputMicrosPerMTok ?? price.inputMicrosPerMTok) +
    usage.outputTokens * price.outputMicrosPerMTok;
  return Math.round(numerator / MICROS_PER_USD);
}

/** Versioned prices: every edit adds a version; usage rows record the version they were priced with. */
export class PricingService {
  private cache = new Map<string, Price | null>();

  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {
    this.seed();
  }

  private seed(): void {
    const count = (this.store.sqlite.prepare('SELECT count(*) AS n FROM prices').get() as { n: number }).n;
    if (count > 0) return;
    const insert = this.store.sqlite.prepare(
      `INSERT INTO prices (version, model, input_micros_per_mtok, output_micros_per_mtok, cached_input_micros_per_mtok,
        source, effective_date, created_at, created_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'shipped')`,
    );
    immediate(this.store.sqlite, () => {
      for (const p of SHIPPED_PRICES)
        insert.run(
          p.model,
          usdToMicros(p.input),
          usdToMicros(p.output),
          p.cachedInput === null ? null : usdToMicros(p.cachedInput),
          p.source,
          p.effectiveDate,
          this.clock.now(),
        );
    });
  }

  /** The current price of a model, or null ("unpriced"). Exact id first, then a dated variant's base id. */
  priceFor(model: string): Price | null {
    const cached = this.cache.get(model);
    if (cached !== undefined) return cached;
    const price = this.lookup(model) ?? this.lookup(model.replace(/-(\d{8}|\d{4}-\d{2}-\d{2}|latest|preview)$/u, ''));
    this.cache.set(model, price);
    return price;
  }

  private lookup(model: string): Price | null {
    const row = this.store.sqlite
      .prepare(
        `SELECT model, version, input_micros_per_mtok AS inputMicrosPerMTok, output_micros_per_mtok AS outputMicrosPerMTok,
          cached_input_micros_per_mtok AS cachedInputMicrosPerMTok, source, effective_date AS effectiveDate,
          created_by AS createdBy
         FROM prices WHERE model = ? ORDER BY version DESC LIMIT 1`,
      )
      .get(model) as Price | undefined;
    return row ?? null;
  }

  list(): Price[] {
    return this.store.sqlite
      .prepare(
        `SELECT p.model, p.version, p.input_micros_per_mtok AS inputMicrosPerMTok, p.output_micros_per_mtok AS outputMicrosPerMTok,
          p.cached_input_micros_per_mtok AS cachedInputMicrosPerMTok, p.source, p.effective_date AS effectiveDate,
          p.created_by AS createdBy
         FROM prices p JOIN (SELECT model, max(version) AS v FROM prices GROUP BY model) m
           ON m.model = p.model AND m.v = p.version ORDER BY p.model`,
      )
      .all() as Price[];
  }

  set(
    input: { model: string; inputUsd: number; outputUsd: number; cachedInputUsd: number | null; source?: string },
    actor: string,
  ): Price {
    if (![input.inputUsd, input.outputUsd, input.cachedInputUsd ?? 0].every((n) => Number.isFinite(n) && n >= 0))
      throw new AppError('invalid_input', 'Prices must be zero or positive numbers of USD per million tokens.');
    const before = this.lookup(input.model);
    const now = this.clock.now();
    immediate(this.store.sqlite, () => {
      this.store.sqlite
        .prepare(
          `INSERT INTO prices (version, model, input_micros_per_mtok, output_micros_per_mtok, cached_input_micros_per_mtok,
            source, effective_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          (before?.version ?? 0) + 1,
          input.model,
          usdToMicros(input.inputUsd),
          usdToMicros(input.outputUsd),
          input.cachedInputUsd === null ? null : usdToMicros(input.cachedInputUsd),
          input.source ?? 'admin',
          new Date(now).toISOString().slice(0, 10),
          now,
          actor,
        );
    });
    this.cache.clear();
    const after = this.lookup(input.model)!;
    this.audit.append({ actor, action: 'price.set', target: input.model, before, after });
    return after;
  }
}
