"""SQLite's full-text index as the ORM sees it (PostgreSQL searches `search_vector`)."""

from django.db import models

from articles.models.article import Article


class FullTextField(models.TextField):
    """The hidden column of an SQLite FTS5 table, named after the table, that takes MATCH."""


@FullTextField.register_lookup
class Match(models.Lookup):
    """`document__match="…"`: an FTS5 full-text query (built by articles.search.fts_query)."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class ArticleFullText(models.Model):
    """SQLite only: an article's entry in the FTS5 index of migration 0006.

    The table is SQLite's own (a virtual table kept current by triggers); this model only lets
    articles.search join it: `Article.objects.filter(fulltext__document__match=…)`.
    On PostgreSQL the table does not exist and nothing reads this model.
    """

    article = models.OneToOneField(
        Article,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="id",
        related_name="fulltext",
    )
    document = FullTextField(db_column="articles_article_fts")

    class Meta:
        managed = False
        db_table = "articles_article_fts"
        verbose_name = "index plein texte (SQLite)"
        verbose_name_plural = "index plein texte (SQLite)"

    def __str__(self):
        return f"Index plein texte de l'article {self.article_id}"
