-- The index of assignments by status and due day (#16). No page or endpoint needs it: the one
-- list filtered by a status (GET /v1/assignments?status=…) is ordered by due day and id and
-- reads assignments_due_id_idx until its page is full, and the open-work queries have partial
-- indexes of their own. PostgreSQL still used it, wrongly, beside the index of a school's open
-- work in «Мои сроки» (28,732 entries read to keep 32 rows). Every assignment an import adds
-- and every change of status paid for its upkeep: 0.6 s of an import of 500,000.
DROP INDEX assignments_status_idx;
