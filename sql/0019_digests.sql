-- The control loop's daily letters (DigestPass): work overdue by more than this many days
-- is listed in the coordinators' day and sent to the head of the school.
INSERT INTO settings (key, value) VALUES ('escalate_after_days', '14') ON CONFLICT (key) DO NOTHING;

-- The head of an organisation (директор, заведующий): escalations go to them.
ALTER TABLE users ADD COLUMN is_head boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN users.is_head IS 'The head of the user''s organisation: long-overdue work of the organisation is escalated to them.';

