import type { StoredValidationDto, ValidationReport } from '@contract';
import type { Clock } from '../../clock';
import type { DatabaseHandle } from '../../db/client';

/** Every validation of a document, newest last; the latest is what the document's validation shows. */
export class ValidationReportsRepo {
  constructor(
    private readonly store: DatabaseHandle,
    private readonly clock: Clock,
  ) {}

  save(
    documentId: string,
    report: ValidationReport,
    by: { providerName: string | null; requestId: string | null },
  ): StoredValidationDto {
    const createdAt = this.clock.now();
    this.store.sqlite
      .prepare(
        'INSERT INTO validation_reports (document_id, report, provider_name, request_id, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(documentId, JSON.stringify(report), by.providerName, by.requestId, createdAt);
    return { documentId, report, providerName: by.providerName, createdAt };
  }

  latest(documentId: string): StoredValidationDto | null {
    const row = this.store.sqlite
      .prepare(
        'SELECT report, provider_name AS providerName, created_at AS createdAt FROM validation_reports WHERE document_id = ? ORDER BY id DESC LIMIT 1',
      )
      .get(documentId) as { report: string; providerName: string | null; createdAt: number } | undefined;
    return row
      ? {
          documentId,
          report: JSON.parse(row.report) as ValidationReport,
          providerName: row.providerName,
          createdAt: row.createdAt,
        }
      : null;
  }
}
