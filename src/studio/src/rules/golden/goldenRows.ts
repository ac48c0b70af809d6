import type { components } from '../../api/schema';

export type GoldenRunReport = components['schemas']['GoldenRunReport'];
export type GoldenCaseResult = components['schemas']['GoldenCaseResult'];

export type RowStatus = 'pass' | 'fail' | 'unchecked';

/** One line of a case's comparison: what the case expects next to what the rules give. */
export interface ComparisonRow {
  part: string;
  expected: string;
  actual: string;
  status: RowStatus;
  note?: string;
}

const NOT_CHECKED = 'not checked';

/** 85 → "85", 35.456 → "35.46". */
export function num(n: number): string {
  return String(Number(n.toFixed(2)));
}

function status(checked: boolean, passed: boolean): RowStatus {
  return !checked ? 'unchecked' : passed ? 'pass' : 'fail';
}

/** Tier, composite, every component, triggers: the rows of a case's expected-versus-actual table. */
export function comparisonRows(result: GoldenCaseResult): ComparisonRow[] {
  const { tier, composite, triggers } = result;
  const rows: ComparisonRow[] = [{
    part: 'Tier',
    expected: tier.expected ?? NOT_CHECKED,
    actual: tier.actual,
    status: status(tier.expected != null, tier.passed),
    note: tier.scoreTier !== tier.actual ? `${tier.scoreTier} by score, then a trigger` : undefined,
  }];
  const compositeExpected = [
    composite.expected != null ? `= ${num(composite.expected)}` : null,
    composite.atLeast != null ? `≥ ${num(composite.atLeast)}` : null,
    composite.below != null ? `< ${num(composite.below)}` : null,
  ].filter((p): p is string => p !== null);
  rows.push({
    part: 'Composite',
    expected: compositeExpected.length ? compositeExpected.join(' and ') : NOT_CHECKED,
    actual: num(composite.actual),
    status: status(compositeExpected.length > 0, composite.passed),
  });
  for (const c of result.components) {
    rows.push({ part: c.component, expected: c.expected != null ? num(c.expected) : NOT_CHECKED, actual: num(c.actual), status: status(c.expected != null, c.passed) });
  }
  const list = (names: string[]) => (names.length ? names.join(', ') : 'none');
  const differences = [
    triggers.missing.length ? `did not fire: ${triggers.missing.join(', ')}` : null,
    triggers.unexpected.length ? `fired unexpectedly: ${triggers.unexpected.join(', ')}` : null,
  ].filter((p): p is string => p !== null);
  rows.push({
    part: 'Triggers',
    expected: triggers.expected ? list(triggers.expected) : NOT_CHECKED,
    actual: list(triggers.actual),
    status: status(triggers.expected != null, triggers.passed),
    note: differences.length ? differences.join('; ') : undefined,
  });
  return rows;
}

/** The cases grouped by file, files in the server's order; failing cases first within a file. */
export function casesByFile(cases: GoldenCaseResult[]): { file: string; cases: GoldenCaseResult[] }[] {
  const files = new Map<string, GoldenCaseResult[]>();
  for (const c of cases) files.set(c.file, [...(files.get(c.file) ?? []), c]);
  return [...files].map(([file, list]) => ({ file, cases: [...list].sort((a, b) => Number(a.passed) - Number(b.passed) || a.index - b.index) }));
}

/** "6 of 6 pass" / "1 of 6 fails" and whether everything passed (unreadable files count as failures). */
export function runSummary(report: GoldenRunReport): { text: string; ok: boolean } {
  const failing = report.failed + report.fileProblems.length;
  if (report.total === 0 && failing === 0) return { text: 'no cases', ok: true };
  if (failing === 0) return { text: `${report.passed} of ${report.total} pass`, ok: true };
  const files = report.fileProblems.length ? ` · ${report.fileProblems.length} unreadable file${report.fileProblems.length > 1 ? 's' : ''}` : '';
  return { text: `${report.failed} of ${report.total} fail${report.failed === 1 ? 's' : ''}${files}`, ok: false };
}

/** A file name for a pinned account: "Acme Corp." → "acme-corp" (letters, digits and dashes). */
export function suggestedFileName(accountName: string): string {
  const slug = accountName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return slug || 'pinned-account';
}
