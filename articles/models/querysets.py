"""What "published" means, once: the querysets of articles and of what they are filed
under, and `PublicationMixin`, the same said of one article.

Readers see an article when it is published and its date has come (or it has none: undated
archive pieces); an issue, a section, a tag or an author exists for them once one of its
articles does. Lists show articles newest first, undated ones last (`LISTING_ORDER`, the
order of the listing indexes of migration 0005).
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

LISTING_ORDER = (F("published_at").desc(nulls_last=True), "-pk")


def visible(path="", now=None):
    """What `ArticleQuerySet.published()` asks, of the articles reached through `path`.

    `visible("articles__")` counts an issue's published articles in the query that lists the
    issues, with `Count("articles", filter=…)`.
    """
    published = apps.get_model("articles", "Article").Status.PUBLISHED
    return Q(**{f"{path}status": published}) & (
        Q(**{f"{path}published_at__lte": now or timezone.now()})
        | Q(**{f"{path}published_at__isnull": True})
    )


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: published, and dated now or earlier (or undated archive).

        A future `published_at` is how an article is scheduled: it appears on its own
        at that moment, with no cron job. `now` defaults to this moment; `Now()` asks the
        database's clock, for a queryset kept and evaluated again later.
        """
        return self.filter(visible(now=now))

    def newest_first(self):
        """Newest first; undated archive pieces last (`LISTING_ORDER`)."""
        return self.order_by(*LISTING_ORDER)


class PublicationMixin:
    """`published()` said of one article, for the back office and the preview."""

    @property
    def is_scheduled(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and not self.is_scheduled


class FiledUnderQuerySet(models.QuerySet):
    """Rows articles are filed under: issues, sections, tags, authors.

    `article_path` leads from an article to the row ("issue", "bylines__author"…).
    """

    article_path = ""

    def with_published_articles(self, now=None):
        """The rows a published article is filed under: all that readers may know of.

        What only unpublished articles use stays unknown to them: a coming issue's title, a
        draft's section, tag or author. `now` as in `ArticleQuerySet.published()`.
        """
        articles = apps.get_model("articles", "Article").objects.published(now=now)
        return self.filter(Exists(articles.filter(**{self.article_path: OuterRef("pk")})))


class IssueQuerySet(FiledUnderQuerySet):
    article_path = "issue"


class SectionQuerySet(FiledUnderQuerySet):
    article_path = "section"


class TagQuerySet(FiledUnderQuerySet):
    article_path = "taggedarticle__tag"
