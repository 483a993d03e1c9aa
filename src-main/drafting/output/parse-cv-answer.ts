import type { CandidateRecord } from '@contract';
import { recordEntryIds } from '../prompts/record-entry-ids';
import { cvAnswerSchema, type CvAnswer } from './cv-answer-schema';
import { InvalidOutputError } from './invalid-output-error';
import { parseJsonOutput, type ParseOutcome } from './parse-json-output';

/** What makes a schema-valid answer untraceable: no ids, unknown ids, a bullet under an entry it does not cite. */
export function cvAnswerIssues(answer: CvAnswer, record: CandidateRecord): string[] {
  const known = recordEntryIds(record);
  const issues: string[] = [];
  if (answer.entries.length === 0) issues.push('entries: the answer cites no record entry id');
  const seen = new Set<string>();
  answer.entries.forEach((entry, e) => {
    if (!known.has(entry.id)) issues.push(`entries.${e}.id: "${entry.id}" is not an id of the candidate record`);
    if (seen.has(entry.id)) issues.push(`entries.${e}.id: "${entry.id}" appears twice; give each entry once`);
    seen.add(entry.id);
    entry.bullets.forEach((bullet, b) => {
      const at = `entries.${e}.bullets.${b}.sourceIds`;
      if (bullet.sourceIds.length === 0) issues.push(`${at}: cites no record entry id`);
      for (const id of bullet.sourceIds) {
        if (!known.has(id)) issues.push(`${at}: "${id}" is not an id of the candidate record`);
        else if (id !== entry.id)
          issues.push(
            `${at}: cites "${id}" but sits under "${entry.id}"; a bullet stays under the entry it comes from`,
          );
      }
    });
  });
  const cited = new Set(answer.entries.map((e) => known.get(e.id)?.section));
  for (const { section } of known.values()) {
    if (!cited.has(section)) issues.push(`entries: no entry of the record's "${section}" section; keep every section`);
    cited.add(section);
  }
  return issues;
}

/** Parses the AI CV answer and checks every id against the record; never throws. */
export function parseCvAnswer(text: string, record: CandidateRecord): ParseOutcome<CvAnswer> {
  const outcome = parseJsonOutput(text, cvAnswerSchema);
  if (!outcome.ok) return outcome;
  const issues = cvAnswerIssues(outcome.value, record);
  return issues.length > 0 ? { ok: false, error: new InvalidOutputError(issues, text) } : outcome;
}
