import type { FormInstance } from 'antd';
import { isApiRequestError } from '../../api/api-error.ts';

/**
 * Puts a failed save's server field errors on the form fields, matched by the path's first
 * segment (`targetIds.0` → `targetIds`, `skills.1.level` → `skills`). Returns the message to show
 * above the form: the server's overall message plus any field it could not place.
 */
export function showServerErrors(
  form: FormInstance,
  error: unknown,
  knownFields: readonly string[],
  /** Server field → form field, where one form control holds several (validFrom → validity). */
  aliases: Record<string, string> = {},
): string {
  if (!isApiRequestError(error)) return error instanceof Error ? error.message : String(error);
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const f of error.fields) {
    const first = f.path.split('.')[0] ?? f.path;
    const name = aliases[first] ?? first;
    if (knownFields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), f.message]);
    else unplaced.push(`${f.path}: ${f.message}`);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return [error.message, ...unplaced].join('；');
}
