"""Full-text search on SQLite: SQLite's own FTS5 index of the articles' text, kept by triggers.

An external-content FTS5 table over title, standfirst, interviewee and body, tokenized with
`unicode61 remove_diacritics 2` (accents and case folded), filled from the existing rows and
kept current by triggers, so that every write counts: the admin, the importer, `update()`,
`bulk_create()` and raw SQL alike. articles.search reads it through `ArticleFullText`.

On PostgreSQL (migration 0004's search vector serves there) only the unmanaged model's state is
added. SQLite drops a table's triggers when Django rebuilds that table (some `AlterField`s do):
a later migration that rebuilds articles_article must run this one's SQL again;
tests/site/test_search.py fails if the index stops following the articles.
"""

import django.db.models.deletion
from django.db import migrations, models

import articles.models

# `id` is the article's id again, unindexed: joined on it rather than on the rowid, the index
# is always read first, once, by its MATCH (joined on the rowid, SQLite may instead run the
# MATCH once per article when its statistics are missing or stale: seconds instead of ms).
COLUMNS = "id, title, standfirst, interviewee, body"
NEW = "new.id, new.id, new.title, new.standfirst, new.interviewee, new.body"
OLD = "'delete', old.id, old.id, old.title, old.standfirst, old.interviewee, old.body"

CREATE = [
    """CREATE VIRTUAL TABLE articles_article_fts USING fts5(
        id UNINDEXED, title, standfirst, interviewee, body,
        content='articles_article', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER articles_article_fts_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO articles_article_fts(rowid, {COLUMNS}) VALUES ({NEW});
    END""",
    f"""CREATE TRIGGER articles_article_fts_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO articles_article_fts(articles_article_fts, rowid, {COLUMNS}) VALUES ({OLD});
    END""",
    f"""CREATE TRIGGER articles_article_fts_update
        AFTER UPDATE OF title, standfirst, interviewee, body ON articles_article BEGIN
        INSERT INTO articles_article_fts(articles_article_fts, rowid, {COLUMNS}) VALUES ({OLD});
        INSERT INTO articles_article_fts(rowid, {COLUMNS}) VALUES ({NEW});
    END""",
    "INSERT INTO articles_article_fts(articles_article_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS articles_article_fts_insert",
    "DROP TRIGGER IF EXISTS articles_article_fts_delete",
    "DROP TRIGGER IF EXISTS articles_article_fts_update",
    "DROP TABLE IF EXISTS articles_article_fts",
]


def sqlite_only(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_listing_order_index")]

    operations = [
        migrations.CreateModel(
            name="ArticleFullText",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_column="id",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="fulltext",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("document", articles.models.FullTextField(db_column="articles_article_fts")),
            ],
            options={
                "verbose_name": "index plein texte (SQLite)",
                "verbose_name_plural": "index plein texte (SQLite)",
                "db_table": "articles_article_fts",
                "managed": False,
            },
        ),
        migrations.RunPython(sqlite_only(CREATE), sqlite_only(DROP)),
    ]
