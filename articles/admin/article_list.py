"""The article list: its rows, read lean (ArticleChangeList), and its columns."""

import hashlib
from collections.abc import Sequence

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    date_hierarchy,
    items_for_result,
)
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, ChangeList
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from articles.aggregates import cached_aggregate, cached_fragments, prefetch_aggregates
from articles.models import ArticleAuthor, TaggedArticle

BYLINES = Prefetch(
    "bylines", queryset=ArticleAuthor.objects.select_related("author").order_by("position")
)
TAGGINGS = Prefetch(
    "taggedarticle_set", queryset=TaggedArticle.objects.select_related("tag").order_by("tag__name")
)


class ArticleChangeList(ChangeList):
    """The article list reads none of the long texts it does not show, and keeps its rows.

    Only the page of results is narrowed: bulk actions get the whole rows.
    """

    long_texts = [
        "body",
        "body_html",
        "standfirst",
        "source_text",
        "import_warnings",
        "search_vector",
    ]

    def __init__(self, request, model, list_display, list_display_links, list_filter, *args):
        self.list_key = list_key(request)
        # Every aggregate the list reads (its count, its date hierarchy, the filters' choices)
        # in one round trip to the cache rather than one each.
        prefetch_aggregates(
            [
                ("admin-count", self.list_key),
                ("admin-date-hierarchy", self.list_key),
                *(spec.kept_aggregate() for spec in list_filter if hasattr(spec, "kept_aggregate")),
            ]
        )
        super().__init__(request, model, list_display, list_display_links, list_filter, *args)

    def get_results(self, request):
        self.queryset = self.queryset.defer(*self.long_texts).prefetch_related(None)
        super().get_results(request)
        self.result_list = PageOfArticles(self.result_list, self.queryset)

    def kept_date_hierarchy(self):
        """The date hierarchy for `{% kept_date_hierarchy %}`: Django's (the `date_hierarchy`
        tag's context), kept with the aggregates under the list's key. Its first and last
        dates, then its years, months or days, each read every article the list selects (40
        ms for the years of 100,000), and its links are the list's address with a date."""
        return cached_aggregate("admin-date-hierarchy", self.list_key, lambda: date_hierarchy(self))

    def kept_rows(self):
        """The page's rows for `{% kept_result_list %}`: each row's cells as Django's admin
        renders them (`items_for_result`), kept per content generation
        (`aggregates.cached_fragments`).

        Django renders each cell on its own, through its generic lookups and formats: some
        12 ms for 50 rows on every request, a third of the page. A row shows only the article,
        its issue, section, authors and tags, whose every change starts a new generation (an
        editor's bulk action too: see articles.caching), and a scheduled article's status
        expires with its publication. The key holds everything else a row depends on: the
        columns (a user without actions has no checkboxes), the filters its link preserves,
        a popup's opener and the language. Only the rows not kept are rendered, and only
        their articles, authors and tags read (`PageOfArticles`).
        """
        variant = hashlib.sha256(
            repr(
                (
                    [getattr(name, "__name__", name) for name in self.list_display],
                    self.list_display_links,
                    self.preserved_filters,
                    self.is_popup,
                    self.to_field,
                    translation.get_language(),
                )
            ).encode()
        ).hexdigest()[:16]
        by_key = {f"{pk}:{variant}": pk for pk in self.result_list.ids}

        def render(missing):
            articles = self.result_list.some([by_key[key] for key in missing])
            with_links(articles)
            return {
                f"{article.pk}:{variant}": "".join(items_for_result(self, article, None))
                for article in articles
            }

        cells = cached_fragments("admin-row", by_key, render)
        # An article deleted since the page's ids were read has no row.
        return [
            ResultList(None, [mark_safe(cells[key])])  # noqa: S308 - Django's cells
            for key in by_key
            if key in cells
        ]


