import { type Kysely, sql } from 'kysely';

// Work items (MSG-5): contacts that did not come as live calls (e-mail, web form, fax, voicemail,
// failed callbacks) queued for agents; one row per (channel, source_ref) so a redelivered mail or
// a resubmitted event is added once; an append-only history refused by refuse_history_change().
// SMS subscriptions (MSG-2 手机短信定制): the current choice per (phone, category); category 'all'
// with subscribed = false is the opt-out (退订) of every bulk SMS.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE work_items (
      id serial PRIMARY KEY,
      channel text NOT NULL CHECK (channel IN ('voicemail', 'email', 'web_form', 'fax', 'callback')),
      source_ref text NOT NULL,
      from_address text NOT NULL,
      from_name text,
      contact_phone text,
      contact_email text,
      subject text NOT NULL,
      body text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]',
      customer_id integer REFERENCES customers(id) ON DELETE SET NULL,
      skill_group_id integer REFERENCES skill_groups(id) ON DELETE SET NULL,
      state text NOT NULL DEFAULT 'new'
        CHECK (state IN ('new', 'taken', 'resolved', 'converted', 'spam')),
      taken_by integer REFERENCES staff(id),
      taken_at timestamptz,
      closed_by integer REFERENCES staff(id),
      closed_at timestamptz,
      ticket_id integer REFERENCES tickets(id),
      source_ip text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (channel, source_ref)
    );
    CREATE INDEX work_items_state ON work_items (state, channel, id);
    CREATE INDEX work_items_form_ip ON work_items (source_ip, created_at) WHERE channel = 'web_form';

    CREATE TABLE work_item_events (
      id bigserial PRIMARY KEY,
      work_item_id integer NOT NULL REFERENCES work_items(id),
      at timestamptz NOT NULL,
      actor_id integer REFERENCES staff(id),
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      note text
    );
    CREATE INDEX work_item_events_item ON work_item_events (work_item_id, id);
    CREATE TRIGGER work_item_events_append_only BEFORE UPDATE OR DELETE ON work_item_events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

    CREATE TABLE sms_subscriptions (
      phone text NOT NULL,
      category text NOT NULL CHECK (category IN ('all', 'activity', 'news', 'billing')),
      subscribed boolean NOT NULL,
      source text NOT NULL CHECK (source IN ('agent', 'sms_reply', 'web', 'import')),
      changed_by integer REFERENCES staff(id),
      at timestamptz NOT NULL,
      PRIMARY KEY (phone, category)
    );
    CREATE INDEX sms_subscriptions_category ON sms_subscriptions (category, subscribed);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE sms_subscriptions, work_item_events, work_items;`.execute(db);
}
