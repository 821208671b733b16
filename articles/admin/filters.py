"""The back office's list filters: the workflow's states, pending suggestions, most used values."""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from articles.aggregates import cached_aggregate
from articles.models import ArchiveCount, Article, Issue, Tag, TaggedArticle
from authors.models import Author

Status = Article.Status


class StatusFilter(admin.SimpleListFilter):
    """The workflow's states, with "scheduled" told apart from "published and visible"."""

    title = "statut"
    parameter_name = "statut"
    SCHEDULED = "scheduled"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, "Brouillon"),
            (Status.REVIEW, "En relecture"),
            (Status.PUBLISHED, "Publié (visible)"),
            (self.SCHEDULED, "Programmé"),
            (Status.ARCHIVED, "Archivé"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.SCHEDULED:
            return queryset.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
        if value == Status.PUBLISHED:
            return queryset.published()
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


class SuggestionsFilter(admin.SimpleListFilter):
    title = "mots-clés suggérés"
    parameter_name = "suggestions"

    def lookups(self, request, model_admin):
        return [("oui", "À accepter ou retirer"), ("non", "Aucune suggestion en attente")]

    def queryset(self, request, queryset):
        pending = Exists(
            TaggedArticle.objects.filter(content_object=OuterRef("pk"), suggested=True)
        )
        if self.value() == "oui":
            return queryset.filter(pending)
        if self.value() == "non":
            return queryset.exclude(pending)
        return queryset


class MostUsedFilter(admin.SimpleListFilter):
    """A filter listing the most used values only, plus the chosen one, never thousands.

    Any value can still be chosen from its own admin page (author, tag), whose count of
    articles links here.
    """

    shown = 12
    model = None  # Author, Tag…
    kind = ""  # their kind of count of published articles (articles.counters)
    lookup = ""  # the article lookup that filters by the chosen pk

    def most_used(self):
        published = ArchiveCount.objects.filter(kind=self.kind, key=OuterRef("pk"))
        return (
            self.model.objects.annotate(n=Subquery(published.values("articles")[:1]))
            .filter(n__gt=0)
            .order_by("-n", "name")
            .values_list("pk", "name")
        )

    def chosen(self, pk):
        return self.model.objects.filter(pk=pk).values_list("pk", "name")

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.lookup: self.value()})
        return queryset

    @classmethod
    def kept_aggregate(cls):
        """The (name, key) its choices are kept under (ArticleChangeList reads them ahead)."""
        return "admin-most-used", cls.parameter_name

    def lookups(self, request, model_admin):
        # Counting every article's authors or tags takes a while on a big archive: the counts
        # are kept until the content changes (articles.aggregates.cached_aggregate).
        rows = cached_aggregate(
            *self.kept_aggregate(), lambda: list(self.most_used()[: self.shown])
        )
        value = self.value()
        if value and value.isdigit() and int(value) not in {pk for pk, _ in rows}:
            rows += list(self.chosen(int(value)))
        return rows


class AuthorFilter(MostUsedFilter):
    title = "auteur (les plus publiés)"
    parameter_name = "auteur"
    model, kind, lookup = Author, ArchiveCount.Kind.AUTHOR, "bylines__author_id"


class TagFilter(MostUsedFilter):
    title = "mot-clé (les plus utilisés)"
    parameter_name = "mot_cle"
    model, kind, lookup = Tag, ArchiveCount.Kind.TAG, "taggedarticle__tag_id"


class IssueFilter(admin.SimpleListFilter):
    """The latest issues, articles without an issue, and the chosen issue if older.

    Django's filter listed every issue of the archive, each read whole and drawn with its own
    link: a fifth of the list's time with 300 issues. Older issues are reached from their own
    admin page, whose count of articles links here with the same parameter as before.
    """

    title = "numéro (les plus récents)"
    parameter_name = "issue__id__exact"
    shown = 12
    NONE = "aucun"

    @classmethod
    def kept_aggregate(cls):
        """The (name, key) its choices are kept under (ArticleChangeList reads them ahead)."""
        return "admin-latest-issues", ""

    def lookups(self, request, model_admin):
        def latest():
            issues = Issue.objects.only("number", "title").order_by("-number")[: self.shown]
            return [(str(issue.pk), str(issue)) for issue in issues]

        rows = cached_aggregate(*self.kept_aggregate(), latest)
        value = self.value()
        if value and value.isdigit() and value not in {pk for pk, _ in rows}:
            chosen = Issue.objects.filter(pk=int(value)).only("number", "title")
            rows = [*rows, *((str(issue.pk), str(issue)) for issue in chosen)]
        return [*rows, (self.NONE, "Sans numéro")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.NONE:
            return queryset.filter(issue__isnull=True)
        if value and value.isdigit():
            return queryset.filter(issue_id=int(value))
        return queryset


class HasSuggestionsFilter(admin.SimpleListFilter):
    title = "suggestions de l'import"
    parameter_name = "suggere"

    def lookups(self, request, model_admin):
        return [("oui", "Suggéré au moins une fois")]

    def queryset(self, request, queryset):
        if self.value() == "oui":
            return queryset.filter(
                Exists(TaggedArticle.objects.filter(tag=OuterRef("pk"), suggested=True))
            )
        return queryset