class PageOfArticles(Sequence):
    """The list's page (`ChangeList.result_list`): its articles' ids at once, the articles
    themselves when something reads them.

    Building 50 articles with their issue and section cost 3 ms, a sixth of the list, for
    rows that are mostly kept (`ArticleChangeList.kept_rows`): the page's length and its
    rows' keys need only the ids (0.2 ms), and `some(ids)` reads the articles of the rows
    not kept. Without the aggregate cache no row is kept: the page is read whole at once.
    """

    def __init__(self, page, queryset):
        self.page = page  # the page's slice of the list's queryset
        self.queryset = queryset  # the list's, to read articles by id

    @cached_property
    def ids(self):
        if settings.AGGREGATE_CACHE and "articles" not in self.__dict__:
            return list(self.page.values_list("pk", flat=True))
        return [article.pk for article in self.articles]

    @cached_property
    def articles(self):
        return list(self.page)

    def some(self, ids):
        """The articles of `ids` that still exist, in that order."""
        if "articles" in self.__dict__ or not settings.AGGREGATE_CACHE:
            found = {article.pk: article for article in self.articles}
        else:
            found = self.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        return self.articles[index]


def list_key(request):
    """What picks a list's articles out of its address: filters, search, date drill-down, not
    the page nor the order. Every editor sees the same articles at the same address
    (ArticleAdmin.get_queryset does not depend on who asks), so what is kept under this key
    serves them all; a filter's own clock (scheduled articles) ends with the generation."""
    return urlencode(
        sorted(
            (name, value)
            for name, values in request.GET.lists()
            if name not in (PAGE_VAR, ORDER_VAR)
            for value in values
        )
    )


def with_links(articles):
    """Each article's authors and tags as plain rows (`admin_bylines`, `admin_tags`), in two
    queries: a page of articles prefetched some 2,000 model instances (bench/analysis.md)."""
    rows = {article.pk: article for article in articles}
    for article in articles:
        article.admin_bylines, article.admin_tags = [], []
    if not rows:
        return
    bylines = ArticleAuthor.objects.filter(article__in=rows).order_by("position")
    for pk, name in bylines.values_list("article", "author__name"):
        rows[pk].admin_bylines.append(name)
    taggings = TaggedArticle.objects.filter(content_object__in=rows).order_by("tag__name")
    for pk, name, suggested in taggings.values_list("content_object", "tag__name", "suggested"):
        rows[pk].admin_tags.append((name, suggested))


class KeptCountPaginator(Paginator):
    """The list's number of articles (a count of the whole table when unfiltered, 10 ms on
    100,000 articles), kept with the aggregates until the content changes, under `key`
    (`list_key()`)."""

    def __init__(self, *args, key, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = key

    @cached_property
    def count(self):
        return cached_aggregate("admin-count", self.key, lambda: Paginator.count.func(self))


class ArticleListMixin:
    """ArticleAdmin's list: the rows it reads and the columns it shows."""

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return KeptCountPaginator(
            queryset, per_page, orphans, allow_empty_first_page, key=list_key(request)
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(BYLINES, TAGGINGS)

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj):
        """Django's checkbox without a widget rendered through the form templates per row
        (0.4 ms each, 100 rows a page)."""
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(gettext("Select this object for an action - {}"), obj),
        )

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"title": "Articles", **(extra_context or {})})

    @admin.display(description="statut", ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return f"Programmé ({date_format(timezone.localtime(obj.published_at), 'j M Y H:i')})"
        return obj.get_status_display()

    @admin.display(description="image")
    def thumbnail(self, obj):
        if not obj.lead_image:
            return ""
        file, (width, height) = obj.lead_image.card
        return format_html(
            '<img class="admin-thumbnail" src="{}" width="96" height="{}" alt="">',
            file.url,
            round(height * 96 / width),
        )

    @admin.display(description="auteurs")
    def byline(self, obj):
        return ", ".join(obj.admin_bylines)

    @admin.display(description="mots-clés")
    def tag_list(self, obj):
        confirmed = ", ".join(name for name, suggested in obj.admin_tags if not suggested)
        suggested = ", ".join(name for name, suggested in obj.admin_tags if suggested)
        if not suggested:
            return confirmed
        return format_html("{} <em>(suggérés : {})</em>", confirmed, suggested)

    @admin.display(description="relecture", ordering="-needs_review")
    def review_flag(self, obj):
        if obj.import_conflict:
            return "Conflit d'import"
        return "À relire" if obj.needs_review else ""
