"""What the back office's bulk actions share: their intermediate page, and the two merges.

A merge moves every link of the duplicates onto the row kept, then deletes the duplicates, in
one transaction. An article linked to several rows of the merged group keeps one link only, so
the unique constraints (one byline per author, one tag once per article) always hold.
"""

from itertools import groupby
from operator import attrgetter

from django.contrib.admin import helpers
from django.db import transaction
from django.template.response import TemplateResponse

from articles import counters
from articles.models import ArticleAuthor, TaggedArticle

APPLY = "apply"
AUTHOR_PROFILE_FIELDS = ("role", "handle", "bio", "photo")


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


def regroup(links, group_key, target_id, *, target_attr):
    """Split the links of one merge into those to keep and those to delete.

    `links` are ordered by `group_key`; in each group (one article) the target's link is kept,
    or else the first one, which then moves to the target.
    """
    kept, moved, dropped = [], [], []
    for _, rows in groupby(links, key=attrgetter(group_key)):
        rows = list(rows)
        keep = next((row for row in rows if getattr(row, target_attr) == target_id), rows[0])
        kept.append((keep, rows))
        if getattr(keep, target_attr) != target_id:
            moved.append(keep.pk)
        dropped.extend(row.pk for row in rows if row is not keep)
    return kept, moved, dropped


@transaction.atomic
def merge_authors(target, duplicates):
    """Move every byline of `duplicates` onto `target` and delete them.

    Returns the number of articles concerned.
    """
    duplicate_ids = [author.pk for author in duplicates if author.pk != target.pk]
    affected = ArticleAuthor.objects.filter(author_id__in=duplicate_ids).values("article_id")
    links = ArticleAuthor.objects.filter(
        author_id__in=[target.pk, *duplicate_ids], article_id__in=affected
    ).order_by("article_id", "position", "pk")
    kept, moved, dropped = regroup(links, "article_id", target.pk, target_attr="author_id")

    with counters.tracking({keep.article_id for keep, _rows in kept}):
        ArticleAuthor.objects.filter(pk__in=dropped).delete()
        ArticleAuthor.objects.filter(pk__in=moved).update(author=target)
    for keep, rows in kept:
        # The merged signature takes the best place any of its spellings had.
        first = min(row.position for row in rows)
        if keep.position != first:
            ArticleAuthor.objects.filter(pk=keep.pk).update(position=first)

    changed = []
    for field in AUTHOR_PROFILE_FIELDS:
        if not getattr(target, field):
            value = next((getattr(d, field) for d in duplicates if getattr(d, field)), None)
            if value:
                setattr(target, field, value)
                changed.append(field)
    if changed:
        target.save(update_fields=changed)
    type(target).objects.filter(pk__in=duplicate_ids).delete()
    return len(kept)


@transaction.atomic
def merge_tags(target, duplicates):
    """Move every article of `duplicates` onto `target` and delete them; return how many.

    A link stays a suggestion only if every merged link to that article was one.
    """
    duplicate_ids = [tag.pk for tag in duplicates if tag.pk != target.pk]
    affected = TaggedArticle.objects.filter(tag_id__in=duplicate_ids).values("content_object_id")
    links = TaggedArticle.objects.filter(
        tag_id__in=[target.pk, *duplicate_ids], content_object_id__in=affected
    ).order_by("content_object_id", "suggested", "pk")
    kept, moved, dropped = regroup(links, "content_object_id", target.pk, target_attr="tag_id")

    confirmed = [
        keep.pk for keep, rows in kept if keep.suggested and not all(r.suggested for r in rows)
    ]
    with counters.tracking({keep.content_object_id for keep, _rows in kept}):
        TaggedArticle.objects.filter(pk__in=dropped).delete()
        TaggedArticle.objects.filter(pk__in=moved).update(tag=target)
    TaggedArticle.objects.filter(pk__in=confirmed).update(suggested=False)
    type(target).objects.filter(pk__in=duplicate_ids).delete()
    return len(kept)
