"""The article's form: the workflow's rules, the Markdown editor, the import's provenance."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget, AdminTextareaWidget
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from articles import bodies
from articles.importing.parser import explain_bytes
from articles.models import Article, BodyImage, TaggedArticle

WRITER_STATUSES = (Article.Status.DRAFT, Article.Status.REVIEW)
PUBLISH_REFUSED = (
    "Seul un éditeur peut publier, programmer, dépublier ou archiver un article : "
    "choisissez « Brouillon » ou « En relecture »."
)
# The form's fields, by fieldset (ArticleFormMixin); authors and tags are edited in the
# inlines (bylines, taggings), with autocomplete.
CONTENT = ["title", "slug", "kind", "standfirst", "body", "interviewee"]
MAIN_IMAGE = ["image", "image_alt", "image_caption", "photo_credit"]
METADATA = ["section", "issue", "issue_position"]
PUBLICATION = ["status", "published_at", "needs_review"]
# What the admin shows and nobody edits.
PROVENANCE = [
    "warning_list",
    "source_text_view",
    "source_reading",
    "source_file",
    "source_position",
    "import_conflict",
]
DATES = ["reading_minutes", "created_at", "updated_at"]
ALT_MISSING = "Décrivez l'image en quelques mots pour qui ne la voit pas (lecteurs d'écran)."


class ThumbnailFileInput(AdminFileWidget):
    """An image field that shows the image it holds, as the thumbnail `spec` (imagekit)."""

    def __init__(self, spec, attrs=None):
        super().__init__({"accept": "image/*", **(attrs or {})})
        self.spec = spec

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        instance = getattr(value, "instance", None)
        if not value or instance is None:
            return field
        thumbnail = getattr(instance, self.spec)
        return format_html('<img class="admin-thumbnail" src="{}" alt="">{}', thumbnail.url, field)


class MarkdownTextarea(AdminTextareaWidget):
    """The body's editor: Markdown, shown rendered beside it as the editor types.

    static/js/body-preview.js posts the text to the admin's body preview (ArticleAdmin) and
    shows the sanitised HTML it answers.
    """

    class Media:
        css = {"all": ["css/admin-editor.css"]}
        js = ["js/body-preview.js"]

    def __init__(self, attrs=None):
        url = reverse_lazy("admin:articles_article_body_preview")
        super().__init__({"data-preview-url": url, "rows": 24, **(attrs or {})})


class ArticleAdminForm(forms.ModelForm):
    """The article form; without the publish permission, the workflow stops at "in review".

    `can_publish` is set by ArticleAdmin.get_form from the user's permissions.
    """

    can_publish = False

    class Meta:
        model = Article
        fields = [*CONTENT, *MAIN_IMAGE, *METADATA, *PUBLICATION]
        widgets = {"body": MarkdownTextarea, "image": ThumbnailFileInput("image_small")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None and not self.can_publish:
            status.choices = [
                (value, label) for value, label in status.choices if value in WRITER_STATUSES
            ]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if not self.can_publish and status not in WRITER_STATUSES:
            raise forms.ValidationError(PUBLISH_REFUSED)
        return status

    def clean(self):
        cleaned = super().clean()
        becomes_published = (
            cleaned.get("status") == Article.Status.PUBLISHED
            and self.instance.status != Article.Status.PUBLISHED
        )
        if becomes_published and "published_at" in self.fields and not cleaned.get("published_at"):
            cleaned["published_at"] = timezone.now()
        if cleaned.get("image") and "image_alt" in self.fields and not cleaned.get("image_alt"):
            self.add_error("image_alt", ALT_MISSING)
        return cleaned


class BodyImageForm(forms.ModelForm):
    class Meta:
        model = BodyImage
        fields = ["image", "alt"]
        widgets = {"image": ThumbnailFileInput("image_body")}


class ArticleFormMixin:
    """ArticleAdmin's change page: its fieldsets, what the import read, the body's preview."""

    readonly_fields = [*PROVENANCE, *DATES]
    fieldsets = [
        ("Contenu", {"fields": CONTENT}),
        ("Image principale", {"fields": MAIN_IMAGE}),
        (
            "Provenance (import)",
            {
                "classes": ["collapse"],
                "description": "Ce que l'import a lu et ce dont il doutait, à comparer au texte.",
                "fields": PROVENANCE,
            },
        ),
        ("Métadonnées", {"fields": METADATA}),
        ("Publication", {"fields": [*PUBLICATION, *DATES]}),
    ]

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

    def get_urls(self):
        preview = self.admin_site.admin_view(self.body_preview_view)
        return [
            path("apercu-du-texte/", preview, name="articles_article_body_preview"),
            *super().get_urls(),
        ]

    @method_decorator(require_POST)
    def body_preview_view(self, request):
        """The body being typed, rendered as the article page will show it (MarkdownTextarea)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        html = bodies.render(request.POST.get("body", ""), request.POST.get("kind", ""))
        return HttpResponse(html, content_type="text/html; charset=utf-8")
