import type { components } from '../../api/schema';

export type TemplateVariable = components['schemas']['TemplateVariable'];
export type TemplateField = components['schemas']['TemplateField'];

/** The variables whose fields match every word of the search (in the path, type, description or example), each with
 *  only its matching fields; a variable whose name or description matches keeps all of them. */
export function searchFields(variables: TemplateVariable[], query: string): TemplateVariable[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return variables;
  const matches = (text: string) => words.every((w) => text.toLowerCase().includes(w));
  return variables.flatMap((variable) => {
    if (matches(`${variable.name} ${variable.description}`)) return [variable];
    const fields = variable.fields.filter((f) => matches(`${f.path} ${f.path.replace(/_/g, ' ')} ${f.type} ${f.description} ${f.example}`));
    return fields.length ? [{ ...variable, fields }] : [];
  });
}

/** The fields in the order the panel lists them (Enter in the search box inserts the first). */
export function listedFields(variables: TemplateVariable[]): TemplateField[] {
  return variables.flatMap((v) => v.fields);
}
