"""The reader's filters on article lists: several tags at once, author, issue, section, year, words.

Readers see every tag of a published article, the importer's suggestions included (they make
the filters useful from the first import); editors accept or drop suggestions in the back office.
"""

import functools
import json
from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Now
from django.utils.http import urlencode

from articles import counters, search
from articles.aggregates import cached_aggregate
from articles.models import LISTING_ORDER, ArchiveCount, Article, Issue, Section, Tag
from authors.models import Author

FACETS_SHOWN = 20
# The filters a count of the archive describes, each alone (articles.counters).
DIMENSIONS = {
    "tag": ArchiveCount.Kind.TAG,
    "author": ArchiveCount.Kind.AUTHOR,
    "issue": ArchiveCount.Kind.ISSUE,
    "section": ArchiveCount.Kind.SECTION,
    "year": ArchiveCount.Kind.YEAR,
}
FORM_CLASSES = {}  # filter set class → its form class (see ArticleFilter.get_form_class)


class YearFilter(django_filters.Filter):
    """A year between 1900 and 2100: anything else is an invalid form, never a crash."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


def used_by_published(model):
    """A filter's queryset: `model`'s rows a published article uses. What only unpublished
    articles use stays unknown to readers: a coming issue's title, a draft's section, tag or
    author (slugs and numbers are easy to guess, and a chip or the section drop-down would
    show the name)."""

    def queryset(request=None):
        # The database's clock: the form class is kept (see get_form_class).
        return model.objects.with_published_articles(now=Now())

    return queryset


def tags_of_published(request=None):
    """The tag filter's queryset: the tags a published article carries, read from the archive's
    counts (articles.counters), scheduled articles subtracted, as lists read their numbers.

    Found among their articles, a tag carried by 56,000 of them had PostgreSQL read all their
    taggings to find one published article (a bitmap of the tag's index: 4 ms a tag, for a
    list filtered by two tags); its count is one row.
    """
    counts = ArchiveCount.objects.filter(kind=ArchiveCount.Kind.TAG, key=OuterRef("pk"))
    # The database's clock: the form class is kept (see get_form_class).
    visible = counters.with_visible(counts, ArchiveCount.Kind.TAG, now=Now())
    return Tag.objects.filter(Exists(visible.filter(visible__gt=0)))


class KeptTagsField(django_filters.fields.ModelMultipleChoiceField):
    """The tag filter's field: the tags asked for, looked up once per content generation.

    Checking that each slug names a tag of a published article is a query of every list
    filtered by tags (a fifth of the time of one filtered by two); the answer changes only with
    the content (`cached_aggregate`). Slugs naming no such tag are refused at every request,
    and never kept.
    """

    def clean(self, value):
        # No tag asked: an empty list, which django-filter skips (an empty queryset is not one
        # of its empty values: filter_tags iterated it, compiling a query of every list).
        if not self.required and not value:
            return []
        return super().clean(value)

    def _check_values(self, value):
        key = json.dumps(sorted({str(slug) for slug in value}), ensure_ascii=False)
        return cached_aggregate(
            "tag-choices", key, lambda: super(KeptTagsField, self)._check_values(value)
        )


class KeptTagsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = KeptTagsField


published_issues = used_by_published(Issue)
published_sections = used_by_published(Section)


@dataclass(frozen=True)
class Chip:
    """An active filter as the reader sees it, with the address of the list without it."""

    label: str
    remove_url: str


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Mots recherchés", method="filter_words")
    tag = KeptTagsFilter(
        label="Mots-clés",
        queryset=tags_of_published,
        to_field_name="slug",
        method="filter_tags",
    )
    author = django_filters.ModelChoiceFilter(
        label="Auteur",
        queryset=used_by_published(Author),
        to_field_name="slug",
        field_name="authors",
    )
    issue = django_filters.ModelChoiceFilter(
        label="Numéro", queryset=published_issues, to_field_name="number"
    )
    section = django_filters.ModelChoiceFilter(
        label="Rubrique",
        queryset=published_sections,
        to_field_name="slug",
        empty_label="Toutes les rubriques",
    )
    year = YearFilter(label="Année", field_name="published_at", lookup_expr="year")

    class Meta:
        model = Article
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # An emptied field ("?tag=&q=") means no filter, not an unknown value.
            data = data.copy()
            for key in list(data):
                values = [value for value in data.getlist(key) if value.strip()]
                if values:
                    data.setlist(key, values)
                else:
                    del data[key]
        super().__init__(data, *args, **kwargs)

    def get_form_class(self):
        """The form class, built once per filter set class rather than at every request.

        Its fields depend on the filters alone (their querysets are evaluated afresh by each
        form, and the only time-dependent one asks the database's clock), and building it
        deep-copies every field: a millisecond of each list page.
        """
        cls = type(self)
        if cls not in FORM_CLASSES:
            FORM_CLASSES[cls] = super().get_form_class()
        return FORM_CLASSES[cls]

    def filter_words(self, queryset, name, value):
        # The ids of a search's recent matches (PostgreSQL: the newest articles read first,
        # in growing windows, see search.recent_matches) are kept per content generation.
        keep = functools.partial(cached_aggregate, "search-matches", results_key(self))
        return search.search(queryset, value, keep=keep) if search.clean_query(value) else queryset

    def filter_tags(self, queryset, name, tags):
        # One join per tag: an article must carry every tag asked for (AND).
        for tag in tags:
            queryset = queryset.filter(taggedarticle__tag=tag)
        return queryset

    @property
    def words(self):
        return search.clean_query(self.form.cleaned_data.get("q"))

    @property
    def tags(self):
        """The selected tags, once each, in the order the reader chose them."""
        selected = {tag.slug: tag for tag in self.form.cleaned_data.get("tag") or []}
        asked = dict.fromkeys(self.data.getlist("tag"))
        return [selected[slug] for slug in asked if slug in selected]

    def chips(self):
        """One removable chip per active filter."""
        data = self.form.cleaned_data
        chips = [Chip(f"« {self.words} »", self.url(remove=("q", None)))] if self.words else []
        chips += [Chip(tag.name, self.url(remove=("tag", tag.slug))) for tag in self.tags]
        for key, prefix in (("author", "Par"), ("issue", ""), ("section", "Rubrique :")):
            if data.get(key):
                chips.append(Chip(f"{prefix} {data[key]}".strip(), self.url(remove=(key, None))))
        if data.get("year"):
            chips.append(Chip(f"Année {data['year']}", self.url(remove=("year", None))))
        return chips

    def counted(self):
        """The list's (kind, key) in the archive's counts (articles.counters), if one
        describes it: no filter, or one tag, author, issue, section or year alone."""
        data = self.form.cleaned_data
        active = [name for name in DIMENSIONS if data.get(name)]
        if self.words or len(active) > 1:
            return None
        if not active:
            return (ArchiveCount.Kind.TOTAL, 0)
        name = active[0]
        if name == "tag":
            return (ArchiveCount.Kind.TAG, self.tags[0].pk) if len(self.tags) == 1 else None
        value = data[name]
        return (DIMENSIONS[name], value if name == "year" else value.pk)

    def facets(self, articles, key):
        """The most used tags of `articles` (the result), with their counts, one query.

        Tags already selected are left out: they count every article of the result. Each
        carries `add_url`, the current list narrowed by that tag. The whole archive's are read
        from its counts; a filtered list's are those of its newest articles
        (`counters.newest`), bounded whatever the size of the result. Kept per content
        generation under `key` (articles.aggregates.cached_aggregate).
        """
        if self.counted() == (ArchiveCount.Kind.TOTAL, 0):
            facets = cached_aggregate("facets", key, lambda: counters.most_used_tags(FACETS_SHOWN))
        else:
            matching = articles if self.words else counters.newest(articles)
            facets = cached_aggregate(
                "facets",
                key,
                lambda: list(
                    Tag.objects.filter(tagged_articles__content_object__in=matching)
                    .exclude(slug__in=[tag.slug for tag in self.tags])
                    .annotate(count=Count("tagged_articles"))
                    .order_by("-count", "name")[:FACETS_SHOWN]
                ),
            )
        for tag in facets:
            tag.add_url = self.url(add=("tag", tag.slug))
        return facets

    def url(self, add=None, remove=None):
        """This list's address with one parameter added or removed, back to the first page.

        `remove=(key, None)` drops every value of `key`; repeated parameters are kept once.
        """
        pairs = []
        for key in self.data:
            if key not in self.filters:  # "page", and parameters the list does not know
                continue
            for value in self.data.getlist(key):
                dropped = remove in ((key, value), (key, None))
                if value.strip() and not dropped and (key, value) not in pairs:
                    pairs.append((key, value))
        if add and add not in pairs:
            pairs.append(add)
        path = self.request.path if self.request else ""
        return f"{path}?{urlencode(pairs)}" if pairs else path


def results_key(filterset):
    """What decides the articles `filterset` lists, however the address spells it: the words
    that reach the database and each filter's value as understood; not the page."""
    data = filterset.form.cleaned_data
    key = {name: getattr(data.get(name), "pk", data.get(name)) for name in DIMENSIONS}
    key.update(tag=sorted(tag.pk for tag in filterset.tags), q=search.query_words(filterset.words))
    return json.dumps(key, sort_keys=True, ensure_ascii=False)


class SearchFilter(ArticleFilter):
    """The search page's filters: without words, no result; with words, best matches first."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.words:
            return queryset.none()
        ranked = queryset.order_by("-rank", *LISTING_ORDER)
        return search.with_excerpts(ranked, self.words)
