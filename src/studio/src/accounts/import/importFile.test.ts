import { describe, expect, it } from 'vitest';
import { csvRowEstimate, errorsCsv, fileSize, importFormat } from './importFile';

describe('import files', () => {
  it('knows CSV, JSON and NDJSON by extension, in any case', () => {
    expect(importFormat('hubspot-export.CSV')?.contentType).toBe('text/csv');
    expect(importFormat('accounts.json')?.contentType).toBe('application/json');
    expect(importFormat('stream.jsonl')?.label).toBe('NDJSON');
    expect(importFormat('accounts.xlsx')).toBeNull();
    expect(importFormat('README')).toBeNull();
  });

  it('estimates CSV rows without the header and blank lines', () => {
    expect(csvRowEstimate('id,name\r\n1,A\r\n2,B\r\n\r\n')).toBe(2);
    expect(csvRowEstimate('')).toBe(0);
  });

  it('writes sizes people read', () => {
    expect([fileSize(512), fileSize(2048), fileSize(5 * 1024 * 1024)]).toEqual(['512 bytes', '2.0 KB', '5.0 MB']);
  });

  it('writes the rejected rows as CSV, quoting commas and quotes', () => {
    const csv = errorsCsv({ errors: [{ row: 11, column: 'Number of Employees', message: "'lots' is not a whole number" },
      { row: 3, column: null, message: 'name is required, "Company" is empty' }] });

    expect(csv).toBe('row,column,message\n11,Number of Employees,\'lots\' is not a whole number\n3,,"name is required, ""Company"" is empty"\n');
  });
});
