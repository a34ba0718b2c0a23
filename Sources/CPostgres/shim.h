#ifndef ROADMAP_CPOSTGRES_SHIM_H
#define ROADMAP_CPOSTGRES_SHIM_H

#include <libpq-fe.h>

// The PG_DIAG_* field codes are character-literal macros that Swift does not
// import; re-export them as constants so PostgresError can read each field.
static const int CPG_DIAG_SEVERITY = PG_DIAG_SEVERITY;
static const int CPG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int CPG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int CPG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int CPG_DIAG_MESSAGE_HINT = PG_DIAG_MESSAGE_HINT;
static const int CPG_DIAG_SCHEMA_NAME = PG_DIAG_SCHEMA_NAME;
static const int CPG_DIAG_TABLE_NAME = PG_DIAG_TABLE_NAME;
static const int CPG_DIAG_COLUMN_NAME = PG_DIAG_COLUMN_NAME;
static const int CPG_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME;

#endif
