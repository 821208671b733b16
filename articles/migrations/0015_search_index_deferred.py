"""PostgreSQL: a bulk write may index its articles once, when its bylines and taggings are in.

An imported run of files inserted its articles (each one's vector computed from its text),
then its bylines, then its taggings, whose statement triggers (migration 0011) wrote every
article again with its names: three versions of each row, the full vector entered three times in
the GIN index, most of an import's time on PostgreSQL (66 s for 10,000 files).

Inside a transaction, `SET LOCAL encontact.search_index = 'deferred'` (see
articles.importing.writer.indexing) now lets a bulk writer say "I index these articles myself":
new articles are inserted without a vector, the bylines' and taggings' triggers do nothing, and
the writer calls `articles_article_index(ids)` once its links are in, which gives each article
its names and, through the vector's trigger (no old vector: the text is parsed), its whole
vector in one update. Every other write (the admin, merges, raw SQL) is indexed as before: the
setting is off unless a writer sets it, and it ends with the transaction at the latest.

SQLite keeps its row triggers (migrations 0006 and 0011): each is a few index entries there.
"""

import importlib

from django.db import migrations

search_context = importlib.import_module("articles.migrations.0011_search_context")

DEFERRED = "current_setting('encontact.search_index', true) = 'deferred'"

# Migration 0011's vector, left empty for articles inserted while the index is deferred.
VECTOR_FORWARD = f"""
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    context tsvector;
    same_text boolean := false;
BEGIN
    IF TG_OP = 'INSERT' AND {DEFERRED} THEN
        RETURN NEW;
    END IF;
    context := setweight(to_tsvector('french_unaccent', concat_ws(' ',
        NEW.search_context,
        (SELECT name FROM articles_section WHERE id = NEW.section_id),
        (SELECT title FROM articles_issue WHERE id = NEW.issue_id))), 'D');
    IF TG_OP = 'UPDATE' THEN
        same_text := OLD.search_vector IS NOT NULL
            AND NEW.title IS NOT DISTINCT FROM OLD.title
            AND NEW.standfirst IS NOT DISTINCT FROM OLD.standfirst
            AND NEW.interviewee IS NOT DISTINCT FROM OLD.interviewee
            AND NEW.body IS NOT DISTINCT FROM OLD.body;
    END IF;
    IF same_text THEN
        NEW.search_vector := ts_filter(OLD.search_vector, '{{a,b,c}}') || context;
    ELSE
        NEW.search_vector :=
            setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('french_unaccent',
                         coalesce(NEW.standfirst, '') || ' ' || coalesce(NEW.interviewee, '')), 'B')
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C')
            || context;
    END IF;
    RETURN NEW;
END
$$;
"""

LINKS_FORWARD = """
CREATE OR REPLACE FUNCTION {table}_search_context() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF {deferred} THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM articles_article_refresh_names(ARRAY(SELECT DISTINCT {column} FROM new_rows));
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM articles_article_refresh_names(ARRAY(SELECT DISTINCT {column} FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;
"""

LINKS_BACKWARD = """
CREATE OR REPLACE FUNCTION {table}_search_context() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM articles_article_refresh_names(ARRAY(SELECT DISTINCT {column} FROM new_rows));
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM articles_article_refresh_names(ARRAY(SELECT DISTINCT {column} FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;
"""

# Every listed article written once: its names, and its whole vector when it has none yet.
INDEX = """
CREATE FUNCTION articles_article_index(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE articles_article SET search_context = articles_article_names(id) WHERE id = ANY(ids)
$$;
"""


FORWARD = "\n".join(
    [
        VECTOR_FORWARD,
        *(
            LINKS_FORWARD.format(table=table, column=column, deferred=DEFERRED)
            for table, column in search_context.LINKS
        ),
        INDEX,
    ]
)

BACKWARD = "\n".join(
    [
        "DROP FUNCTION IF EXISTS articles_article_index(bigint[]);",
        *(
            LINKS_BACKWARD.format(table=table, column=column)
            for table, column in search_context.LINKS
        ),
        # Migration 0011's function again (its text up to the trigger, which stays as it is).
        search_context.PG_VECTOR.split("DROP TRIGGER")[0],
    ]
)


class Migration(migrations.Migration):
    dependencies = [("articles", "0014_archive_counts")]

    operations = [
        migrations.RunPython(
            search_context.run_on("postgresql", [FORWARD]),
            search_context.run_on("postgresql", [BACKWARD]),
        ),
    ]
