"""Drop indexes that other indexes already cover, or that nothing reads.

- articles_article: `status` and `published_at` lead the listing indexes of migration 0005;
- bylines and tags: the article column leads unique_article_author and unique_article_tag;
- revisions: looked up by article and by slug (old addresses), never by status, date, review
  flag, issue or section.

Each index costs every write (an imported article updated a dozen of them) and the planner's
time on every query of the table. Only the indexes are dropped, by introspection (PostgreSQL
also has a `_like` twin for text columns): on SQLite, altering the fields would rebuild the
tables and lose the full-text triggers of migration 0006.
"""

import django.db.models.deletion
from django.db import migrations, models

UNINDEXED = {
    "articles_article": ["status", "published_at"],
    "articles_articleauthor": ["article_id"],
    "articles_taggedarticle": ["content_object_id"],
    "articles_historicalarticle": [
        "status",
        "published_at",
        "needs_review",
        "issue_id",
        "section_id",
    ],
}


def drop_indexes(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table, columns in UNINDEXED.items():
            constraints = connection.introspection.get_constraints(cursor, table)
            for name, details in constraints.items():
                plain = details["index"] and not (details["unique"] or details["primary_key"])
                if plain and len(details["columns"]) == 1 and details["columns"][0] in columns:
                    schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


def create_indexes(apps, schema_editor):
    for table, columns in UNINDEXED.items():
        for column in columns:
            name = schema_editor.quote_name(f"{table}_{column}_idx")
            schema_editor.execute(f"CREATE INDEX {name} ON {table} ({column})")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_sqlite_fulltext")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(drop_indexes, create_indexes)],
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="published_at",
                    field=models.DateTimeField(
                        blank=True,
                        help_text=(
                            "Pour qu'un article soit visible, il doit être publié et sa date de "
                            "publication passée. Une date future le programme."
                        ),
                        null=True,
                        verbose_name="date de publication",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="status",
                    field=models.CharField(
                        choices=[
                            ("draft", "Brouillon"),
                            ("review", "En relecture"),
                            ("published", "Publié"),
                            ("archived", "Archivé"),
                        ],
                        default="draft",
                        max_length=20,
                        verbose_name="statut",
                    ),
                ),
                migrations.AlterField(
                    model_name="articleauthor",
                    name="article",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bylines",
                        to="articles.article",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="issue",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.issue",
                        verbose_name="numéro",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="needs_review",
                    field=models.BooleanField(
                        default=False,
                        help_text="L'import avait des doutes : vérifiez puis marquez comme relu.",
                        verbose_name="à relire",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="published_at",
                    field=models.DateTimeField(
                        blank=True,
                        help_text=(
                            "Pour qu'un article soit visible, il doit être publié et sa date de "
                            "publication passée. Une date future le programme."
                        ),
                        null=True,
                        verbose_name="date de publication",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="section",
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="articles.section",
                        verbose_name="rubrique",
                    ),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="status",
                    field=models.CharField(
                        choices=[
                            ("draft", "Brouillon"),
                            ("review", "En relecture"),
                            ("published", "Publié"),
                            ("archived", "Archivé"),
                        ],
                        default="draft",
                        max_length=20,
                        verbose_name="statut",
                    ),
                ),
                migrations.AlterField(
                    model_name="taggedarticle",
                    name="content_object",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="articles.article",
                    ),
                ),
            ],
        ),
    ]
