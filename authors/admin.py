"""The authors in the back office: profiles, article counts, and merging duplicates.

The importer meets the same person under several spellings ("J. Dupont", "Jean Dupont");
merging moves every signature of the duplicates onto the author kept, then deletes them.
An author who still signs articles cannot be deleted (bylines are PROTECTed): the delete page
says so and points to merging instead.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html

from articles.admin import MERGE_MAX, InUseByArticlesMixin, changelist_url, plural
from articles.admin_actions import action_step, merge_authors, submitted
from articles.forms import MergeTargetForm
from articles.models import Article
from authors.models import Author


@admin.register(Author)
class AuthorAdmin(InUseByArticlesMixin, admin.ModelAdmin):
    list_display = ["name", "role", "handle", "article_count"]
    search_fields = ["name", "role", "handle"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [(None, {"fields": ["name", "slug", "role", "handle", "bio", "photo"]})]
    actions = ["merge"]

    # Explicit: the annotated count's GROUP BY drops Meta.ordering.
    ordering = ["name"]
    show_full_result_count = False
    articles_relation = "bylines"
    articles_filter = "auteur"
    in_use = (
        "L'auteur « {name} » signe "
        '<a href="{url}">{count}</a> : fusionnez-le avec un autre auteur '
        "(action « Fusionner ») plutôt que de le supprimer."
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("bylines"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        url = changelist_url(Article, auteur=obj.pk)
        return format_html('<a href="{}">{}</a>', url, obj.article_count)

    @admin.action(description="Fusionner les auteurs sélectionnés…", permissions=["delete"])
    def merge(self, request, queryset):
        authors = list(queryset)
        if not 2 <= len(authors) <= MERGE_MAX:
            self.message_user(
                request, f"Sélectionnez de 2 à {MERGE_MAX} auteurs à fusionner.", messages.ERROR
            )
            return None
        form = MergeTargetForm(
            request.POST if submitted(request) else None,
            queryset=queryset,
            label_from_instance=lambda a: f"{a.name} ({plural(a.article_count, 'article')})",
        )
        if not form.is_valid():
            return action_step(
                self,
                request,
                queryset,
                form=form,
                title="Fusionner des auteurs",
                intro=(
                    "Choisissez la graphie à conserver : les articles des autres auteurs lui "
                    "sont rattachés, sa fiche est complétée par la leur, puis ils sont supprimés."
                ),
                submit_label="Fusionner",
            )
        target = form.cleaned_data["target"]
        others = [author for author in authors if author.pk != target.pk]
        names = ", ".join(f"« {author.name} »" for author in others)
        moved = merge_authors(target, others)
        self.log_change(request, target, f"Fusion de {names}")
        self.message_user(
            request,
            f"{names} fusionné{'s' if len(others) > 1 else ''} dans « {target} » "
            f"({plural(moved, 'article concerné', 'articles concernés')}).",
            messages.SUCCESS,
        )
        return None
