"""How articles are classed: tags (renamed, merged, their suggestions settled), sections, and
the importer's editable data (the thesaurus's subjects, the furniture lines it drops)."""

from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.utils.html import format_html

from articles.admin.actions import settle_suggestions
from articles.admin.common import UsedByArticlesMixin, merge_action
from articles.admin.filters import HasSuggestionsFilter
from articles.merging import merge_tags
from articles.models import FurnitureLine, Section, Subject, Tag, TaggedArticle


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


@admin.register(Tag)
class TagAdmin(UsedByArticlesMixin, admin.ModelAdmin):
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

    merge = merge_action(
        "mots-clés",
        intro=(
            "Choisissez le mot-clé à conserver : les articles des autres lui sont "
            "rattachés, puis les autres sont supprimés."
        ),
        merge=merge_tags,
    )

    def articles_count(self):
        # A suggestion is not the tag's article until an editor accepts it.
        return Count("tagged_articles", filter=Q(tagged_articles__suggested=False))

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                suggestion_count=Count(
                    "tagged_articles", filter=Q(tagged_articles__suggested=True)
                ),
            )
        )

    @admin.display(description="suggestions en attente", ordering="suggestion_count")
    def suggestion_count(self, obj):
        if not obj.suggestion_count:
            return 0
        url = self.articles_url(obj, suggestions="oui")
        return format_html('<a href="{}">{}</a>', url, obj.suggestion_count)

    @admin.action(description="Accepter toutes leurs suggestions", permissions=["change"])
    def accept_suggestions(self, request, queryset):
        taggings = TaggedArticle.objects.filter(tag__in=queryset)
        settle_suggestions(self, request, taggings, accept=True)

    @admin.action(description="Retirer toutes leurs suggestions", permissions=["change"])
    def drop_suggestions(self, request, queryset):
        taggings = TaggedArticle.objects.filter(tag__in=queryset)
        settle_suggestions(self, request, taggings, accept=False)


@admin.register(Section)
class SectionAdmin(UsedByArticlesMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    ordering = ["name"]
    articles_filter = "section__id__exact"
    in_use = (
        'La rubrique « {name} » classe <a href="{url}">{count}</a> : changez-les de rubrique '
        "avant de la supprimer."
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
