"""The back office for the magazine's content: articles, issues, sections, tags, thesaurus.

The workflow is draft → in review → published → archived. Publishing, scheduling (published
with a future date), unpublishing and archiving need `articles.publish_article` (the Éditeur
group); the rule is enforced by the form's choices, again in `save_model` against crafted
POSTs, by the bulk actions' permissions and by the import page. Contributors (Rédacteur) write
drafts and submit them for review; a published or archived article is read-only to them.

Articles are archived, never deleted, from the back office: only superusers see "delete".
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import bulk_update_with_history

from articles import bodies, counters
from articles.admin_actions import action_step, merge_tags, submitted
from articles.admin_views import import_articles, import_job_page
from articles.caching import cached_aggregate, content_changed
from articles.forms import (
    WRITER_STATUSES,
    ArticleAdminForm,
    BodyImageForm,
    IssueChoiceForm,
    MergeTargetForm,
    TagAdminForm,
    TagNameForm,
)
from articles.importing.parser import explain_bytes
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    BodyImage,
    FurnitureLine,
    Issue,
    Section,
    Subject,
    Tag,
    TaggedArticle,
)
from authors.models import Author

Status = Article.Status
MERGE_MAX = 20

BYLINES = Prefetch(
    "bylines", queryset=ArticleAuthor.objects.select_related("author").order_by("position")
)
TAGGINGS = Prefetch(
    "taggedarticle_set", queryset=TaggedArticle.objects.select_related("tag").order_by("tag__name")
)


def changelist_url(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def plural(count, singular, plural_form=None):
    """ "0 article", "1 article", "2 articles": French keeps zero singular."""
    return f"{count} {singular if count <= 1 else plural_form or singular + 's'}"


# Filters ----------------------------------------------------------------------------------


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
    usage = ""  # the relation counted for "most used"
    lookup = ""  # the article lookup that filters by the chosen pk

    def most_used(self):
        return (
            self.model.objects.annotate(n=Count(self.usage))
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

    def lookups(self, request, model_admin):
        # Counting every article's authors or tags takes a while on a big archive: the counts
        # are kept until the content changes (articles.caching.cached_aggregate).
        rows = cached_aggregate(
            "admin-most-used", self.parameter_name, lambda: list(self.most_used()[: self.shown])
        )
        value = self.value()
        if value and value.isdigit() and int(value) not in {pk for pk, _ in rows}:
            rows += list(self.chosen(int(value)))
        return rows


class AuthorFilter(MostUsedFilter):
    title = "auteur (les plus publiés)"
    parameter_name = "auteur"
    model, usage, lookup = Author, "bylines", "bylines__author_id"


class TagFilter(MostUsedFilter):
    title = "mot-clé (les plus utilisés)"
    parameter_name = "mot_cle"
    model, usage, lookup = Tag, "tagged_articles", "taggedarticle__tag_id"


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


# Articles ---------------------------------------------------------------------------------


class ArticleChangeList(ChangeList):
    """The article list reads none of the long texts it does not show.

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

    def get_results(self, request):
        self.queryset = self.queryset.defer(*self.long_texts).prefetch_related(None)
        super().get_results(request)
        # Bylines and tags as plain rows, two queries: a page of 100 articles prefetched
        # some 2,000 model instances (bench/analysis.md).
        rows = {article.pk: article for article in self.result_list}
        for article in rows.values():
            article.admin_bylines, article.admin_tags = [], []
        bylines = ArticleAuthor.objects.filter(article__in=rows).order_by("position")
        for pk, name in bylines.values_list("article", "author__name") if rows else []:
            rows[pk].admin_bylines.append(name)
        taggings = TaggedArticle.objects.filter(content_object__in=rows).order_by("tag__name")
        for pk, name, suggested in (
            taggings.values_list("content_object", "tag__name", "suggested") if rows else []
        ):
            rows[pk].admin_tags.append((name, suggested))

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return YearsKeptQuerySet(
            model=queryset.model, query=queryset.query, using=queryset.db, hints=queryset._hints
        )


class YearsKeptQuerySet(ArticleQuerySet):
    """The article list's queryset, whose years (the date hierarchy's first level, a scan of
    every article) are kept until the content changes (`cached_aggregate`)."""

    def datetimes(self, field_name, kind, *args, **kwargs):
        years = super().datetimes(field_name, kind, *args, **kwargs)
        if kind != "year":
            return years
        return cached_aggregate("admin-years", str(self.query), lambda: list(years))


