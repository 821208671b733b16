"""What the back office's screens share, the authors' included (authors/admin.py).

A row that articles use (an issue, a section, a tag, an author) shows its count of articles,
linked to them, and cannot be deleted while used; authors and tags merge through the same
intermediate page (`merge_rows`, on `action_step`).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from articles.models import Article

APPLY = "apply"
MERGE_MAX = 20


def changelist_url(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def plural(count, singular, plural_form=None):
    """ "0 article", "1 article", "2 articles": French keeps zero singular."""
    return f"{count} {singular if count <= 1 else plural_form or singular + 's'}"


class UsedByArticlesMixin:
    """A row that articles use: its `article_count` column, and a plain refusal to delete it.

    The count comes from `articles_count()`, annotated in `get_queryset()`, and links to the
    article list filtered by `articles_filter`. The database refuses the delete anyway
    (PROTECT); without the refusal, Django's page would tell an editor that they may not
    delete *articles*, as if the delete would take the articles along. `in_use` is the
    refusal: a format_html() string with {name}, {url} and {count}.
    """

    articles_relation = "articles"
    articles_filter = ""
    in_use = ""

    def articles_count(self):
        return Count(self.articles_relation)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=self.articles_count())

    def articles_url(self, obj, **params):
        return changelist_url(Article, **{self.articles_filter: obj.pk}, **params)

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return format_html('<a href="{}">{}</a>', self.articles_url(obj), obj.article_count)

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
                url=self.articles_url(obj),
            )
            for obj in used
        ]
        if not refusals:
            return deleted, counts, perms_needed, protected
        return deleted, counts, set(), refusals


# Bulk actions' intermediate page ---------------------------------------------------------


def submitted(request):
    """Whether the action's intermediate page was submitted (rather than first shown)."""
    return APPLY in request.POST


def action_step(modeladmin, request, queryset, *, form, title, intro, submit_label, rows=None):
    """The page between choosing an action and applying it: a form about the selected rows."""
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "submit_label": submit_label,
        "form": form,
        "rows": rows if rows is not None else [str(obj) for obj in queryset],
        "selected": queryset.values_list("pk", flat=True),
        "action": request.POST["action"],
        "select_across": request.POST.get("select_across", "0"),
        "apply": APPLY,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "opts": opts,
        "app_label": opts.app_label,
        "media": modeladmin.media + form.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/action_step.html", context)


# Merges of authors and tags --------------------------------------------------------------
#
# A merge moves every link of the duplicates onto the row kept, then deletes the duplicates,
# in one transaction. An article linked to several rows of the merged group keeps one link
# only, so the unique constraints (one byline per author, one tag once per article) hold.


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


def merge_action(noun, *, intro, merge):
    """The "merge" action of authors and tags (`noun`, plural): `merge(target, others)` merges
    the selected rows into the one the user keeps, and returns how many articles it touched."""

    @admin.action(description=f"Fusionner les {noun} sélectionnés…", permissions=["delete"])
    def action(model_admin, request, queryset):
        title = f"Fusionner des {noun}"
        return merge_rows(model_admin, request, queryset, noun, title, intro, merge)

    return action


def merge_rows(model_admin, request, queryset, noun, title, intro, merge):
    """Pick the row to keep, `merge` the others into it.

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
