"""The public site. Readers only ever see `Article.objects.published()`.

Every page runs a fixed number of queries whatever the number of articles, tags and authors it
shows: views fetch and prefetch everything, templates only read (tests/site pins the counts).
Tags shown to readers include the importer's suggestions, which editors accept or drop.
"""

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from django.core.paginator import Paginator
from django.db import OperationalError, connection
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
)
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from articles import counters, search
from articles.caching import cached_aggregate
from articles.filters import ArticleFilter, SearchFilter, published_sections
from articles.links import slug_url
from articles.models import (
    ArchiveCount,
    Article,
    ArticleAuthor,
    Issue,
    Section,
    Tag,
    TaggedArticle,
    visible,
)

RELATED_SHOWN = 4
# Related articles are looked for among this many articles sharing a tag, half published
# before the article and half after: counting shared tags over the whole archive would read
# most of it for a common tag (seven articles in ten carry "relation client").
RELATED_CANDIDATES = 400
TOP_TAGS_SHOWN = 15
# Columns no public page shows: the importer's source text and notes, the search vector, and
# the body's Markdown source (pages show the HTML made from it when it was saved).
NEVER_SHOWN = ("source_text", "import_warnings", "search_vector", "body")

BYLINES = Prefetch(
    "bylines", queryset=ArticleAuthor.objects.select_related("author").order_by("position")
)
TAGGINGS = Prefetch(
    "taggedarticle_set",
    queryset=TaggedArticle.objects.select_related("tag").order_by("tag__name"),
    to_attr="taggings",
)
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


def public_articles():
    """Published articles, newest first, with their section; `with_card_links()` adds their
    authors and tags once a page of them is read, so that templates query nothing.

    A card shows the section, not the issue: only the article page joins the issue.
    """
    return Article.objects.published().newest_first().defer(*NEVER_SHOWN).select_related("section")


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

    def aggregate_key(self):
        """What the list is, whatever its page: the address without `page`."""
        return self.request.path

    def count_articles(self, queryset):
        """(number, capped): from the archive's counts when one describes the list."""
        if self.counted is not None:
            return counters.visible_count(*self.counted), False
        return counters.capped_count(queryset)

    def get_paginator(self, queryset, per_page, **kwargs):
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
        page.object_list = with_card_links(list(page.object_list))
        return paginator, page, page.object_list, is_paginated


class PaginatedList(ArchiveListMixin, ListView):
    """A page of public articles about one thing; 404 when there is nothing to show."""

    context_object_name = "articles"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["paginator"].count:
            raise Http404("Aucun article publié ici.")
        return context


