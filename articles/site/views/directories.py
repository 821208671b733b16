"""The indexes of what articles are filed under: issues, sections, tags and authors, each with
its number of published articles."""

from itertools import groupby

from django.db.models import Count, F
from django.http import Http404
from django.views.generic import TemplateView

from articles.aggregates import cached_aggregate
from articles.models import Issue, Section, Tag, visible
from authors.models import Author


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


class AuthorListView(DirectoryView):
    """The authors of published articles, A–Z, with their photo, role and number of articles."""

    template_name = "authors/author_list.html"
    model = Author
    relation, to_article = "bylines", "bylines__article__"
    ordering = ("name_key",)

    def get_queryset(self):
        return super().get_queryset().defer("bio")

    def get_context_data(self, **kwargs):
        authors = self.entries()
        return super().get_context_data(
            author_count=len(authors),
            initials=by_initial(authors, lambda author: author.name_key),
            **kwargs,
        )
