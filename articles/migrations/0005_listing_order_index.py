"""Indexes in the exact order articles are listed: newest first, undated last, then by id.

Every public list asks for `status = 'published'` ordered by `published_at DESC NULLS LAST,
id DESC` (`ArticleQuerySet.newest_first()`). With the index in that order the database reads
the first page straight from it and stops after 20 rows, instead of sorting every published
article; the visibility test (`published_at <= now() OR published_at IS NULL`) is checked on the
way. The index of migration 0001 on (status, published_at) sorted nulls the other way.

The back office lists every article, whatever its status, in the same order: a second index
without the status serves its first page the same way.

SQLite refuses NULLS LAST in an index, but its DESC already puts NULLs last.
"""

from django.db import migrations

INDEXES = {
    "article_listing_idx": "status, published_at DESC{nulls}, id DESC",
    "article_ordering_idx": "published_at DESC{nulls}, id DESC",
}


def create_indexes(apps, schema_editor):
    nulls = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX {name} ON articles_article ({columns.format(nulls=nulls)})"
        )


def drop_indexes(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_search")]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_listing_idx"),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
