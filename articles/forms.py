"""Forms of the back office: the article form's workflow rules, the import page, action steps."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget, AdminTextareaWidget
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article, BodyImage, Issue, Tag
from articles.uploads import UploadError, read_uploads

WRITER_STATUSES = (Article.Status.DRAFT, Article.Status.REVIEW)
PUBLISH_REFUSED = (
    "Seul un éditeur peut publier, programmer, dépublier ou archiver un article : "
    "choisissez « Brouillon » ou « En relecture »."
)
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
        # Authors and tags are edited in the inlines (bylines, taggings), with autocomplete.
        fields = [
            "title",
            "slug",
            "kind",
            "standfirst",
            "body",
            "interviewee",
            "image",
            "image_alt",
            "image_caption",
            "photo_credit",
            "section",
            "issue",
            "issue_position",
            "status",
            "published_at",
            "needs_review",
        ]
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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_clean(item, initial) for item in data]
        return [single_clean(data, initial)] if data else single_clean(data, initial)


class ImportForm(forms.Form):
    """The import page: text files or one zip, the status of created articles, a dry run."""

    files = MultipleFileField(
        label="Fichiers",
        help_text="Plusieurs fichiers .txt de l'archive, ou une seule archive .zip.",
    )
    status = forms.ChoiceField(
        label="Statut des articles créés",
        choices=[
            (Article.Status.DRAFT, "Brouillon"),
            (Article.Status.REVIEW, "En relecture"),
            (Article.Status.PUBLISHED, "Publié"),
        ],
        initial=Article.Status.DRAFT,
        help_text="Les articles déjà importés gardent leur statut.",
    )
    dry_run = forms.BooleanField(
        label="Simulation",
        required=False,
        help_text="Analyser les fichiers et afficher le rapport sans rien enregistrer.",
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_publish = can_publish
        if not can_publish:
            self.fields["status"].choices = [(Article.Status.DRAFT, "Brouillon")]
            self.fields[
                "status"
            ].help_text = (
                "Vos imports créent des brouillons ; un éditeur les publiera après relecture."
            )

    def clean_files(self):
        try:
            self.upload = read_uploads(self.cleaned_data["files"])
        except UploadError as error:
            raise forms.ValidationError(str(error)) from error
        return self.cleaned_data["files"]


class IssueChoiceForm(forms.Form):
    issue = forms.ModelChoiceField(
        label="Numéro", queryset=Issue.objects.order_by("-number"), empty_label=None
    )


class TagNameForm(forms.Form):
    name = forms.CharField(
        label="Mot-clé",
        max_length=100,
        help_text="Un mot-clé existant, ou un nouveau, créé s'il n'existe pas encore.",
    )


class MergeTargetForm(forms.Form):
    """Choose, among the selected rows, the one the others merge into."""

    target = forms.ModelChoiceField(
        label="Conserver", queryset=None, widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, queryset, label_from_instance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = queryset
        if label_from_instance is not None:
            self.fields["target"].label_from_instance = label_from_instance


class TagAdminForm(forms.ModelForm):
    """Rename a tag; its address changes only when asked, since links point to it."""

    regenerate_slug = forms.BooleanField(
        label="Recalculer l'identifiant d'URL à partir du nom",
        required=False,
        help_text="L'ancienne adresse de la page du mot-clé cessera de fonctionner.",
    )

    class Meta:
        model = Tag
        fields = ["name", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = "Laissez vide pour le déduire du nom."

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        same = Tag.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).first()
        if same is not None:
            raise forms.ValidationError(
                f"Le mot-clé « {same.name} » existe déjà : pour réunir les deux, utilisez "
                "l'action « Fusionner les mots-clés sélectionnés » de la liste."
            )
        return name

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name and (cleaned.get("regenerate_slug") or not cleaned.get("slug")):
            self.instance.name = name
            cleaned["slug"] = unique_tag_slug(self.instance)
        return cleaned


def unique_tag_slug(tag):
    """The tag's slug from its name, numbered when another tag holds it."""
    others = Tag.objects.exclude(pk=tag.pk)
    slug, i = tag.slugify(tag.name), 1
    while others.filter(slug=slug).exists():
        i += 1
        slug = tag.slugify(tag.name, i)
    return slug
