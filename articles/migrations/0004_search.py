"""French full-text search on PostgreSQL: unaccent, a French configuration, a trigger, a GIN index.

`search_vector` is filled by a trigger rather than by `save()`, so that every write keeps it
current: the admin, the importer, `QuerySet.update()`, `bulk_create()` and raw SQL alike.
Title weighs most (A), then standfirst and interviewee (B), then the body (C).

On SQLite the column exists but stays empty: articles.search answers there with an
accent-folded fallback, and every PostgreSQL-only operation below does nothing.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIGURATION = """
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
"""

TRIGGER = """
CREATE FUNCTION articles_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('french_unaccent',
                     coalesce(NEW.standfirst, '') || ' ' || coalesce(NEW.interviewee, '')), 'B')
        || setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C');
    RETURN NEW;
END
$$;
CREATE TRIGGER articles_article_search_vector_update
    BEFORE INSERT OR UPDATE OF title, standfirst, interviewee, body ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
UPDATE articles_article SET title = title;
CREATE INDEX articles_article_search_idx ON articles_article USING gin (search_vector);
"""

REVERSE = """
DROP INDEX IF EXISTS articles_article_search_idx;
DROP TRIGGER IF EXISTS articles_article_search_vector_update ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector();
DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;
"""


def postgres_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_load_thesaurus_and_furniture")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        UnaccentExtension(),
        migrations.RunPython(postgres_only(CONFIGURATION + TRIGGER), postgres_only(REVERSE)),
    ]
