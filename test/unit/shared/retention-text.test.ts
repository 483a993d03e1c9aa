import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  freedText,
  optionFreedText,
  optionRows,
  purgeText,
  ruleText,
} from '../../../src-preload/shared/retention-text';

describe('retention text (CLI and Settings card alike)', () => {
  it('writes sizes in 1,024 steps with one decimal from KB on', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1,023 bytes');
    expect(formatBytes(5530)).toBe('5.4 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });

  it('marks bytes as an estimate and says when nothing can or need be removed', () => {
    expect(freedText({ rows: 1, approxBytes: 200, blocked: null })).toBe('1 row, about 200 bytes (estimate)');
    expect(freedText({ rows: 1204, approxBytes: 98_304, blocked: null })).toBe('1,204 rows, about 96.0 KB (estimate)');
    expect(freedText({ rows: 0, approxBytes: 0, blocked: null })).toBe('nothing to remove now');
    expect(freedText({ rows: 3, approxBytes: 10, blocked: 'the keychain is locked' })).toBe(
      'nothing can be removed now: the keychain is locked',
    );
  });

  it('names each rule and the counts of a purge', () => {
    expect(ruleText('usageEventsDays', null)).toBe('kept forever (default)');
    expect(ruleText('auditDays', 1)).toBe('removed after 1 day');
    expect(ruleText('documentVersionsKeep', 3)).toBe('newest 3 versions per document kept (the latest always)');
    expect(purgeText({ usageEvents: 1, documentVersions: 0, auditEntries: 1 })).toBe(
      'Removed 1 usage event, 0 document versions and 1 audit entry.',
    );
  });

  it('counts the provider health history with the usage events window, and names it apart', () => {
    const none = { rows: 0, approxBytes: 0, blocked: null };
    const estimate = {
      usageEvents: { rows: 2, approxBytes: 100, blocked: null },
      providerHealth: { rows: 40, approxBytes: 2048, blocked: null },
      documentVersions: none,
      auditEntries: none,
    };
    expect(optionRows('usageEventsDays', estimate)).toBe(42);
    expect(optionRows('auditDays', estimate)).toBe(0);
    expect(optionFreedText('usageEventsDays', estimate)).toBe(
      '2 rows, about 100 bytes (estimate); provider health history: 40 rows, about 2.0 KB (estimate)',
    );
    expect(purgeText({ usageEvents: 12, providerHealth: 40, documentVersions: 0, auditEntries: 1 })).toBe(
      'Removed 12 usage events (and 40 provider health rows), 0 document versions and 1 audit entry.',
    );
  });
});
