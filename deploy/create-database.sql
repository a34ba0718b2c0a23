-- Run once as a PostgreSQL superuser on the database server, then point DATABASE_URL at it.
-- The service role owns its schema; `roadmapctl migrate` (or `serve`) creates the tables.
-- pgcrypto and btree_gist come with postgresql-contrib; creating them needs a superuser
-- on PostgreSQL 12 (they are trusted extensions from 13 on), hence they are created here.
-- CREATEROLE lets `roadmapctl analyst grant` create analysts' read-only logins in the
-- group role roadmap_analyst (created here, and by the migration 0003_analytics.sql when
-- it is missing).
CREATE ROLE roadmap LOGIN CREATEROLE PASSWORD 'CHANGE-ME';
CREATE ROLE roadmap_analyst NOLOGIN;
GRANT roadmap_analyst TO roadmap WITH ADMIN OPTION;
CREATE DATABASE roadmap OWNER roadmap ENCODING 'UTF8' TEMPLATE template0;
\connect roadmap
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS btree_gist;
