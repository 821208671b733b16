"""sitemap.xml: the public pages search engines should know, and only those.

Each section returns a list, so that a sitemap costs one query (no separate count).
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from articles.models import Article, Issue, Section, Tag, TaggedArticle
from authors.models import Author


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return list(Article.objects.published().newest_first().only("slug", "updated_at"))

    def lastmod(self, article):
        return article.updated_at


class WithPublishedArticles(Sitemap):
    """Pages listing articles (issues, sections, authors, tags): those with any to show."""

    changefreq = "weekly"
    priority = 0.5
    model = related = None

    def items(self):
        published = Article.objects.published().filter(**{self.related: OuterRef("pk")})
        return list(self.model.objects.filter(Exists(published)).order_by("pk"))


class IssueSitemap(WithPublishedArticles):
    model, related = Issue, "issue"


class SectionSitemap(WithPublishedArticles):
    model, related = Section, "section"


class AuthorSitemap(WithPublishedArticles):
    model, related = Author, "authors"


class TagSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        used = TaggedArticle.objects.filter(
            tag=OuterRef("pk"),
            content_object__in=Article.objects.published(),
        )
        return list(Tag.objects.filter(Exists(used)).order_by("pk"))


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return [
            "articles:home",
            "articles:list",
            "articles:issues",
            "articles:sections",
            "authors:list",
            "articles:tags",
        ]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "issues": IssueSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}