class HomeView(TemplateView):
    """The latest articles, the current issue and its contents, the top tags, the editorial."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        published = Article.objects.published()
        cards = published.newest_first().defer(*NEVER_SHOWN).select_related("issue", "section")
        latest = list(cards[:12])
        editorial = cards.filter(kind=Article.Kind.EDITO).first()
        issue = (
            Issue.objects.filter(Exists(published.filter(issue=OuterRef("pk"))))
            .order_by("-number")
            .first()
        )
        # The issue's contents show a section and a linked title, as plain rows: an issue of
        # the archive holds hundreds of articles.
        rows = published.filter(issue=issue).order_by("issue_position", "pk")
        contents = [
            {"title": title, "url": slug_url("articles:detail", slug), "section": section}
            for title, slug, section in (
                rows.values_list("title", "slug", "section__name") if issue else []
            )
        ]
        # One pair of queries fetches bylines and tags for the cards and the editorial.
        with_card_links([*latest, *([editorial] if editorial else [])])
        return super().get_context_data(
            articles=latest,
            editorial=editorial,
            issue=issue,
            contents=contents,
            top_tags=cached_aggregate(
                "top-tags", "home", lambda: counters.most_used_tags(TOP_TAGS_SHOWN)
            ),
            **kwargs,
        )


class ArticleListView(ArchiveListMixin, FilterView):
    """All articles, narrowed by any mix of filters; unknown filter values answer 404."""

    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def aggregate_key(self):
        # The filters as understood (normalised, without `page` or unknown parameters).
        return self.filterset.url()

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
        context["facets"] = self.filterset.facets(self.object_list, key=self.aggregate_key())
        context["facets_sampled"] = (
            not self.filterset.words
            and self.counted != (ArchiveCount.Kind.TOTAL, 0)
            and context["paginator"].count > counters.FACET_SAMPLE
        )
        return context


class SearchView(ArticleListView):
    """Full-text search, best matches first, with highlighted excerpts; tags narrow it."""

    filterset_class = SearchFilter
    template_name = "articles/search.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs).render()
        except OperationalError:
            # Cancelled by the statement timeout of public requests (encontact.timeouts).
            words = search.clean_query(request.GET.get("q"))
            response = render(request, self.template_name, {"words": words, "timed_out": True})
            add_never_cache_headers(response)
            return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Words found in most of the archive: only the most recent matches are ranked.
        context["capped"] = search.is_capped(context["paginator"].count)
        return context


def get_with_reader_data(queryset, **lookup):
    """One article of `queryset` with its bylines and tags, or 404."""
    return get_object_or_404(
        queryset.select_related("issue", "section").prefetch_related(BYLINES, TAGGINGS),
        **lookup,
    )


def related_articles(article, tag_ids):
    """Published articles sharing the most tags with `article`, newest first.

    They are looked for among the RELATED_CANDIDATES articles sharing at least one tag that
    were published closest to it, half before and half after (the newest ones for an undated
    article): each half is read from the listing index and stops there.
    """
    sharing = TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
    others = Article.objects.published().exclude(pk=article.pk).filter(Exists(sharing))
    half = RELATED_CANDIDATES // 2
    if article.published_at is None:
        near = Q(pk__in=others.newest_first().values("pk")[:RELATED_CANDIDATES])
    else:
        before = others.filter(published_at__lte=article.published_at).newest_first()
        after = others.filter(published_at__gt=article.published_at).order_by("published_at", "pk")
        before, after = before.values("pk")[:half], after.values("pk")[:half]
        if connection.features.supports_slicing_ordering_in_compound:
            # One list of candidates: PostgreSQL would test an OR of two lists on every row.
            near = Q(pk__in=before.union(after, all=True))
        else:
            near = Q(pk__in=before) | Q(pk__in=after)
    shared = Q(taggedarticle__tag__in=tag_ids)
    return (
        Article.objects.published()
        .filter(near)
        .annotate(shared=Count("taggedarticle", filter=shared))
        .only("title", "slug", "published_at", "section")
        .select_related("section")
        .order_by("-shared", *Article._meta.ordering)[:RELATED_SHOWN]
    )


def reading_context(article):
    """What an article page shows beside the article: related pieces, neighbours in the issue."""
    tag_ids = [tagging.tag_id for tagging in article.taggings]
    related = related_articles(article, tag_ids)
    previous = following = None
    if article.issue_id:
        # Plain rows: an issue of the archive holds hundreds of articles, two are shown.
        siblings = list(
            Article.objects.published()
            .filter(issue_id=article.issue_id)
            .order_by("issue_position", "pk")
            .values_list("pk", "title", "slug")
        )
        position = next((i for i, row in enumerate(siblings) if row[0] == article.pk), None)
        if position is not None:
            if position > 0:
                pk, title, slug = siblings[position - 1]
                previous = Article(pk=pk, title=title, slug=slug)
            if position + 1 < len(siblings):
                pk, title, slug = siblings[position + 1]
                following = Article(pk=pk, title=title, slug=slug)
    return {"related": list(related) if tag_ids else [], "previous": previous, "next": following}


def structured_data(request, article):
    """The article as a schema.org NewsArticle, for search engines (JSON-LD)."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "fr",
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                "url": request.build_absolute_uri(byline.author.get_absolute_url()),
            }
            for byline in article.bylines.all()
        ],
        "publisher": {"@type": "Organization", "name": "En-Contact"},
        "dateModified": timezone.localtime(article.updated_at).isoformat(),
        "keywords": [tagging.tag.name for tagging in article.taggings],
    }
    if article.published_at:
        data["datePublished"] = timezone.localtime(article.published_at).isoformat()
    if article.standfirst:
        data["description"] = article.standfirst
    if article.section:
        data["articleSection"] = article.section.name
    if article.lead_image:
        file, (width, height) = article.lead_image.share
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(file.url),
            "width": width,
            "height": height,
        }
        if article.image_caption:
            data["image"]["caption"] = article.image_caption
        if article.photo_credit:
            data["image"]["creditText"] = article.photo_credit
    elif article.issue and article.issue.cover:
        data["image"] = request.build_absolute_uri(article.issue.cover.url)
    return data


