import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/client';
import type { providerConfigs } from '../db/schema';

/** A provider_configs row as the app sees it: booleans as booleans, `tasks` parsed. */
export type ProviderConfigRow = typeof providerConfigs.$inferSelect;

/** What a new row holds; `key_invalid` and `temperature` take their column defaults. */
export type NewProviderConfigRow = Omit<ProviderConfigRow, 'keyInvalid' | 'temperature'>;

/** The columns an update writes: those present (null included) change, the others are left alone. */
export type ProviderConfigChanges = Partial<Omit<ProviderConfigRow, 'id' | 'createdAt'>> & { updatedAt: number };

type Field = keyof ProviderConfigRow;
type DriverValue = string | number | null;
type Params = Record<string, DriverValue>;

/** Every column, in the schema's order (which is also the order of a row's keys). */
const COLUMNS = {
  id: 'id',
  name: 'name',
  kind: 'kind',
  model: 'model',
  baseUrl: 'base_url',
  keyRef: 'key_ref',
  keyHint: 'key_hint',
  keySetAt: 'key_set_at',
  keyInvalid: 'key_invalid',
  tasks: 'tasks',
  priority: 'priority',
  isDefault: 'is_default',
  active: 'active',
  dailyTokenLimit: 'daily_token_limit',
  monthlyTokenLimit: 'monthly_token_limit',
  monthlyCostLimitMicros: 'monthly_cost_limit_micros',
  onLimit: 'on_limit',
  timeoutMs: 'timeout_ms',
  maxOutputTokens: 'max_output_tokens',
  temperature: 'temperature',
  region: 'region',
  dataRetention: 'data_retention',
  personalData: 'personal_data',
  piiMasking: 'pii_masking',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const satisfies Record<Field, string>;

const FIELDS = Object.keys(COLUMNS) as Field[];
const BOOLEAN_FIELDS = new Set<Field>(['keyInvalid', 'isDefault', 'active', 'personalData', 'piiMasking']);
const INSERT_FIELDS = FIELDS.filter((f) => f !== 'keyInvalid' && f !== 'temperature');

const SELECT = `SELECT ${FIELDS.map((f) => `${COLUMNS[f]} AS ${f}`).join(', ')} FROM provider_configs`;

/** How SQLite stores the row: booleans as 0/1, tasks as a JSON array. */
type StoredRow = Omit<
  ProviderConfigRow,
  'keyInvalid' | 'isDefault' | 'active' | 'tasks' | 'personalData' | 'piiMasking'
> & {
  keyInvalid: number;
  personalData: number;
  piiMasking: number;
  isDefault: number;
  active: number;
  tasks: string;
};

const fromStored = (row: StoredRow): ProviderConfigRow => ({
  ...row,
  keyInvalid: row.keyInvalid === 1,
  tasks: JSON.parse(row.tasks) as string[],
  isDefault: row.isDefault === 1,
  active: row.active === 1,
  personalData: row.personalData === 1,
  piiMasking: row.piiMasking === 1,
});

function toStored(field: Field, value: ProviderConfigRow[Field]): DriverValue {
  if (BOOLEAN_FIELDS.has(field)) return value ? 1 : 0;
  if (field === 'tasks') return JSON.stringify(value);
  return value as DriverValue;
}

function namedParams(fields: readonly Field[], values: Partial<ProviderConfigRow>): Params {
  return Object.fromEntries(fields.map((f) => [f, toStored(f, values[f] as ProviderConfigRow[Field])]));
}

/** The provider_configs table. Statements are prepared once; an update's is prepared once per set of columns. */
export class ProviderConfigRepo {
  private readonly selectAll: Statement<[], StoredRow>;
  private readonly selectByName: Statement<[string], StoredRow>;
  private readonly selectById: Statement<[string], StoredRow>;
  private readonly insertRow: Statement<[Params]>;
  private readonly deleteRow: Statement<[string]>;
  /** `sqlite.pragma()` would prepare a new statement on every call. */
  private readonly dataVersionQuery: Statement<[], number>;
  private readonly updates = new Map<string, Statement<[Params]>>();

  constructor(private readonly sqlite: Sqlite) {
    this.selectAll = sqlite.prepare<[], StoredRow>(`${SELECT} ORDER BY priority, name`);
    this.selectByName = sqlite.prepare<[string], StoredRow>(`${SELECT} WHERE name = ?`);
    this.selectById = sqlite.prepare<[string], StoredRow>(`${SELECT} WHERE id = ?`);
    this.insertRow = sqlite.prepare<[Params]>(
      `INSERT INTO provider_configs (${INSERT_FIELDS.map((f) => COLUMNS[f]).join(', ')})
       VALUES (${INSERT_FIELDS.map((f) => `@${f}`).join(', ')})`,
    );
    this.deleteRow = sqlite.prepare<[string]>('DELETE FROM provider_configs WHERE id = ?');
    this.dataVersionQuery = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** By priority, then name. */
  list(): ProviderConfigRow[] {
    return this.selectAll.all().map(fromStored);
  }

  findByName(name: string): ProviderConfigRow | undefined {
    const row = this.selectByName.get(name);
    return row && fromStored(row);
  }

  findById(id: string): ProviderConfigRow | undefined {
    const row = this.selectById.get(id);
    return row && fromStored(row);
  }

  insert(row: NewProviderConfigRow): void {
    this.insertRow.run(namedParams(INSERT_FIELDS, row));
  }

  update(id: string, changes: ProviderConfigChanges): void {
    const fields = FIELDS.filter((f) => f !== 'id' && f !== 'createdAt' && changes[f] !== undefined);
    const key = fields.join(',');
    let statement = this.updates.get(key);
    if (!statement) {
      statement = this.sqlite.prepare<[Params]>(
        `UPDATE provider_configs SET ${fields.map((f) => `${COLUMNS[f]} = @${f}`).join(', ')} WHERE id = @id`,
      );
      this.updates.set(key, statement);
    }
    statement.run({ ...namedParams(fields, changes), id });
  }

  delete(id: string): void {
    this.deleteRow.run(id);
  }

  /** Changes whenever another connection commits to the database (PRAGMA data_version). */
  dataVersion(): number {
    return this.dataVersionQuery.get()!;
  }
}
