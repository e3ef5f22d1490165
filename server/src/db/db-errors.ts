// PostgreSQL error codes the application turns into domain errors.
type PgError = { code?: unknown; constraint?: unknown };

export function isUniqueViolation(err: unknown): boolean {
  return (err as PgError)?.code === '23505';
}

export function isForeignKeyViolation(err: unknown): boolean {
  return (err as PgError)?.code === '23503';
}

// Which request field a unique constraint guards, so a duplicate is reported on that field.
const UNIQUE_FIELDS: Record<string, string> = {
  staff_employee_no_key: 'employeeNo',
  staff_employee_no_lower: 'employeeNo',
  staff_extension_id_key: 'extensionId',
  areas_code_key: 'code',
  areas_name_key: 'name',
  departments_code_key: 'code',
  departments_name_key: 'name',
  skill_groups_code_key: 'code',
  skill_groups_name_key: 'name',
  extensions_number_key: 'number',
};

export function uniqueViolationField(err: unknown): string | undefined {
  const constraint = (err as PgError)?.constraint;
  return typeof constraint === 'string' ? UNIQUE_FIELDS[constraint] : undefined;
}