class ArticleDetailView(DetailView):
    """An article; at a slug it no longer has, a permanent redirect to its current address."""

    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            renamed = self.renamed_article(kwargs["slug"])
            if renamed is None:
                raise
            return redirect(renamed, permanent=True)

    def get_object(self, queryset=None):
        articles = Article.objects.published().defer(*NEVER_SHOWN)
        return get_with_reader_data(articles, slug=self.kwargs["slug"])

    def renamed_article(self, slug):
        """The published article that most recently had `slug`, from its history."""
        had_slug = Article.history.filter(slug=slug)
        last_time = had_slug.filter(id=OuterRef("pk")).order_by("-history_date")
        return (
            Article.objects.published()
            .filter(pk__in=had_slug.values("id"))
            .exclude(slug=slug)
            .annotate(had_slug_at=Subquery(last_time.values("history_date")[:1]))
            .order_by("-had_slug_at")
            .only("slug")
            .first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(reading_context(self.object))
        context["structured_data"] = structured_data(self.request, self.object)
        return context


def can_preview(user):
    """Previews are for the newsroom: active staff allowed to see articles in the back office."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@never_cache
def preview(request, pk):
    """Any article (draft, in review, scheduled) in the public layout, for the newsroom.

    Everyone else gets a 404, as if the address did not exist: neither 403 nor a login page
    tells a stranger that an unpublished article is there.
    """
    if not can_preview(request.user):
        raise Http404("Aperçu réservé à la rédaction.")
    article = get_with_reader_data(Article.objects.all(), pk=pk)
    context = {
        "article": article,
        "preview": True,
        "structured_data": structured_data(request, article),
        **reading_context(article),
    }
    response = render(request, "articles/article_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class TagView(PaginatedList):
    """A tag's published articles, and the tags they share to narrow the list further."""

    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        self.counted = (ArchiveCount.Kind.TAG, self.tag.pk)
        return public_articles().filter(taggedarticle__tag=self.tag)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        neighbours = popular_tags(self.object_list, TOP_TAGS_SHOWN + 1, key=self.request.path)
        context["related_tags"] = [tag for tag in neighbours if tag.pk != self.tag.pk]
        return context


class SectionView(PaginatedList):
    """A section's (rubrique's) published articles."""

    template_name = "articles/section_detail.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        self.counted = (ArchiveCount.Kind.SECTION, self.section.pk)
        return public_articles().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


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
        return super().get_context_data(issue=self.issue, object_list=articles, **kwargs)


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


class DirectoryView(TemplateView):
    """An index of what articles are filed under (issues, sections, authors, tags): the rows of
    `model` with published articles, each with their number, `count`.

    One query counts every published article, so the list is kept with the aggregates until
    the content changes (`cached_aggregate`), like the lists' counts; the page cache keeps the
    page as it keeps the others.
    """

    model = None
    relation = ""  # from a row to its articles, or its links to them: "articles", "bylines"
    to_article = ""  # the path of `visible()`: "articles__", "bylines__article__"
    ordering = ()

    def get_queryset(self):
        return self.model._default_manager.all()

    def entries(self):
        return cached_aggregate(
            "directory",
            self.model._meta.label_lower,
            lambda: list(
                self.get_queryset()
                .annotate(count=Count(self.relation, filter=visible(self.to_article)))
                .filter(count__gt=0)
                .order_by(*self.ordering)
            ),
        )


def by_initial(entries, key):
    """`entries` in runs of the same initial of `key(entry)`, an ASCII text: [("A", […]), …];
    digits and signs go under "#"."""

    def initial(entry):
        letter = key(entry)[:1].upper()
        return letter if letter.isalpha() else "#"

    return [(letter, list(run)) for letter, run in groupby(entries, initial)]


class IssueListView(DirectoryView):
    """Every issue with published articles, the current one first, then the others by year."""

    template_name = "articles/issue_list.html"
    model = Issue
    relation, to_article = "articles", "articles__"
    ordering = (F("published_on").desc(nulls_last=True), "-number")

    def get_queryset(self):
        return super().get_queryset().defer("editorial")

    def get_context_data(self, **kwargs):
        issues = self.entries()
        # As on the home page: the highest number with a published article.
        current = max(issues, key=lambda issue: issue.number, default=None)
        years = groupby(
            [issue for issue in issues if issue is not current],
            lambda issue: issue.published_on.year if issue.published_on else None,
        )
        return super().get_context_data(
            current=current,
            years=[(year, list(run)) for year, run in years],
            issue_count=len(issues),
            **kwargs,
        )


class SectionListView(DirectoryView):
    """The sections (rubriques) with published articles, A–Z."""

    template_name = "articles/section_list.html"
    model = Section
    relation, to_article = "articles", "articles__"
    ordering = ("slug",)

    def get_context_data(self, **kwargs):
        return super().get_context_data(sections=self.entries(), **kwargs)


class TagListView(DirectoryView):
    """Every subject with published articles: the most used first, or A–Z (`?tri=a-z`)."""

    template_name = "articles/tag_list.html"
    model = Tag
    relation, to_article = "tagged_articles", "tagged_articles__content_object__"
    ordering = ("-count", "slug")
    ORDERS = {"": "les plus traités d'abord", "a-z": "de A à Z"}

    def get_context_data(self, **kwargs):
        order = self.request.GET.get("tri", "")
        if order not in self.ORDERS:
            raise Http404("Ordre inconnu.")
        tags = self.entries()
        alphabetical = sorted(tags, key=lambda tag: tag.slug)
        return super().get_context_data(
            order=order,
            order_label=self.ORDERS[order],
            tags=tags,
            initials=by_initial(alphabetical, lambda tag: tag.slug) if order else [],
            **kwargs,
        )


class RobotsView(TemplateView):
    """robots.txt: the back office, previews and search results stay out of search engines."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
