"""RSS and Atom feeds: all articles, and those of one tag, one author or one issue.

Each feed has an RSS class and an Atom subclass; both run a fixed number of queries.
RSS descriptions are HTML to feed readers (by custom), and so is Atom's summary (typed "html"),
while standfirsts and names are plain text: `as_html()` escapes them there, so that a
"<script>" typed by an editor or read by the importer reaches readers as text. A body is
already HTML, sanitised when its article was saved (articles.bodies). Titles, author
names, categories and Atom subtitles are plain text in both formats and go out as they are.

Like their pages, the feeds of a tag, an author or an issue answer 404 until one of its articles
is published: a coming issue's title, a new author's name stay unknown until then.
"""

import html
import mimetypes

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.text import Truncator

from articles.models import Issue, Tag
from articles.site.cards import public_articles, with_card_links
from authors.models import Author

ITEMS = 30
SITE = "En-Contact"


def latest(articles):
    """The feed's items: the first ITEMS of `articles`, with their authors and tags."""
    return with_card_links(list(articles[:ITEMS]))


def as_html(text):
    """Plain text as HTML that shows it: only &, < and > need escaping outside attributes."""
    return html.escape(text, quote=False)


class LatestArticlesFeed(Feed):
    """The newest articles; the base of every feed. `about()` is the feed's description in
    plain text (Atom's subtitle), `articles()` what it lists."""

    title = f"{SITE} — derniers articles"
    about_text = "Les derniers articles du magazine de la relation client."

    def about(self, obj=None):
        return self.about_text.format(obj=obj)

    def description(self, obj=None):
        return as_html(self.about(obj))

    def link(self):
        return reverse("articles:list")

    def articles(self, obj=None):
        return public_articles()

    def items(self, obj=None):
        return latest(self.articles(obj))

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if item.standfirst:
            return as_html(item.standfirst)
        return Truncator(item.body_html).words(60, html=True)

    def item_enclosures(self, item):
        """The lead image, in the size shared with other sites (a relative address until
        get_feed() completes it). Its length is unknown without reading the file: 0, as the
        RSS Advisory Board's best practices ask then."""
        if not item.lead_image:
            return []
        file, _size = item.lead_image.share
        mime_type = mimetypes.guess_type(file.name)[0] or "image/jpeg"
        return [Enclosure(file.url, "0", mime_type)]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        for item in feed.items:
            item["enclosures"] = [
                Enclosure(request.build_absolute_uri(e.url), e.length, e.mime_type)
                for e in item["enclosures"]
            ]
        return feed

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.byline_links) or None

    def item_categories(self, item):
        return [tag.name for tag in item.tag_links]


class ArticlesOfFeed(LatestArticlesFeed):
    """The newest articles filed under one `model` row (a tag, an author, an issue), found by
    the address's arguments; 404 until one of them is published."""

    model = None

    def get_object(self, request, **lookup):
        return get_object_or_404(self.model.objects.with_published_articles(), **lookup)

    def title(self, obj):
        return f"{SITE} — {obj}"

    def link(self, obj):
        return obj.get_absolute_url()


class TagFeed(ArticlesOfFeed):
    model = Tag
    about_text = "Les derniers articles sur « {obj.name} »."

    def articles(self, tag):
        return public_articles().filter(taggedarticle__tag=tag)


class AuthorFeed(ArticlesOfFeed):
    model = Author
    about_text = "Les derniers articles de {obj.name}."

    def articles(self, author):
        return public_articles().filter(authors=author)


class IssueFeed(ArticlesOfFeed):
    model = Issue
    about_text = "Le sommaire du numéro {obj.number}."

    def articles(self, issue):
        return public_articles().filter(issue=issue).order_by("issue_position", "pk")


class Atom:
    """A feed's Atom twin: its plain-text `about()` as subtitle."""

    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.about(obj)


class LatestArticlesAtomFeed(Atom, LatestArticlesFeed):
    pass


class TagAtomFeed(Atom, TagFeed):
    pass


class AuthorAtomFeed(Atom, AuthorFeed):
    pass


class IssueAtomFeed(Atom, IssueFeed):
    pass
