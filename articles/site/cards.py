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
from articles.models import Article, ArticleAuthor, Section, TaggedArticle

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


class CardRow:
    """An article of a page of cards read as a plain row (`card_rows`): its `pk`, its `card`
    once `with_cards` gives it, and the article built from the row only when more is read (a
    card the cache lacks is rendered from it, and any other attribute is the article's).

    With every card kept, building the page's 20 articles and their sections as models was a
    fifth of a list page's time, for nothing the page shows.
    """

    __slots__ = ("pk", "card", "_db", "_names", "_row", "_article")
    excerpt = None  # lists show none (search's cards are models: see `card_key`)

    def __init__(self, db, names, row):
        self.pk = row[names[0].index(Article._meta.pk.attname)]
        self._db, self._names, self._row, self._article = db, names, row, None

    @property
    def article(self):
        """The article as a query of `public_articles().only(*CARD_FIELDS)` reads it."""
        if self._article is None:
            article_names, section_names = self._names
            split = len(article_names)
            article = Article.from_db(self._db, article_names, self._row[:split])
            if article.section_id is None:
                Article.section.field.set_cached_value(article, None)
            else:
                article.section = Section.from_db(self._db, section_names, self._row[split:])
            self._article = article
        return self._article

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.article, name)


def card_rows(page_query):
    """The articles of `page_query` (a page of `public_articles().only(*CARD_FIELDS)`) as
    `CardRow`s, in the same one query, without building a model per row."""
    shown = {Article._meta.pk.name, *CARD_FIELDS}
    # In the model's order of fields, as Model.from_db() reads a row.
    article_names = tuple(f.attname for f in Article._meta.concrete_fields if f.name in shown)
    section_names = tuple(field.attname for field in Section._meta.concrete_fields)
    rows = page_query.values_list(*article_names, *(f"section__{name}" for name in section_names))
    return [CardRow(rows.db, (article_names, section_names), row) for row in rows]


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
        articles = {key: built(by_key[key][0]) for key in missing}
        with_card_links(list(articles.values()))
        return {
            key: render_to_string(by_key[key][1], {"article": articles[key]}) for key in missing
        }

    cards = cached_fragments("card", by_key, render)
    for article, name in pairs:
        article.card = mark_safe(cards[card_key(article, name)])  # noqa: S308 - our template
    return articles


def built(article):
    """`article` as a model: itself, or the one a `CardRow` builds."""
    return article.article if isinstance(article, CardRow) else article


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
