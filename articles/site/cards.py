"""What lists of articles show: the published articles as cards read them, and their authors'
and tags' links.

Every page runs a fixed number of queries whatever the number of articles, tags and authors it
shows: views fetch and prefetch everything, templates only read (tests/site pins the counts).
Tags shown to readers include the importer's suggestions, which editors accept or drop.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from articles.aggregates import cached_fragments
from articles.links import slug_url
from articles.models import Article, ArticleAuthor, TaggedArticle

# Columns no public page shows: the importer's source text and notes, the search vector, and
# the body's Markdown source (pages show the HTML made from it when it was saved).
NEVER_SHOWN = ("source_text", "import_warnings", "search_vector", "body")

CARD = "partials/article_card.html"
# What a card (partials/article_card.html) shows of an article; fewer columns, cheaper rows.
CARD_FIELDS = (
    *("title", "slug", "standfirst", "section", "published_at", "reading_minutes"),
    *("image", "image_width", "image_height", "image_alt"),
)


@dataclass(frozen=True, slots=True)
class CardLink:
    """An author or a tag as a card shows it: a name and its page."""

    name: str
    slug: str
    url_name: str

    def get_absolute_url(self):
        return slug_url(self.url_name, self.slug)


def with_card_links(articles):
    """Give each of `articles` (a list) its `byline_links` and `tag_links`, in two queries.

    A page of cards shows some 150 authors and tags. Read as plain rows rather than prefetched
    as two model instances each (the link and the author or tag), they cost a quarter of what
    they did: about a fifth of a list page's time (bench/analysis.md).
    """
    ids = {article.pk for article in articles}
    bylines = ArticleAuthor.objects.filter(article__in=ids).order_by("position")
    taggings = TaggedArticle.objects.filter(content_object__in=ids).order_by("tag__name")
    for attribute, rows, url_name in [
        (
            "byline_links",
            bylines.values_list("article", "author__name", "author__slug"),
            "authors:detail",
        ),
        (
            "tag_links",
            taggings.values_list("content_object", "tag__name", "tag__slug"),
            "articles:tag",
        ),
    ]:
        links = defaultdict(list)
        for article, name, slug in rows if ids else []:
            links[article].append(CardLink(name, slug, url_name))
        for article in articles:
            setattr(article, attribute, links[article.pk])
    return articles


def with_cards(articles, template=CARD, also=()):
    """Give each of `articles` (a list) its `card`: its HTML through `template`, the card of
    lists. `also`: more (article, template) pairs given theirs alike (the home page's
    editorial).

    Cards are kept per content generation (`aggregates.cached_fragments`), all in one round
    trip: rendering 20 of them was about half of a list page's time, and reading their
    authors and tags two of its queries. Only the cards not kept are rendered, and only their
    links read; with nothing kept (`AGGREGATE_CACHE` off) that is every card, in the same two
    queries as before. A card showing a search's `excerpt` is kept under that excerpt too.
    """
    pairs = [*((article, template) for article in articles), *also]
    by_key = {card_key(article, name): (article, name) for article, name in pairs}

    def render(missing):
        with_card_links([by_key[key][0] for key in missing])
        return {
            key: render_to_string(by_key[key][1], {"article": by_key[key][0]}) for key in missing
        }

    cards = cached_fragments("card", by_key, render)
    for article, name in pairs:
        article.card = mark_safe(cards[card_key(article, name)])  # noqa: S308 - our template
    return articles


def card_key(article, template):
    """What a card's HTML depends on: the article, the template and a search's excerpt."""
    excerpt = getattr(article, "excerpt", None)
    if not excerpt:
        return f"{template}:{article.pk}"
    return f"{template}:{article.pk}:{hashlib.sha256(excerpt.encode()).hexdigest()[:32]}"


def public_articles():
    """Published articles, newest first, with their section; `with_card_links()` adds their
    authors and tags once a page of them is read, so that templates query nothing.

    A card shows the section, not the issue: only the article page joins the issue.
    """
    return Article.objects.published().newest_first().defer(*NEVER_SHOWN).select_related("section")
