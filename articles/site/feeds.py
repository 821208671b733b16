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
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.text import Truncator

from articles.models import Article, Issue, Tag, TaggedArticle
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
    title = f"{SITE} — derniers articles"
    description = "Les derniers articles du magazine de la relation client."

    def link(self):
        return reverse("articles:list")

    def items(self):
        return latest(public_articles())

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


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class TagFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        used = TaggedArticle.objects.filter(
            tag=OuterRef("pk"), content_object__in=Article.objects.published()
        )
        return get_object_or_404(Tag.objects.filter(Exists(used)), slug=slug)

    def title(self, tag):
        return f"{SITE} — {tag.name}"

    def about(self, tag):
        return f"Les derniers articles sur « {tag.name} »."

    def description(self, tag):
        return as_html(self.about(tag))

    def link(self, tag):
        return tag.get_absolute_url()

    def items(self, tag):
        return latest(public_articles().filter(taggedarticle__tag=tag))


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed

    def subtitle(self, tag):
        return self.about(tag)


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


class IssueFeed(LatestArticlesFeed):
    def get_object(self, request, number):
        contents = Article.objects.published().filter(issue=OuterRef("pk"))
        return get_object_or_404(Issue.objects.filter(Exists(contents)), number=number)

    def title(self, issue):
        return f"{SITE} — {issue}"

    def about(self, issue):
        return f"Le sommaire du numéro {issue.number}."

    def description(self, issue):
        return as_html(self.about(issue))

    def link(self, issue):
        return issue.get_absolute_url()

    def items(self, issue):
        return latest(public_articles().filter(issue=issue).order_by("issue_position", "pk"))


class IssueAtomFeed(IssueFeed):
    feed_type = Atom1Feed

    def subtitle(self, issue):
        return self.about(issue)
