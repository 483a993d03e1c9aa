import type { OutputCheck } from '../../routing/types';
import type { JsonPrompt } from '../prompts/prompt';
import { buildRepairPrompt } from '../output/repair-prompt';
import type { ParseOutcome } from '../output/parse-json-output';

type Schema = JsonPrompt['jsonSchema'];

/**
 * Router output check for a JSON task: valid → ok; invalid → one repair turn (bad answer + issues). `schema`
 * may be a function: it is then called for the first repair only (a JSON Schema is not free to build).
 */
export function jsonOutputCheck<T>(parse: (text: string) => ParseOutcome<T>, schema: Schema | (() => Schema)) {
  return (text: string): OutputCheck => {
    const outcome = parse(text);
    if (outcome.ok) return { ok: true };
    const repair = buildRepairPrompt(text, outcome.error.issues, typeof schema === 'function' ? schema() : schema);
    return {
      ok: false,
      problem: `The answer did not match the schema: ${outcome.error.issues.slice(0, 3).join('; ')}`,
      repair: [
        { role: 'assistant', content: [{ type: 'text', text: text.slice(0, 20_000) }] },
        { role: 'user', content: [{ type: 'text', text: `${repair.system}\n\n${repair.userText}` }] },
      ],
    };
  };
}
