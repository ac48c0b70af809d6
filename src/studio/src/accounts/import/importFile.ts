import type { ImportReport } from '../types';

/** The formats POST /api/accounts reads, told apart by the file's extension (docs/import.md). */
export interface ImportFormat {
  label: string;
  contentType: string;
}

const formats: Record<string, ImportFormat> = {
  csv: { label: 'CSV', contentType: 'text/csv' },
  json: { label: 'JSON', contentType: 'application/json' },
  ndjson: { label: 'NDJSON', contentType: 'application/x-ndjson' },
  jsonl: { label: 'NDJSON', contentType: 'application/x-ndjson' },
};

export const acceptedExtensions = ['.csv', '.json', '.ndjson', '.jsonl'];

/** The format of a file by its name, or null for a file the import does not read. */
export function importFormat(fileName: string): ImportFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (extension && formats[extension]) || null;
}

/** Rows in a CSV file (lines after the header that hold something); a hint before the upload, not the count that
 *  matters (quoted line breaks make a row span lines, and the server's report counts what it read). */
export function csvRowEstimate(text: string): number {
  return Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1);
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The report's rejected rows as a CSV to fix them in a spreadsheet: row, column, message, quoted where needed. */
export function errorsCsv(report: ImportReport): string {
  const quote = (value: string | number | null | undefined) => {
    const text = value == null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = (report.errors ?? []).map((e) => [e.row, e.column, e.message].map(quote).join(','));
  return ['row,column,message', ...lines].join('\n') + '\n';
}

/** A small file in the shape of a CRM export, to start from. */
export const sampleCsv = [
  'Record ID,Company name,Company Domain Name,Industry,Number of Employees,Annual Revenue,Country/Region,Primary Segment,Lifecycle Stage',
  '9001,Acme Analytics,acme-analytics.com,Software,420,$38M,Germany,Mid-Market SaaS,Lead',
  '9002,Northwind Freight,northwind.example,Logistics,1200,$210M,United States,Enterprise Logistics,Customer',
].join('\n') + '\n';
