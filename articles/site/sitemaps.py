"""sitemap.xml: the public pages search engines should know, and only those.

Each section returns a list, so that a sitemap costs one query (no separate count).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article, Issue, Section, Tag
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
    model = None

    def items(self):
        return list(self.model.objects.with_published_articles().order_by("pk"))


class IssueSitemap(WithPublishedArticles):
    model = Issue


class SectionSitemap(WithPublishedArticles):
    model = Section


class AuthorSitemap(WithPublishedArticles):
    model = Author


class TagSitemap(WithPublishedArticles):
    model = Tag
    priority = 0.4


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
