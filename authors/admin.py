"""The authors in the back office: profiles, article counts, and merging duplicates.

The importer meets the same person under several spellings ("J. Dupont", "Jean Dupont");
merging moves every signature of the duplicates onto the author kept, then deletes them.
An author who still signs articles cannot be deleted (bylines are PROTECTed): the delete page
says so and points to merging instead.
"""

from django.contrib import admin

from articles.admin.common import UsedByArticlesMixin, merge_action
from authors.merging import merge_authors
from authors.models import Author


@admin.register(Author)
class AuthorAdmin(UsedByArticlesMixin, admin.ModelAdmin):
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

    merge = merge_action(
        "auteurs",
        intro=(
            "Choisissez la graphie à conserver : les articles des autres auteurs lui "
            "sont rattachés, sa fiche est complétée par la leur, puis ils sont supprimés."
        ),
        merge=merge_authors,
    )
