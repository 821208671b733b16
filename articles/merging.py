"""Merging the spellings of one tag ("CRM", "crm", "Gestion de la relation client"), and what
the authors' merge (authors/merging.py) shares with it.

Every link (a tagging, a byline) of the duplicates moves onto the row kept; an article linked
to several of them keeps one link. The back office's merge actions call these; they import
nothing of it.
"""

from itertools import groupby
from operator import attrgetter

from django.db import transaction

from articles import counters
from articles.models import Article, TaggedArticle


@transaction.atomic
def merge_tags(target, duplicates):
    """Move every article of `duplicates` onto `target` and delete them; return how many.

    A link stays a suggestion only if every merged link to that article was one.
    """
    duplicate_ids, kept, moved, dropped = merge_links(
        TaggedArticle.objects, target, duplicates, order="suggested"
    )

    confirmed = [
        keep.pk for keep, rows in kept if keep.suggested and not all(r.suggested for r in rows)
    ]
    with counters.tracking({keep.content_object_id for keep, _rows in kept}):
        TaggedArticle.objects.filter(pk__in=dropped).delete()
        TaggedArticle.objects.filter(pk__in=moved).update(tag=target)
    TaggedArticle.objects.filter(pk__in=confirmed).update(suggested=False)
    type(target).objects.filter(pk__in=duplicate_ids).delete()
    return len(kept)


def merge_links(links, target, duplicates, *, order):
    """The links (`ArticleAuthor.objects` or `TaggedArticle.objects`) that merging
    `duplicates` into `target` touches: every link of the articles a duplicate is on, to one
    of the group.

    `order` decides the link kept when no link of an article is the target's. Returns the
    duplicates' ids, then `regroup()`'s kept, moved and dropped links.
    """
    columns = links.model._meta.concrete_fields
    key = next(field.attname for field in columns if field.related_model is type(target))
    article = next(field.attname for field in columns if field.related_model is Article)
    duplicate_ids = [row.pk for row in duplicates if row.pk != target.pk]
    affected = links.filter(**{f"{key}__in": duplicate_ids}).values(article)
    group = links.filter(
        **{f"{key}__in": [target.pk, *duplicate_ids], f"{article}__in": affected}
    ).order_by(article, order, "pk")
    return duplicate_ids, *regroup(group, article, target.pk, target_attr=key)


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
