import type { AuditLog } from '../audit/audit-log';
import type { DomainChannel, FeatureHandlers } from '../ipc/handlers';

/** `audit:*`: read and verify the hash-chained audit log. */
export function auditHandlers({ audit }: { audit: AuditLog }): FeatureHandlers<DomainChannel<'audit'>> {
  return {
    'audit:list': (input) => audit.list(input),
    'audit:verify': () => audit.verify(),
  };
}
