"""An author's RSS and Atom feeds, built on the articles' (articles/feeds.py).

Like the author's page, they answer 404 until one of the author's articles is published: a new
author's name stays unknown until then.
"""

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from articles.feeds import SITE, LatestArticlesFeed, as_html, latest
from articles.models import Article
from articles.views import public_articles
from authors.models import Author


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        signed = Article.objects.published().filter(authors=OuterRef("pk"))
        return get_object_or_404(Author.objects.filter(Exists(signed)), slug=slug)

    def title(self, author):
        return f"{SITE} — {author.name}"

    def about(self, author):
        return f"Les derniers articles de {author.name}."

    def description(self, author):
        return as_html(self.about(author))

    def link(self, author):
        return author.get_absolute_url()

    def items(self, author):
        return latest(public_articles().filter(authors=author))


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed

    def subtitle(self, author):
        return self.about(author)
