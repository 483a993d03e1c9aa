import { formatDateTime, formatInteger, formatUsd } from '@shared/display-format';
import type { BudgetDenial } from './budgets';

const LIMITS = {
  daily_tokens: { what: 'daily token', period: 'today' },
  monthly_tokens: { what: 'monthly token', period: 'this month' },
  daily_cost: { what: 'daily cost', period: 'today' },
  monthly_cost: { what: 'monthly cost', period: 'this month' },
} as const;

/** The parts of a refusal's sentence, in tokens or dollars as the limit counts: a config's budget or a user's quota. */
export interface DenialText {
  /** "daily token limit", "monthly cost quota". */
  name: string;
  /** "3,602 of 6,000 used today". */
  use: string;
  /** "may use up to 5,300 tokens", "may cost up to $0.12". */
  call: string;
  /** " (1,200 of it held by calls in progress)", or nothing. */
  held: string;
  /** "resets 04 Dec 2026, 00:00:00". */
  resets: string;
}

export function denialText(denial: BudgetDenial, noun: 'limit' | 'quota'): DenialText {
  const { what, period } = LIMITS[denial.limit];
  const cost = denial.limit === 'daily_cost' || denial.limit === 'monthly_cost';
  const amount = (n: number) => (cost ? formatUsd(n / 1e6) : formatInteger(n));
  return {
    name: `${what} ${noun}`,
    use: `${amount(denial.used)} of ${amount(denial.max)} used ${period}`,
    call: cost ? `may cost up to ${amount(denial.call)}` : `may use up to ${amount(denial.call)} tokens`,
    held: denial.held > 0 ? ` (${amount(denial.held)} of it held by calls in progress)` : '',
    resets: `resets ${formatDateTime(denial.resetsAt)}`,
  };
}
