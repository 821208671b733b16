"""The magazine's issues and their table of contents."""

from django.contrib import admin
from django.utils.html import format_html

from articles.admin.common import UsedByArticlesMixin
from articles.models import Article, Issue


class TableOfContentsInline(admin.TabularInline):
    """An issue's contents: order existing articles, add new ones (created as drafts)."""

    model = Article
    fk_name = "issue"
    autocomplete_fields = ["section"]
    fields = ["issue_position", "title", "kind", "section", "status"]
    readonly_fields = ["status"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "article au sommaire"
    verbose_name_plural = "sommaire (ordre : « place au sommaire »)"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("section").order_by("issue_position", "pk")
        )


@admin.register(Issue)
class IssueAdmin(UsedByArticlesMixin, admin.ModelAdmin):
    list_display = ["number", "title", "published_on", "article_count", "public_link"]
    search_fields = ["number", "title"]
    date_hierarchy = "published_on"
    fieldsets = [(None, {"fields": ["number", "title", "published_on", "cover", "editorial"]})]

    inlines = [TableOfContentsInline]
    articles_filter = "issue__id__exact"
    in_use = (
        'Le {name} contient <a href="{url}">{count}</a> : rattachez-les à un autre numéro '
        "avant de le supprimer."
    )
    # Explicit: the annotated count's GROUP BY drops Meta.ordering.
    ordering = ["-number"]
    show_full_result_count = False

    @admin.display(description="page publique")
    def public_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), "voir")
