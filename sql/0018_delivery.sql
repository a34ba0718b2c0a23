-- Delivering the outbox (the control loop, part 2). A sender claims a queued message for a
-- while (`lease_until`), hands it to the SMTP server and marks it sent. A sender killed in
-- between leaves the message `sending` with its lease running out; another sender then
-- reclaims it and counts the reclaim (`reclaims`): that message may reach its reader twice.
-- Messages a reader wants in the daily digest wait as `held` until the digest takes them
-- (`digest_id`); `digested` ones went out inside that digest.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'held', 'digested'));
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('due_soon', 'overdue', 'report_returned', 'report_accepted', 'extension_decided', 'new_work',
                    'review_digest', 'digest', 'escalation'));
ALTER TABLE notifications
    -- The page the message is about, as a path («/assignments/…»); the sender makes it absolute.
    ADD COLUMN link_path         text CHECK (link_path IS NULL OR link_path ~ '^/[^[:space:]]*$'),
    ADD COLUMN lease_until       timestamptz,
    ADD COLUMN claimed_by        text,
    ADD COLUMN reclaims          integer NOT NULL DEFAULT 0 CHECK (reclaims >= 0),
    ADD COLUMN digest_id         uuid REFERENCES notifications (id) ON DELETE SET NULL,
    -- The secret of the one-click unsubscribe link of this message (List-Unsubscribe).
    ADD COLUMN unsubscribe_token text NOT NULL DEFAULT encode(gen_random_bytes(18), 'hex') UNIQUE,
    ADD CONSTRAINT notifications_sending_has_lease CHECK (status <> 'sending' OR lease_until IS NOT NULL),
    ADD CONSTRAINT notifications_sent_has_time CHECK (status NOT IN ('sent', 'digested') OR sent_at IS NOT NULL);
CREATE INDEX notifications_sending_idx ON notifications (lease_until) WHERE status = 'sending';
CREATE INDEX notifications_held_idx ON notifications (recipient_id) WHERE status = 'held';
CREATE INDEX notifications_failed_idx ON notifications (created_at) WHERE status = 'failed';
COMMENT ON COLUMN notifications.reclaims IS 'Times a sender took this message over from a sender that stopped while sending it: each may be a duplicate.';

-- What each person wants of each kind: at once, in the daily digest, or nothing. No row
-- means at once.
CREATE TABLE notification_preferences (
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('due_soon', 'overdue', 'report_returned', 'report_accepted', 'extension_decided',
                                             'new_work', 'review_digest', 'escalation')),
    mode       text NOT NULL CHECK (mode IN ('now', 'digest', 'off')),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, kind)
);
