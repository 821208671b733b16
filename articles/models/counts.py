"""The numbers of published articles lists show, kept as articles change (articles.counters)."""

from django.db import models


class ArchiveCount(models.Model):
    """How many articles are published (scheduled ones included) in one part of the archive:
    a tag, an author, an issue, a section, a year, or the whole of it (`kind` "total").

    Kept current in the same transaction as every change (articles.counters), so that a list's
    number of articles and the most used tags are read, not counted over the whole archive.
    """

    class Kind(models.TextChoices):
        """What is counted; `key` says which one."""

        TOTAL = "total", "Tous les articles"  # key 0
        TAG = "tag", "Mot-clé"  # key: the tag's id
        AUTHOR = "author", "Auteur"  # the author's id
        ISSUE = "issue", "Numéro"  # the issue's id
        SECTION = "section", "Rubrique"  # the section's id
        YEAR = "year", "Année"  # the year of publication

    kind = models.CharField("sorte", max_length=10, choices=Kind)
    key = models.IntegerField("identifiant ou année")
    articles = models.IntegerField("articles publiés", default=0)

    class Meta:
        verbose_name = "compte d'articles"
        verbose_name_plural = "comptes d'articles"
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="unique_archive_count")]
        indexes = [models.Index(fields=["kind", "-articles"], name="archive_count_ranking")]

    def __str__(self):
        return f"{self.kind} {self.key}: {self.articles}"
