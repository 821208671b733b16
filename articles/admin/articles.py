"""The back office for the magazine's content: articles, issues, sections, tags, thesaurus.

The workflow is draft → in review → published → archived. Publishing, scheduling (published
with a future date), unpublishing and archiving need `articles.publish_article` (the Éditeur
group); the rule is enforced by the form's choices, again in `save_model` against crafted
POSTs, by the bulk actions' permissions and by the import page. Contributors (Rédacteur) write
drafts and submit them for review; a published or archived article is read-only to them.

Articles are archived, never deleted, from the back office: only superusers see "delete".
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from articles import counters
from articles.admin.actions import (
    ArticleActionsMixin,
    ArticleTagActionsMixin,
    accept_suggestions,
    drop_suggestions,
)
from articles.admin.article_form import (
    WRITER_STATUSES,
    ArticleAdminForm,
    ArticleFormMixin,
    BodyImageForm,
)
from articles.admin.article_list import ArticleListMixin
from articles.admin.common import plural
from articles.admin.filters import (
    AuthorFilter,
    IssueFilter,
    StatusFilter,
    SuggestionsFilter,
    TagFilter,
)
from articles.admin.imports import ImportViewsMixin
from articles.models import Article, ArticleAuthor, BodyImage, TaggedArticle


class ArticleInlineMixin:
    """Inlines follow the article: read-only wherever the article is. No empty rows: the
    "add another" link adds one."""

    extra = 0

    def article_editable(self, request, obj):
        article_admin = self.admin_site.get_model_admin(Article)
        return obj is None or article_admin.has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self.article_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.article_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.article_editable(request, obj)


class BylineInline(ArticleInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name_plural = "auteurs (dans l'ordre des signatures)"


class TaggingInline(ArticleInlineMixin, admin.TabularInline):
    model = TaggedArticle
    autocomplete_fields = ["tag"]
    fields = ["tag", "suggested"]
    verbose_name = "mot-clé"
    verbose_name_plural = "mots-clés (décochez « suggéré » pour accepter une suggestion)"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("tag").order_by("-suggested", "tag__name")
        )

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, labels={"tag": "mot-clé"}, **kwargs)


class ArticlePartPermissions:
    """Rows that are part of an article's text have no permissions of their own: whoever may
    write the article may add, change and remove them (ArticleInlineMixin then follows the
    article's workflow)."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article") or self.has_change_permission(
            request, obj
        )

    def has_add_permission(self, request, obj=None):
        user = request.user
        return user.has_perm("articles.change_article") or (
            obj is None and user.has_perm("articles.add_article")
        )

    has_change_permission = has_delete_permission = has_add_permission


class BodyImageInline(ArticleInlineMixin, ArticlePartPermissions, admin.TabularInline):
    """Images to show in the body: upload, save, then paste the Markdown line into the text."""

    model = BodyImage
    form = BodyImageForm
    fields = ["image", "alt", "markdown_line"]
    readonly_fields = ["markdown_line"]
    verbose_name_plural = (
        "images du texte (enregistrez, puis collez la ligne Markdown dans le texte)"
    )

    @admin.display(description="à coller dans le texte")
    def markdown_line(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<code class="markdown-line">{}</code>', obj.markdown())


class ArticleWorkflowMixin:
    """Who may do what to an article (see the module's docstring), and what saving it does."""

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def has_change_permission(self, request, obj=None):
        """Editors change every article; contributors their own drafts and articles in review."""
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed or self.has_publish_permission(request):
            return allowed
        return obj.status in WRITER_STATUSES and obj.created_by_id == request.user.pk

    def has_delete_permission(self, request, obj=None):
        # The workflow archives; deleting stays a superuser's repair tool.
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # One recount for the selection, not two signals per article, tagging and byline.
        with counters.tracking(list(queryset.values_list("pk", flat=True))):
            super().delete_queryset(request, queryset)

    def editable(self, request, queryset):
        """The selected articles this user may change; says which were left alone."""
        queryset = queryset.prefetch_related(None)
        if self.has_publish_permission(request):
            return queryset
        kept = queryset.filter(status__in=WRITER_STATUSES, created_by=request.user)
        left = queryset.count() - kept.count()
        if left:
            ignored = plural(left, "article", "articles")
            self.message_user(
                request,
                f"{ignored} laissé{'s' if left > 1 else ''} de côté : publiés, archivés ou "
                "écrits par d'autres, seul un éditeur peut les modifier.",
                messages.WARNING,
            )
        return kept

    def save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request):
            stored = Article.objects.filter(pk=obj.pk).values_list("status", flat=True).first()
            if obj.status not in WRITER_STATUSES or (stored and stored not in WRITER_STATUSES):
                raise PermissionDenied("Seul un éditeur peut publier, dépublier ou archiver.")
        if "_mark_reviewed" in request.POST:
            obj.needs_review = False
            obj.import_conflict = False
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if obj.is_scheduled:
            moment = date_format(timezone.localtime(obj.published_at), "j F Y à H:i")
            self.message_user(request, f"« {obj} » est programmé : visible le {moment}.")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        if "![" in article.body:  # images just uploaded give the body their sizes
            before = article.body_html
            article.render_body()
            if article.body_html != before:
                Article.objects.filter(pk=article.pk).update(body_html=article.body_html)
        taggings = TaggedArticle.objects.filter(content_object=article)
        if "_accept_suggestions" in request.POST:
            accept_suggestions(taggings)
        elif "_drop_suggestions" in request.POST:
            drop_suggestions(taggings)

    def response_change(self, request, obj):
        for button, message in [
            ("_mark_reviewed", "Article marqué comme relu."),
            ("_accept_suggestions", "Mots-clés suggérés acceptés."),
            ("_drop_suggestions", "Mots-clés suggérés retirés."),
        ]:
            if button in request.POST:
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets anyone who may *view* history post a revert: require the change
        # permission on the article as it stands now.
        if request.method == "POST":
            article = self.get_object(request, unquote(object_id))
            if article is None or not self.has_change_permission(request, article):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Article)
class ArticleAdmin(
    ArticleListMixin,
    ArticleFormMixin,
    ArticleWorkflowMixin,
    ArticleActionsMixin,
    ArticleTagActionsMixin,
    ImportViewsMixin,
    SimpleHistoryAdmin,
):
    list_display = [
        "title",
        "thumbnail",
        "status_label",
        "published_at",
        "byline",
        "issue",
        "section",
        "tag_list",
        "review_flag",
    ]
    list_filter = [
        StatusFilter,
        "needs_review",
        "import_conflict",
        SuggestionsFilter,
        IssueFilter,
        "section",
        AuthorFilter,
        TagFilter,
        "kind",
    ]
    search_fields = ["title", "standfirst", "body", "bylines__author__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["issue", "section"]
    prepopulated_fields = {"slug": ["title"]}
    # readonly_fields and fieldsets: ArticleFormMixin.
    actions = [
        "submit_for_review",
        "mark_reviewed",
        "publish",
        "unpublish",
        "archive",
        "assign_issue",
        "add_tag",
        "accept_suggestions",
        "drop_suggestions",
    ]
    list_select_related = ["issue", "section"]

    form = ArticleAdminForm
    inlines = [BylineInline, TaggingInline, BodyImageInline]
    # Fifty rows: Django renders each cell of the list on its own (about 0.5 ms a row).
    list_per_page = 50
    show_full_result_count = False
    save_on_top = True

    class Media:
        css = {"all": ["admin-extra/source-reading.css"]}
