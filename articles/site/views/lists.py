"""Pages of cards: all articles with their filters, and the articles of a tag, a section, an
issue, an author or a year; 20 a page, their number read from the archive's counts."""

import json

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe
from django.views.generic import ListView
from django_filters.views import FilterView

from articles import counters
from articles.aggregates import cached_aggregate, prefetch_aggregates
from articles.models import ArchiveCount, Issue, Section, Tag
from articles.search import AnyOf
from articles.site.cards import (
    CARD_FIELDS,
    card_rows,
    public_articles,
    with_card_links,
    with_cards,
)
from articles.site.filters import ArticleFilter, published_sections, results_key
from authors.models import Author

TOP_TAGS_SHOWN = 15
FACETS = "partials/tag_facets.html"
RELATED_TAGS = "partials/related_tags.html"


def popular_tags(articles, limit, key):
    """The tags most used by the newest articles of `articles` (see `counters.newest`), with
    `count`, in one query; kept per content generation under `key` (`cached_aggregate`)."""
    return cached_aggregate(
        "popular-tags",
        f"{key}:{limit}",
        lambda: list(
            Tag.objects.filter(tagged_articles__content_object__in=counters.newest(articles))
            .annotate(count=Count("tagged_articles"))
            .order_by("-count", "name")[:limit]
        ),
    )


def feeds(route, key, name):
    """A page's RSS and Atom feeds (`route` + "_rss" and "_atom" for `key`), titled `name`:
    announced in the page's <head> (base.html) and linked on it (partials/feed_links.html)."""
    return {
        "name": name,
        "rss": reverse(f"{route}_rss", args=[key]),
        "atom": reverse(f"{route}_atom", args=[key]),
    }


