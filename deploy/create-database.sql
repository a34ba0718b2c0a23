-- Run once as a PostgreSQL superuser on the database server, then point DATABASE_URL at it.
-- The service role owns its schema; `roadmapctl migrate` (or `serve`) creates the tables.
-- pgcrypto and btree_gist come with postgresql-contrib; creating them needs a superuser
-- on PostgreSQL 12 (they are trusted extensions from 13 on), hence they are created here.
CREATE ROLE roadmap LOGIN PASSWORD 'CHANGE-ME';
CREATE DATABASE roadmap OWNER roadmap ENCODING 'UTF8' TEMPLATE template0;
\connect roadmap
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS btree_gist;