class ArticleInlineMixin:
    """Inlines follow the article: read-only wherever the article is."""

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
    extra = 0
    verbose_name = "signature"
    verbose_name_plural = "auteurs (dans l'ordre des signatures)"


class TaggingInline(ArticleInlineMixin, admin.TabularInline):
    model = TaggedArticle
    autocomplete_fields = ["tag"]
    fields = ["tag", "suggested"]
    extra = 0
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
    extra = 0
    verbose_name_plural = (
        "images du texte (enregistrez, puis collez la ligne Markdown dans le texte)"
    )

    @admin.display(description="à coller dans le texte")
    def markdown_line(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<code class="markdown-line">{}</code>', obj.markdown())


def merge_rows(model_admin, request, queryset, *, noun, title, intro, merge):
    """The merge action of authors and tags: pick the row to keep, `merge` the others into it.

    The rows carry `name` and an `article_count` annotation (their admins' queryset).
    """
    rows = list(queryset)
    if not 2 <= len(rows) <= MERGE_MAX:
        model_admin.message_user(
            request, f"Sélectionnez de 2 à {MERGE_MAX} {noun} à fusionner.", messages.ERROR
        )
        return None
    form = MergeTargetForm(
        request.POST if submitted(request) else None,
        queryset=queryset,
        label_from_instance=lambda row: f"{row.name} ({plural(row.article_count, 'article')})",
    )
    if not form.is_valid():
        return action_step(
            model_admin,
            request,
            queryset,
            form=form,
            title=title,
            intro=intro,
            submit_label="Fusionner",
        )
    target = form.cleaned_data["target"]
    others = [row for row in rows if row.pk != target.pk]
    names = ", ".join(f"« {row.name} »" for row in others)
    moved = merge(target, others)
    model_admin.log_change(request, target, f"Fusion de {names}")
    model_admin.message_user(
        request,
        f"{names} fusionné{'s' if len(others) > 1 else ''} dans « {target} » "
        f"({plural(moved, 'article concerné', 'articles concernés')}).",
        messages.SUCCESS,
    )
    return None


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
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
        "issue",
        "section",
        AuthorFilter,
        TagFilter,
        "kind",
    ]
    search_fields = ["title", "standfirst", "body", "bylines__author__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["issue", "section"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "warning_list",
        "source_text_view",
        "source_reading",
        "source_file",
        "source_position",
        "import_conflict",
        "reading_minutes",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            "Contenu",
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "standfirst",
                    "body",
                    "interviewee",
                ]
            },
        ),
        (
            "Image principale",
            {"fields": ["image", "image_alt", "image_caption", "photo_credit"]},
        ),
        (
            "Provenance (import)",
            {
                "classes": ["collapse"],
                "description": "Ce que l'import a lu et ce dont il doutait, à comparer au texte.",
                "fields": [
                    "warning_list",
                    "source_text_view",
                    "source_reading",
                    "source_file",
                    "source_position",
                    "import_conflict",
                ],
            },
        ),
        ("Métadonnées", {"fields": ["section", "issue", "issue_position"]}),
        (
            "Publication",
            {
                "fields": [
                    "status",
                    "published_at",
                    "needs_review",
                    "reading_minutes",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]
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
    list_per_page = 100
    show_full_result_count = False
    save_on_top = True

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

    def get_urls(self):
        return [
            path(
                "importer/",
                self.admin_site.admin_view(self.import_view),
                name="articles_article_import",
            ),
            path(
                "importer/<int:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name="articles_article_import_job",
            ),
            path(
                "apercu-du-texte/",
                self.admin_site.admin_view(self.body_preview_view),
                name="articles_article_body_preview",
            ),
            *super().get_urls(),
        ]

    @method_decorator(csrf_exempt)  # checked by the view, once the upload size limit is set
    def import_view(self, request):
        return import_articles(request, self)

    def import_job_view(self, request, job_id):
        return import_job_page(request, self, job_id)

    @method_decorator(require_POST)
    def body_preview_view(self, request):
        """The body being typed, rendered as the article page will show it (MarkdownTextarea)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        html = bodies.render(request.POST.get("body", ""), request.POST.get("kind", ""))
        return HttpResponse(html, content_type="text/html; charset=utf-8")

    # Permissions ---------------------------------------------------------------------------

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

    # Columns -------------------------------------------------------------------------------

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

    @admin.display(description="avertissements de l'import")
    def warning_list(self, obj):
        if not obj.import_warnings:
            return "Aucun"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in obj.import_warnings))
        )

    @admin.display(description="texte source")
    def source_text_view(self, obj):
        if not obj.source_text:
            return "—"
        return format_html(
            '<textarea readonly rows="18" class="vLargeTextField" aria-label="Texte source">'
            "{}</textarea>",
            obj.source_text,
        )

    class Media:
        css = {"all": ["admin-extra/source-reading.css"]}

    @admin.display(description="lecture de l'import")
    def source_reading(self, obj):
        """The source's lines with the role the parser gave each and why (`--explain`)."""
        if not obj.source_text:
            return "—"
        lines, _parsed = explain_bytes(obj.source_text.encode())
        rows = format_html_join(
            "",
            '<tr class="role-{}"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            ((role.split()[0], number, text, role, reason) for number, role, reason, text in lines),
        )
        return format_html(
            '<table class="source-reading"><thead><tr><th>ligne</th><th>texte source</th>'
            "<th>rôle</th><th>pourquoi</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None

    # Form ----------------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.can_publish = self.has_publish_permission(request)
        return form

    def change_view(self, request, object_id, form_url="", extra_context=None):
        pending = object_id.isdigit() and (
            TaggedArticle.objects.filter(content_object_id=object_id, suggested=True).exists()
        )
        context = {**(extra_context or {}), "pending_suggestions": pending}
        return super().change_view(request, object_id, form_url, context)

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
        suggestions = TaggedArticle.objects.filter(content_object=form.instance, suggested=True)
        if "_accept_suggestions" in request.POST:
            suggestions.update(suggested=False)
            content_changed()
        elif "_drop_suggestions" in request.POST:
            suggestions.delete()

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

    # Actions -------------------------------------------------------------------------------

    def update_with_history(self, request, articles, fields, reason):
        now = timezone.now()
        for article in articles:
            article.updated_at = now
        with counters.tracking(article.pk for article in articles):
            bulk_update_with_history(
                articles,
                Article,
                [*fields, "updated_at"],
                default_user=request.user,
                default_change_reason=reason,
            )
        # A bulk update sends no signal: tell the page cache ourselves.
        content_changed()

    @admin.action(description="Soumettre à la relecture", permissions=["change"])
    def submit_for_review(self, request, queryset):
        articles = list(self.editable(request, queryset).filter(status=Status.DRAFT))
        for article in articles:
            article.status = Status.REVIEW
        self.update_with_history(request, articles, ["status"], "Soumis à la relecture")
        self.message_user(
            request, f"{plural(len(articles), 'article soumis', 'articles soumis')} à la relecture."
        )

    @admin.action(
        description="Marquer comme relu (doutes de l'import levés)", permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        articles = list(
            self.editable(request, queryset).filter(Q(needs_review=True) | Q(import_conflict=True))
        )
        for article in articles:
            article.needs_review = False
            article.import_conflict = False
        self.update_with_history(
            request, articles, ["needs_review", "import_conflict"], "Marqué comme relu"
        )
        self.message_user(
            request, f"{plural(len(articles), 'article marqué', 'articles marqués')} comme relu."
        )

    @admin.action(
        description="Publier (ou programmer, si la date est future)", permissions=["publish"]
    )
    def publish(self, request, queryset):
        now = timezone.now()
        articles = list(queryset.prefetch_related(None).exclude(status=Status.PUBLISHED))
        for article in articles:
            article.status = Status.PUBLISHED
            article.published_at = article.published_at or now
        self.update_with_history(request, articles, ["status", "published_at"], "Publication")
        scheduled = sum(article.is_scheduled for article in articles)
        message = f"{plural(len(articles), 'article publié', 'articles publiés')}"
        if scheduled:
            message += f", dont {scheduled} programmé{'s' if scheduled > 1 else ''} (date future)"
        self.message_user(request, message + ".", messages.SUCCESS)

    @admin.action(description="Dépublier (repasser en brouillon)", permissions=["publish"])
    def unpublish(self, request, queryset):
        articles = list(queryset.prefetch_related(None).filter(status=Status.PUBLISHED))
        for article in articles:
            article.status = Status.DRAFT
        self.update_with_history(request, articles, ["status"], "Dépublication")
        self.message_user(
            request, f"{plural(len(articles), 'article dépublié', 'articles dépubliés')}."
        )

    @admin.action(description="Archiver (retirer du site sans supprimer)", permissions=["publish"])
    def archive(self, request, queryset):
        articles = list(queryset.prefetch_related(None).exclude(status=Status.ARCHIVED))
        for article in articles:
            article.status = Status.ARCHIVED
        self.update_with_history(request, articles, ["status"], "Archivage")
        self.message_user(
            request, f"{plural(len(articles), 'article archivé', 'articles archivés')}."
        )

    @admin.action(description="Rattacher à un numéro…", permissions=["change"])
    def assign_issue(self, request, queryset):
        queryset = self.editable(request, queryset)
        form = IssueChoiceForm(request.POST if submitted(request) else None)
        if not form.is_valid():
            return action_step(
                self,
                request,
                queryset,
                form=form,
                title="Rattacher des articles à un numéro",
                intro="Les articles sont ajoutés à la fin du sommaire du numéro choisi.",
                submit_label="Rattacher",
            )
        issue = form.cleaned_data["issue"]
        last = issue.articles.aggregate(last=Max("issue_position"))["last"] or 0
        articles = list(queryset.exclude(issue=issue))
        for position, article in enumerate(articles, start=last + 1):
            article.issue = issue
            article.issue_position = position
        self.update_with_history(
            request, articles, ["issue", "issue_position"], f"Rattaché au {issue}"
        )
        self.message_user(
            request,
            f"{plural(len(articles), 'article rattaché', 'articles rattachés')} au {issue}.",
        )
        return None

    @admin.action(description="Ajouter un mot-clé…", permissions=["change"])
    def add_tag(self, request, queryset):
        queryset = self.editable(request, queryset)
        form = TagNameForm(request.POST if submitted(request) else None)
        if form.is_valid():
            tag = self.find_or_create_tag(request, form.cleaned_data["name"])
            if tag is not None:
                ids = set(queryset.values_list("pk", flat=True))
                linked = TaggedArticle.objects.filter(tag=tag, content_object_id__in=ids)
                linked.filter(suggested=True).update(suggested=False)
                missing = ids - set(linked.values_list("content_object_id", flat=True))
                with counters.tracking(missing):
                    TaggedArticle.objects.bulk_create(
                        TaggedArticle(tag=tag, content_object_id=pk) for pk in sorted(missing)
                    )
                content_changed()
                self.message_user(
                    request, f"« {tag} » ajouté à {plural(len(ids), 'article')}.", messages.SUCCESS
                )
                return None
            form.add_error("name", "Ce mot-clé n'existe pas et vous ne pouvez pas en créer.")
        return action_step(
            self,
            request,
            queryset,
            form=form,
            title="Ajouter un mot-clé aux articles",
            intro="Le mot-clé est ajouté comme confirmé (et confirmé s'il était suggéré).",
            submit_label="Ajouter",
        )

    def find_or_create_tag(self, request, name):
        name = " ".join(name.split())
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = Tag(name=name)
            tag.slug = tag.slugify(name)
            tag = Tag.objects.filter(slug=tag.slug).first() or tag
        if tag.pk is None:
            if not request.user.has_perm("articles.add_tag"):
                return None
            tag.save()
        return tag

    @admin.action(description="Accepter les mots-clés suggérés", permissions=["change"])
    def accept_suggestions(self, request, queryset):
        count = TaggedArticle.objects.filter(
            content_object__in=self.editable(request, queryset), suggested=True
        ).update(suggested=False)
        content_changed()
        self.message_user(
            request, f"{plural(count, 'suggestion acceptée', 'suggestions acceptées')}."
        )

    @admin.action(description="Retirer les mots-clés suggérés", permissions=["change"])
    def drop_suggestions(self, request, queryset):
        suggestions = TaggedArticle.objects.filter(
            content_object__in=self.editable(request, queryset), suggested=True
        )
        with counters.tracking(set(suggestions.values_list("content_object_id", flat=True))):
            count, _ = suggestions.delete()
        self.message_user(
            request, f"{plural(count, 'suggestion retirée', 'suggestions retirées')}."
        )


# Issues and sections ----------------------------------------------------------------------


class InUseByArticlesMixin:
    """Refuse plainly to delete a row that articles still use, and say what to do instead.

    The database refuses anyway (PROTECT). Without this, Django's page would tell an editor
    that they may not delete *articles*, as if the delete would take the articles along.
    `in_use` is the refusal: a format_html() string with {name}, {url} and {count}.
    """

    articles_relation = "articles"
    articles_filter = ""
    in_use = ""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        used = (
            self.model.objects.filter(pk__in=[obj.pk for obj in objs])
            .annotate(n=Count(self.articles_relation))
            .filter(n__gt=0)
        )
        refusals = [
            format_html(
                self.in_use,
                name=str(obj),
                count=plural(obj.n, "article"),
                url=changelist_url(Article, **{self.articles_filter: obj.pk}),
            )
            for obj in used
        ]
        if not refusals:
            return deleted, counts, perms_needed, protected
        return deleted, counts, set(), refusals


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
class IssueAdmin(InUseByArticlesMixin, admin.ModelAdmin):
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

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        url = changelist_url(Article, issue__id__exact=obj.pk)
        return format_html('<a href="{}">{}</a>', url, obj.article_count)

    @admin.display(description="page publique")
    def public_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), "voir")


@admin.register(Section)
class SectionAdmin(InUseByArticlesMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    ordering = ["name"]
    articles_filter = "section__id__exact"
    in_use = (
        'La rubrique « {name} » classe <a href="{url}">{count}</a> : changez-les de rubrique '
        "avant de la supprimer."
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        url = changelist_url(Article, section__id__exact=obj.pk)
        return format_html('<a href="{}">{}</a>', url, obj.article_count)


# Tags -------------------------------------------------------------------------------------


@admin.register(Tag)
class TagAdmin(InUseByArticlesMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count", "suggestion_count"]
    list_filter = [HasSuggestionsFilter]
    search_fields = ["name"]
    fieldsets = [(None, {"fields": ["name", "slug", "regenerate_slug"]})]
    actions = ["merge", "accept_suggestions", "drop_suggestions"]

    form = TagAdminForm
    ordering = ["name"]
    show_full_result_count = False
    articles_relation = "tagged_articles"
    articles_filter = "mot_cle"
    in_use = (
        'Le mot-clé « {name} » est utilisé par <a href="{url}">{count}</a> : fusionnez-le avec '
        "un autre (action « Fusionner ») plutôt que de le supprimer."
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=Count("tagged_articles", filter=Q(tagged_articles__suggested=False)),
                suggestion_count=Count(
                    "tagged_articles", filter=Q(tagged_articles__suggested=True)
                ),
            )
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        url = changelist_url(Article, mot_cle=obj.pk)
        return format_html('<a href="{}">{}</a>', url, obj.article_count)

    @admin.display(description="suggestions en attente", ordering="suggestion_count")
    def suggestion_count(self, obj):
        if not obj.suggestion_count:
            return 0
        url = changelist_url(Article, mot_cle=obj.pk, suggestions="oui")
        return format_html('<a href="{}">{}</a>', url, obj.suggestion_count)

    @admin.action(description="Fusionner les mots-clés sélectionnés…", permissions=["delete"])
    def merge(self, request, queryset):
        return merge_rows(
            self,
            request,
            queryset,
            noun="mots-clés",
            title="Fusionner des mots-clés",
            intro=(
                "Choisissez le mot-clé à conserver : les articles des autres lui sont "
                "rattachés, puis les autres sont supprimés."
            ),
            merge=merge_tags,
        )

    @admin.action(description="Accepter toutes leurs suggestions", permissions=["change"])
    def accept_suggestions(self, request, queryset):
        count = TaggedArticle.objects.filter(tag__in=queryset, suggested=True).update(
            suggested=False
        )
        content_changed()
        self.message_user(
            request, f"{plural(count, 'suggestion acceptée', 'suggestions acceptées')}."
        )

    @admin.action(description="Retirer toutes leurs suggestions", permissions=["change"])
    def drop_suggestions(self, request, queryset):
        suggestions = TaggedArticle.objects.filter(tag__in=queryset, suggested=True)
        with counters.tracking(set(suggestions.values_list("content_object_id", flat=True))):
            count, _ = suggestions.delete()
        self.message_user(
            request, f"{plural(count, 'suggestion retirée', 'suggestions retirées')}."
        )


# The importer's editable data -------------------------------------------------------------


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["name", "variant_count", "active"]
    list_filter = ["active"]
    search_fields = ["name", "variants"]

    list_editable = ["active"]

    @admin.display(description="formes reconnues")
    def variant_count(self, obj):
        return len(obj.variant_list())


@admin.register(FurnitureLine)
class FurnitureLineAdmin(admin.ModelAdmin):
    list_display = ["text"]
    search_fields = ["text"]