class ArchivePaginator(Paginator):
    """A paginator whose count is read from the archive's counts or counted up to a cap
    (`ArchiveListMixin.count_articles`), and kept per content generation under `count_key`
    (see `cached_aggregate`). `capped` says the list has more than that."""

    def __init__(self, *args, count_key, counter, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key
        self.counter = counter

    @cached_property
    def counted(self):
        return cached_aggregate("count", self.count_key, self.counter)

    @property
    def count(self):
        return self.counted[0]

    @property
    def capped(self):
        return self.counted[1]


class ArchiveListMixin:
    """Lists of the archive: 20 articles a page; their number is read, not counted."""

    paginate_by = 20
    paginator_class = ArchivePaginator
    counted = None  # the list's (kind, key) in `articles.counters`, set by `get_queryset()`
    cards_kept = True  # cards from the fragment cache (articles.site.cards.with_cards)

    def aggregate_key(self):
        """What the list is, whatever its page: the address without `page`."""
        return self.request.path

    def count_articles(self, queryset):
        """(number, capped): from the archive's counts when one describes the list."""
        if self.counted is not None:
            return counters.visible_count(*self.counted), False
        return counters.capped_count(queryset)

    def aggregates(self):
        """The (name, key) of the aggregates the page will show, read in one round trip
        before the first of them (`aggregates.prefetch_aggregates`): its count at least."""
        return [("count", self.aggregate_key())]

    def get_paginator(self, queryset, per_page, **kwargs):
        prefetch_aggregates(self.aggregates())
        return super().get_paginator(
            queryset,
            per_page,
            count_key=self.aggregate_key(),
            counter=lambda: self.count_articles(queryset),
            **kwargs,
        )

    def paginate_queryset(self, queryset, page_size):
        # A page of cards reads only what cards show (not the 3 kB body, for one).
        paginator, page, _rows, is_paginated = super().paginate_queryset(
            queryset.only(*CARD_FIELDS), page_size
        )
        cards = with_cards if self.cards_kept else with_card_links
        page.object_list = cards(self.page_articles(page))
        return paginator, page, page.object_list, is_paginated

    def page_articles(self, page):
        """The articles of `page` (a list); `page.object_list` is still a query. Cards kept,
        plain rows (`card_rows`): a model is built only for a card the cache lacks."""
        return card_rows(page.object_list) if self.cards_kept else list(page.object_list)


class PaginatedList(ArchiveListMixin, ListView):
    """A page of public articles about one thing; 404 when there is nothing to show."""

    context_object_name = "articles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["paginator"].count:
            raise Http404("Aucun article publié ici.")
        return context


class ArticleListView(ArchiveListMixin, FilterView):
    """All articles, narrowed by any mix of filters; unknown filter values answer 404."""

    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    context_object_name = "articles"

    ids_kept = True  # a filtered page's ids kept per content generation (`page_articles`)

    def aggregate_key(self):
        return self.list_key

    @cached_property
    def list_key(self):
        """What decides the list, whatever its page: each filter's value as the form reads it
        (`results_key`), not the address as `url()` normalises it: `?author=a&author=b` and
        `…&author=a` share one `url()` (repeated values kept once) but list b's and a's
        articles (the form reads the last value)."""
        return f"{self.request.path}?{results_key(self.filterset)}"

    def aggregates(self):
        pairs = [*super().aggregates(), ("facets-html", self.facets_key), ("sections", "")]
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        key = self.page_key(page)
        return [*pairs, ("list-page", key)] if key else pairs

    def page_key(self, number):
        """What a filtered page's ids are kept under (`page_articles`); None for the whole
        archive's."""
        if not self.ids_kept or self.filterset.counted() == (ArchiveCount.Kind.TOTAL, 0):
            return None
        return f"{self.list_key}:{number}"

    def page_articles(self, page):
        """A filtered page's articles: found by its query (one join per tag) once per content
        generation, then read by id. Its ids are kept with the aggregates, read in the same
        round trip; the whole archive's page reads its 20 newest rows directly, as cheaply."""
        key = self.page_key(page.number)
        if key is None:
            return super().page_articles(page)
        computed = []

        def compute():
            computed.extend(ArchiveListMixin.page_articles(self, page))
            return [article.pk for article in computed]

        ids = cached_aggregate("list-page", key, compute)
        if computed or not ids:
            return computed
        return self.articles_by_id(ids)

    def articles_by_id(self, ids):
        """The articles `ids` name, in that order, as `page_articles` gives them."""
        # One array parameter on PostgreSQL (`AnyOf`), not one per id.
        by_id = AnyOf(F("pk"), ids) if connection.vendor == "postgresql" else Q(pk__in=ids)
        query = public_articles().only(*CARD_FIELDS).filter(by_id)
        rows = {row.pk: row for row in (card_rows(query) if self.cards_kept else query)}
        return [rows[pk] for pk in ids if pk in rows]

    @cached_property
    def facets_key(self):
        """What the facets' HTML depends on besides the content: the list (its facets and
        count are kept under `aggregate_key`), its address as understood (the tags' links)
        and what says whether they are sampled."""
        filterset = self.filterset
        whole = filterset.counted() == (ArchiveCount.Kind.TOTAL, 0)
        key = [self.aggregate_key(), filterset.url(), filterset.words, whole]
        return json.dumps(key, ensure_ascii=False)

    @cached_property
    def facets(self):
        return self.filterset.facets(self.object_list, key=self.aggregate_key())

    @cached_property
    def sections(self):
        """The filter form's choice of sections, read by the template if it shows the form.

        A whole table read at every request that changes only with the content: kept with
        the aggregates (see `cached_aggregate`).
        """
        return cached_aggregate("sections", "", lambda: list(published_sections()))

    def get_queryset(self):
        return public_articles()

    def get_filterset_kwargs(self, filterset_class):
        # Always bound, even to no parameter at all: an empty form filters nothing.
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_valid():
            raise Http404("Ce filtre ne désigne rien.")
        prefetch_aggregates(self.aggregates())  # before filtering: a search reads one there
        self.object_list = self.filterset.qs
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def count_articles(self, queryset):
        if self.filterset.words:  # search counts and caps its matches itself (articles.search)
            return Paginator(queryset, self.paginate_by).count, False
        self.counted = self.filterset.counted()
        return super().count_articles(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["words"] = self.filterset.words
        context["chips"] = self.filterset.chips()
        context["facets_sampled"] = sampled = (
            not self.filterset.words
            and self.filterset.counted() != (ArchiveCount.Kind.TOTAL, 0)
            and context["paginator"].count > counters.FACET_SAMPLE
        )
        # The facets' 20 links were most of a list's remaining template work: their HTML is
        # kept per content generation with the aggregates, read in the same round trip, and
        # the tags themselves read only to render it (or by whoever reads the context).
        context["facets"] = SimpleLazyObject(lambda: self.facets)
        html = cached_aggregate(
            "facets-html",
            self.facets_key,
            lambda: render_to_string(FACETS, {"facets": self.facets, "facets_sampled": sampled}),
        )
        context["facets_html"] = mark_safe(html)  # noqa: S308 - our template
        return context


class FiledUnderView(PaginatedList):
    """The published articles filed under one row found by its slug (a tag, a section, an
    author), the row in the context under its model's name; 404 when none is published."""

    model = None
    kind = None  # the row's ArchiveCount.Kind
    article_path = ""  # from an article to the row
    feed = None  # the route of the row's feeds, if it has some (see `feeds`)

    def get_queryset(self):
        self.object = get_object_or_404(self.model, slug=self.kwargs["slug"])
        self.counted = (self.kind, self.object.pk)
        return public_articles().filter(**{self.article_path: self.object})

    def get_context_data(self, **kwargs):
        if self.feed:
            kwargs["feeds"] = feeds(self.feed, self.object.slug, self.object.name)
        return super().get_context_data(**{self.model._meta.model_name: self.object}, **kwargs)


class TagView(FiledUnderView):
    """A tag's published articles, and the tags they share to narrow the list further."""

    template_name = "articles/tag_detail.html"
    model, kind, article_path = Tag, ArchiveCount.Kind.TAG, "taggedarticle__tag"
    feed = "articles:tag_feed"

    def aggregates(self):
        return [*super().aggregates(), ("related-tags-html", self.request.path)]

    @cached_property
    def related_tags(self):
        neighbours = popular_tags(self.object_list, TOP_TAGS_SHOWN + 1, key=self.request.path)
        return [tag for tag in neighbours if tag.pk != self.object.pk]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Its 15 links depend on the tag and the content alone: their HTML is kept with the
        # aggregates (read in the same round trip), like a list's facets.
        html = cached_aggregate(
            "related-tags-html",
            self.request.path,
            lambda: render_to_string(
                RELATED_TAGS, {"tag": self.object, "related_tags": self.related_tags}
            ),
        )
        context["related_tags_html"] = mark_safe(html)  # noqa: S308 - our template
        context["related_tags"] = SimpleLazyObject(lambda: self.related_tags)
        return context


class SectionView(FiledUnderView):
    """A section's (rubrique's) published articles."""

    template_name = "articles/section_detail.html"
    model, kind, article_path = Section, ArchiveCount.Kind.SECTION, "section"


class AuthorDetailView(FiledUnderView):
    """An author and their published articles; 404 when none is published yet."""

    template_name = "authors/author_detail.html"
    model, kind, article_path = Author, ArchiveCount.Kind.AUTHOR, "authors"
    feed = "articles:author_feed"


class IssueView(ListView):
    """An issue: cover, editorial and its published contents in the order of the magazine."""

    template_name = "articles/issue_detail.html"
    context_object_name = "articles"

    def get_queryset(self):
        self.issue = get_object_or_404(Issue, number=self.kwargs["number"])
        return public_articles().filter(issue=self.issue).order_by("issue_position", "pk")

    def get_context_data(self, **kwargs):
        articles = with_card_links(list(self.object_list))
        if not articles:
            raise Http404("Aucun article publié dans ce numéro.")
        number = self.issue.number
        return super().get_context_data(
            issue=self.issue,
            object_list=articles,
            feeds=feeds("articles:issue_feed", number, f"numéro {number}"),
            **kwargs,
        )


class YearArchiveView(PaginatedList):
    """The articles published in a year (Paris time), with links to the other years."""

    template_name = "articles/year_archive.html"

    def get_queryset(self):
        if not 1900 <= self.kwargs["year"] <= 2100:
            raise Http404("Année hors des archives.")
        self.counted = (ArchiveCount.Kind.YEAR, self.kwargs["year"])
        return public_articles().filter(published_at__year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        years = cached_aggregate("years", "", counters.years)
        return super().get_context_data(year=self.kwargs["year"], years=years, **kwargs)
