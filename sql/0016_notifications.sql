-- The outbox of the control loop: every message to a person is a row here first, written in
-- the transaction of whatever causes it (or by the daily reminder pass), and delivered by a
-- sender afterwards. `dedup_key` makes queueing idempotent: a reminder is one row per kind,
-- assignment, day and recipient, however often the pass runs and however many instances run it.
CREATE TABLE notifications (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind            text NOT NULL CHECK (kind IN ('due_soon', 'overdue', 'report_returned', 'report_accepted',
                                                  'extension_decided', 'new_work', 'digest', 'escalation')),
    recipient_id    uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
    recipient_email text NOT NULL CHECK (recipient_email <> ''),
    assignment_id   uuid REFERENCES assignments (id) ON DELETE CASCADE,
    subject         text NOT NULL CHECK (subject <> ''),
    body_text       text NOT NULL,
    dedup_key       text NOT NULL,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT notifications_dedup_key UNIQUE (dedup_key)
);
CREATE INDEX notifications_queued_idx ON notifications (next_attempt_at) WHERE status = 'queued';
CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at);
COMMENT ON TABLE notifications IS 'Outbox: messages to people, queued in the transaction that causes them, delivered once by a sender.';

-- The committee's reminder rule (ReminderRule): days before a deadline, and how often overdue
-- work is chased.
INSERT INTO settings (key, value) VALUES ('reminder_days_before', '7,1'), ('reminder_overdue_every', '7')
    ON CONFLICT (key) DO NOTHING;
