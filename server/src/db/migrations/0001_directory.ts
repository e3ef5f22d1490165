import { type Kysely, sql } from 'kysely';

// Directory (PLAT-3): areas, departments, skill groups with access codes, extensions, staff.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE areas (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE departments (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL UNIQUE,
      supervisor_id integer,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE skill_groups (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL UNIQUE,
      is_comprehensive boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE skill_group_access_codes (
      skill_group_id integer NOT NULL REFERENCES skill_groups(id) ON DELETE CASCADE,
      access_code text NOT NULL,
      PRIMARY KEY (skill_group_id, access_code)
    );
    CREATE INDEX skill_group_access_codes_code ON skill_group_access_codes (access_code);
    CREATE TABLE extensions (
      id serial PRIMARY KEY,
      number text NOT NULL UNIQUE,
      area_id integer REFERENCES areas(id),
      remark text,
      created_at timestamptz NOT NULL
    );
    CREATE TABLE staff (
      id serial PRIMARY KEY,
      employee_no text NOT NULL UNIQUE,
      name text NOT NULL,
      gender text NOT NULL CHECK (gender IN ('male', 'female', 'unknown')),
      phone text,
      department_id integer REFERENCES departments(id),
      area_id integer REFERENCES areas(id),
      extension_id integer UNIQUE REFERENCES extensions(id),
      password_hash text NOT NULL,
      must_change_password boolean NOT NULL DEFAULT true,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX staff_employee_no_lower ON staff (lower(employee_no));
    CREATE INDEX staff_department ON staff (department_id);
    ALTER TABLE departments ADD CONSTRAINT departments_supervisor_fk
      FOREIGN KEY (supervisor_id) REFERENCES staff(id) ON DELETE SET NULL;
    CREATE TABLE staff_roles (
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('agent', 'team_lead', 'duty_lead', 'qa', 'admin',
        'data_maintenance', 'dept_supervisor', 'dept_handler')),
      PRIMARY KEY (staff_id, role)
    );
    CREATE TABLE staff_skills (
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      skill_group_id integer NOT NULL REFERENCES skill_groups(id) ON DELETE CASCADE,
      level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
      PRIMARY KEY (staff_id, skill_group_id)
    );
    CREATE TABLE settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE settings, staff_skills, staff_roles;
    ALTER TABLE departments DROP CONSTRAINT departments_supervisor_fk;
    DROP TABLE staff, extensions, skill_group_access_codes, skill_groups, departments, areas;
  `.execute(db);
}
