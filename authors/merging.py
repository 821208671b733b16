"""Merging the spellings of one author: the importer meets "J. Dupont" and "Jean Dupont".

Every byline of the duplicates moves onto the author kept, who takes the profile fields they
lack from the duplicates; then the duplicates are deleted, in one transaction. An article
signed by several of them keeps one byline, at the best place any of them had.
"""

from django.db import transaction

from articles import counters
from articles.merging import merge_links
from articles.models import ArticleAuthor

AUTHOR_PROFILE_FIELDS = ("role", "handle", "bio", "photo")


@transaction.atomic
def merge_authors(target, duplicates):
    """Move every byline of `duplicates` onto `target` and delete them.

    Returns the number of articles concerned.
    """
    duplicate_ids, kept, moved, dropped = merge_links(
        ArticleAuthor.objects, target, duplicates, order="position"
    )

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
