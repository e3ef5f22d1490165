import { type Kysely, sql } from 'kysely';

// Follow-up visits and outbound campaigns (FUP-1 … FUP-7). customer_services holds the products /
// services a customer bought with their service date, which the extraction rules look at. A task
// is unique per (rule, customer, service date): running a rule twice builds nothing new. Visits
// are the per-call forms (FUP-1), kept for the logs.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_services (
      id serial PRIMARY KEY,
      customer_id integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
      category text NOT NULL CHECK (char_length(category) BETWEEN 1 AND 40),
      service_date date NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX customer_services_date ON customer_services (service_date);

    CREATE TABLE follow_up_categories (
      id serial PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 30),
      builtin boolean NOT NULL DEFAULT false
    );
    -- FUP-2: the three categories every installation has; admins add their own.
    INSERT INTO follow_up_categories (name, builtin)
      VALUES ('产品使用前回访', true), ('产品使用后回访', true), ('未接通', true);

    CREATE TABLE follow_up_groups (
      id serial PRIMARY KEY,
      name text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 40),
      created_at timestamptz NOT NULL
    );
    CREATE TABLE follow_up_group_members (
      group_id integer NOT NULL REFERENCES follow_up_groups(id) ON DELETE CASCADE,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('member', 'lead')),
      PRIMARY KEY (group_id, staff_id, role)
    );

    CREATE TABLE follow_up_rules (
      id serial PRIMARY KEY,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
      purpose text NOT NULL CHECK (purpose IN ('follow_up', 'survey', 'promotion', 'arrears_reminder')),
      category_id integer NOT NULL REFERENCES follow_up_categories(id),
      days_after_service integer NOT NULL CHECK (days_after_service BETWEEN -365 AND 365),
      service_category text,
      area_id integer REFERENCES areas(id) ON DELETE SET NULL,
      min_vip_level integer CHECK (min_vip_level BETWEEN 0 AND 5),
      group_id integer NOT NULL REFERENCES follow_up_groups(id),
      deadline_days integer NOT NULL CHECK (deadline_days BETWEEN 1 AND 60),
      active boolean NOT NULL DEFAULT true,
      script text NOT NULL DEFAULT '',
      call_from text NOT NULL,
      call_to text NOT NULL,
      retry_hours integer NOT NULL,
      max_attempts integer NOT NULL,
      last_run_on date,
      created_by integer REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (call_from < call_to)
    );

    CREATE TABLE follow_up_do_not_call (
      phone text PRIMARY KEY CHECK (phone ~ '^[0-9]{3,20}$'),
      reason text NOT NULL DEFAULT '',
      created_by integer REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE follow_up_tasks (
      id serial PRIMARY KEY,
      rule_id integer NOT NULL REFERENCES follow_up_rules(id),
      customer_id integer NOT NULL REFERENCES customers(id),
      service_id integer NOT NULL REFERENCES customer_services(id) ON DELETE CASCADE,
      service_date date NOT NULL,
      category_id integer NOT NULL REFERENCES follow_up_categories(id),
      group_id integer NOT NULL REFERENCES follow_up_groups(id),
      assignee_id integer NOT NULL REFERENCES staff(id),
      phone text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'done', 'refused', 'unreachable')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      deadline_at timestamptz NOT NULL,
      overdue_warned_at timestamptz,
      created_at timestamptz NOT NULL,
      closed_at timestamptz,
      UNIQUE (rule_id, customer_id, service_date)
    );
    CREATE INDEX follow_up_tasks_assignee ON follow_up_tasks (assignee_id, status);
    CREATE INDEX follow_up_tasks_open_deadline ON follow_up_tasks (deadline_at) WHERE status = 'open';

    CREATE TABLE follow_up_visits (
      id serial PRIMARY KEY,
      task_id integer NOT NULL REFERENCES follow_up_tasks(id) ON DELETE CASCADE,
      staff_id integer NOT NULL REFERENCES staff(id),
      at timestamptz NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('done', 'not_reached', 'refused')),
      phone text NOT NULL DEFAULT '',
      card_no text NOT NULL DEFAULT '',
      name text NOT NULL DEFAULT '',
      gender text NOT NULL DEFAULT 'unknown',
      channels jsonb NOT NULL DEFAULT '[]',
      gift_willing boolean,
      result text NOT NULL DEFAULT '',
      notes text NOT NULL DEFAULT ''
    );
    CREATE INDEX follow_up_visits_at ON follow_up_visits (at);
    CREATE INDEX follow_up_visits_task ON follow_up_visits (task_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE follow_up_visits, follow_up_tasks, follow_up_do_not_call, follow_up_rules,
      follow_up_group_members, follow_up_groups, follow_up_categories, customer_services;
  `.execute(db);
}
