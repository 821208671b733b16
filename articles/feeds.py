"""RSS and Atom feeds: all articles, and those of one tag, one author or one issue.

Each feed has an RSS class and an Atom subclass; both run a fixed number of queries.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from articles.models import Issue, Tag
from articles.views import public_articles
from authors.models import Author

ITEMS = 30
SITE = "En-Contact"


class LatestArticlesFeed(Feed):
    title = f"{SITE} — derniers articles"
    description = "Les derniers articles du magazine de la relation client."

    def link(self):
        return reverse("articles:list")

    def items(self):
        return public_articles()[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst or Truncator(item.body).words(60)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(byline.author.name for byline in item.bylines.all()) or None

    def item_categories(self, item):
        return [tagging.tag.name for tagging in item.confirmed_taggings]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return f"{SITE} — {tag.name}"

    def description(self, tag):
        return f"Les derniers articles sur « {tag.name} »."

    def link(self, tag):
        return tag.get_absolute_url()

    def items(self, tag):
        return public_articles().filter(taggedarticle__tag=tag, taggedarticle__suggested=False)[
            :ITEMS
        ]


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.description(tag)


class AuthorFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, author):
        return f"{SITE} — {author.name}"

    def description(self, author):
        return f"Les derniers articles de {author.name}."

    def link(self, author):
        return author.get_absolute_url()

    def items(self, author):
        return public_articles().filter(authors=author)[:ITEMS]


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed

    def subtitle(self, author):
        return self.description(author)


class IssueFeed(LatestArticlesFeed):
    def get_object(self, request, number):
        return get_object_or_404(Issue, number=number)

    def title(self, issue):
        return f"{SITE} — {issue}"

    def description(self, issue):
        return f"Le sommaire du numéro {issue.number}."

    def link(self, issue):
        return issue.get_absolute_url()

    def items(self, issue):
        return public_articles().filter(issue=issue).order_by("issue_position", "pk")[:ITEMS]


class IssueAtomFeed(IssueFeed):
    feed_type = Atom1Feed

    def subtitle(self, issue):
        return self.description(issue)
