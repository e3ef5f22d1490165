import type { FormInstance } from 'antd';
import { type ApiFieldError, fieldName } from '../../api/api-error.ts';

/**
 * Puts server field errors on the matching form fields. Returns the messages whose path matched
 * no field, so the caller can show them elsewhere (e.g. in an Alert).
 */
export function applyFieldErrors(
  form: FormInstance,
  fields: readonly ApiFieldError[],
  knownFields: readonly string[],
): string[] {
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const field of fields) {
    const name = fieldName(field.path);
    if (knownFields.includes(name)) {
      byField.set(name, [...(byField.get(name) ?? []), field.message]);
    } else {
      unmatched.push(field.message);
    }
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
