import { describe, expect, it } from 'vitest';
import { addMonths, daysLeft } from './calendar.ts';
import { exportedColumns, subjectLinks } from './subject-links.ts';

describe('subject links', () => {
  it('[RIGHT-1] every table with an exported personal column says how its rows belong to a subject', () => {
    const orphans = subjectLinks()
      .filter((link) => exportedColumns(link).length > 0 && !link.idColumn)
      .map((link) => link.table);
    expect(orphans).toEqual([]);
  });

  it('finds the subject by users.id, user_id, subject_user_id and subject_id', () => {
    const byTable = new Map(subjectLinks().map((l) => [l.table, l.idColumn]));
    expect(byTable.get('users')).toBe('id');
    expect(byTable.get('sessions')).toBe('user_id');
    expect(byTable.get('outbox_message')).toBe('subject_user_id');
    expect(byTable.get('blob')).toBe('subject_id');
  });
});

describe('calendar month deadlines', () => {
  it('[RIGHT-4] one calendar month later, clamped to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addMonths(new Date('2026-03-15T00:00:00Z'), 1).toISOString()).toBe('2026-04-15T00:00:00.000Z');
    expect(addMonths(new Date('2026-12-20T00:00:00Z'), 2).toISOString()).toBe('2027-02-20T00:00:00.000Z');
    expect(daysLeft(new Date('2026-01-10T00:00:00Z'), new Date('2026-01-03T00:00:00Z'))).toBe(7);
    expect(daysLeft(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-03T00:00:00Z'))).toBe(-2);
  });
});
