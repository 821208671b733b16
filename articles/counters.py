"""Numbers of published articles per tag, author, issue, section and year, and in all.

A list's number of articles and the most used tags used to be counted over every matching
article at the first request after each change (a second on 100,000 articles). They are kept
instead in `ArchiveCount` rows, changed in the same transaction as the articles:

- saves and deletions of articles, bylines and taggings (signals, `connect_signals()`): the
  article's share of the counts is read before the change and after it, and the difference
  is added, so nested signals (a tag added through `article.tags`) count once;
- writes that send no signal (`QuerySet.update()`, `bulk_create()`) go through `tracking()`
  or, for new articles only, `articles_added()` (the importer, once per run of files).

A row counts articles whose status is "published", scheduled ones included: those appear at
their date without any write, so readers' figures subtract the (few) articles still to come in
the same query (`visible_count()`). `python manage.py rebuild_counts` counts everything again
(after a restore or a raw SQL change); `recount()` is what it writes.
"""

import contextlib
import threading
from collections import Counter

from django.core.signals import request_finished
from django.db import connections, transaction
from django.db.models import Count, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from articles.models import ArchiveCount, Article, ArticleAuthor, Tag, TaggedArticle

Kind = ArchiveCount.Kind
PUBLISHED = Article.Status.PUBLISHED
# Where each kind of count leads from an article (for the scheduled articles' correction).
ARTICLE_PATHS = {
    Kind.TOTAL: None,
    Kind.TAG: "taggedarticle__tag",
    Kind.AUTHOR: "bylines__author",
    Kind.ISSUE: "issue",
    Kind.SECTION: "section",
    Kind.YEAR: "published_at__year",
}


# What articles contribute -------------------------------------------------------------------


def shares_by_article(ids, using="default"):
    """What each of the articles `ids` adds to the counts as it is now: {pk: Counter of
    (kind, key)}, in three queries at most."""
    by_article = {}
    # By primary key alone: with `status` in the filter, the planner of a table whose statistics
    # lag (an archive pouring in) chose the status index and read every published article.
    rows = (
        Article.objects.using(using)
        .filter(pk__in=ids)
        .values_list("pk", "status", "published_at", "section_id", "issue_id")
    )
    for pk, status, published_at, section, issue in rows:
        if status != PUBLISHED:
            continue
        counts = by_article[pk] = Counter({(Kind.TOTAL, 0): 1})
        if published_at is not None:
            counts[Kind.YEAR, timezone.localtime(published_at).year] += 1
        if section is not None:
            counts[Kind.SECTION, section] += 1
        if issue is not None:
            counts[Kind.ISSUE, issue] += 1
    if by_article:
        taggings = TaggedArticle.objects.using(using).filter(content_object__in=by_article)
        for pk, tag in taggings.values_list("content_object_id", "tag_id"):
            by_article[pk][Kind.TAG, tag] += 1
        bylines = ArticleAuthor.objects.using(using).filter(article__in=by_article)
        for pk, author in bylines.values_list("article_id", "author_id"):
            by_article[pk][Kind.AUTHOR, author] += 1
    return by_article


def shares(ids, using="default"):
    """What the articles `ids` add to the counts as they are now: a Counter of (kind, key)."""
    total = Counter()
    for counts in shares_by_article(ids, using).values():
        total.update(counts)
    return total


def add(delta, using="default"):
    """Add `delta` ({(kind, key): number}) to the counts, in one statement.

    An additive upsert, which Django's `bulk_create(update_conflicts=…)` cannot express (it
    overwrites); PostgreSQL and SQLite share the syntax.
    """
    rows = [(str(kind), key, number) for (kind, key), number in delta.items() if number]
    if not rows:
        return
    table = connections[using].ops.quote_name(ArchiveCount._meta.db_table)
    values = ", ".join(["(%s, %s, %s)"] * len(rows))
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (kind, key, articles) VALUES {values} "  # noqa: S608 - our table
            "ON CONFLICT (kind, key) DO UPDATE SET articles = "
            f"{table}.articles + excluded.articles",
            [value for row in rows for value in row],
        )


def articles_added(ids, using="default"):
    """Count articles just inserted in bulk (no signal was sent for them or their links)."""
    add(shares(ids, using), using)


@contextlib.contextmanager
def tracking(ids, using="default"):
    """Around a write that changes the articles `ids` (their status, dates, section, issue,
    tags or bylines) in bulk: their counts follow it, in the same transaction.

    The signals the write sends meanwhile (a queryset's `delete()` sends two per row) are
    ignored: the difference is taken once, over every article at once.
    """
    ids = list(ids)
    before = shares(ids, using)
    outer, _state.suspended = getattr(_state, "suspended", False), True
    try:
        yield
    finally:
        _state.suspended = outer
    after = shares(ids, using)
    after.subtract(before)
    add(after, using)


# Signals --------------------------------------------------------------------------------------

_state = threading.local()


def _pending():
    if not hasattr(_state, "articles"):
        _state.articles = {}
    return _state.articles


def begin(ids, using="default"):
    """Before a change of the articles `ids`: remember each one's share, unless a change
    around this one (a byline saved inside `article.authors.add()`) already did."""
    if getattr(_state, "suspended", False):
        return
    pending = _pending()
    fresh = [pk for pk in ids if (using, pk) not in pending]
    if fresh:
        before = shares_by_article(fresh, using)
        for pk in fresh:
            pending[using, pk] = [0, before.get(pk, Counter())]
    for pk in ids:
        pending[using, pk][0] += 1


def end(ids, using="default"):
    """After the change: add the difference since the last known share of each of `ids`."""
    if getattr(_state, "suspended", False):
        return
    pending = _pending()
    ids = [pk for pk in ids if pk is not None]
    after = shares_by_article(ids, using)
    delta = Counter()
    for pk in ids:
        entry = pending.get((using, pk))
        delta.update(after.get(pk, Counter()))
        if entry is None:  # created: nothing was there before
            continue
        delta.subtract(entry[1])
        entry[0] -= 1
        if entry[0] <= 0:
            del pending[using, pk]
        else:  # what the change around this one compares with
            entry[1] = after.get(pk, Counter())
    add(delta, using)


def forget(**kwargs):
    """At the end of a request: a change that failed between its two signals leaves nothing."""
    _pending().clear()


def article_ids(instance):
    if isinstance(instance, Article):
        return [instance.pk]
    if isinstance(instance, TaggedArticle):
        return [instance.content_object_id]
    return [instance.article_id]


def before_save(sender, instance, raw=False, using="default", **kwargs):
    # A new byline or tagging changes an article that is already there: read its share.
    ids = [pk for pk in article_ids(instance) if pk is not None]
    if not raw and ids:
        begin(ids, using)


def after_save(sender, instance, raw=False, using="default", **kwargs):
    if not raw:
        end(article_ids(instance), using)


def before_delete(sender, instance, using="default", **kwargs):
    begin(article_ids(instance), using)


def after_delete(sender, instance, using="default", **kwargs):
    end(article_ids(instance), using)


def links_changed(sender, instance, action, reverse, pk_set, using="default", **kwargs):
    """`article.tags.add(…)`, `author.articles.remove(…)`…: the articles on either side."""
    if reverse:
        if pk_set is None:  # clear() from the tag's or author's side
            field = "tag" if sender is TaggedArticle else "author"
            article = "content_object_id" if sender is TaggedArticle else "article_id"
            pk_set = (
                sender.objects.using(using)
                .filter(**{field: instance})
                .values_list(article, flat=True)
            )
        ids = list(pk_set)
    else:
        ids = [instance.pk]
    if action.startswith("pre_"):
        begin(ids, using)
    else:
        end(ids, using)


def connect_signals():
    """Called by `ArticlesConfig.ready()`: every save keeps the counts, commands included."""
    for model in (Article, TaggedArticle, ArticleAuthor):
        uid = f"archive-counts-{model._meta.label_lower}"
        pre_save.connect(before_save, sender=model, dispatch_uid=f"{uid}-pre-save")
        post_save.connect(after_save, sender=model, dispatch_uid=f"{uid}-post-save")
        pre_delete.connect(before_delete, sender=model, dispatch_uid=f"{uid}-pre-delete")
        post_delete.connect(after_delete, sender=model, dispatch_uid=f"{uid}-post-delete")
    for through in (TaggedArticle, ArticleAuthor):
        m2m_changed.connect(
            links_changed, sender=through, dispatch_uid=f"archive-counts-m2m-{through.__name__}"
        )
    request_finished.connect(forget, dispatch_uid="archive-counts-forget")


# Counting again -------------------------------------------------------------------------------


def recount(using="default"):
    """Every count, read from the articles themselves: {(kind, key): number}."""
    published = Article.objects.using(using).filter(status=PUBLISHED)
    grouped = [
        (Kind.SECTION, published.filter(section__isnull=False), "section"),
        (Kind.ISSUE, published.filter(issue__isnull=False), "issue"),
        (
            Kind.YEAR,
            published.filter(published_at__isnull=False).annotate(year=ExtractYear("published_at")),
            "year",
        ),
        (
            Kind.TAG,
            TaggedArticle.objects.using(using).filter(content_object__status=PUBLISHED),
            "tag",
        ),
        (
            Kind.AUTHOR,
            ArticleAuthor.objects.using(using).filter(article__status=PUBLISHED),
            "author",
        ),
    ]
    counts = {(Kind.TOTAL, 0): published.count()}
    for kind, rows, field in grouped:
        numbers = rows.values(field).annotate(number=Count("pk")).order_by()
        counts.update(((kind, key), number) for key, number in numbers.values_list(field, "number"))
    return {key: number for key, number in counts.items() if number}


def rebuild(using="default"):
    """Replace every count by a recount, in one transaction."""
    with transaction.atomic(using=using):
        ArchiveCount.objects.using(using).all().delete()
        ArchiveCount.objects.using(using).bulk_create(
            ArchiveCount(kind=kind, key=key, articles=number)
            for (kind, key), number in recount(using).items()
        )


def stored(using="default"):
    """The counts as kept: {(kind, key): number}, without zeros."""
    rows = ArchiveCount.objects.using(using).exclude(articles=0)
    return {
        (kind, key): number for kind, key, number in rows.values_list("kind", "key", "articles")
    }


# Reading --------------------------------------------------------------------------------------


def scheduled(kind, key_ref, now=None):
    """The published articles still to come in (kind, key): a subquery of their number."""
    upcoming = Article.objects.filter(status=PUBLISHED, published_at__gt=now or timezone.now())
    path = ARTICLE_PATHS[kind]
    if path is not None:
        upcoming = upcoming.filter(**{path: key_ref})
    number = Func("pk", function="COUNT", output_field=IntegerField())
    return Subquery(upcoming.order_by().annotate(number=number).values("number")[:1])


def with_visible(counts, kind, now=None):
    """`counts` (ArchiveCount rows of one kind) with `visible`: the articles readers see.

    `now`: a moment or an expression (`Now()`, the database's clock, for a queryset kept
    longer than a request); by default the time of the call."""
    return counts.annotate(
        visible=Coalesce("articles", 0) - Coalesce(scheduled(kind, OuterRef("key"), now), 0)
    )


def visible_count(kind, key=0):
    """How many published articles readers see in (kind, key), in one query."""
    row = (
        with_visible(ArchiveCount.objects.filter(kind=kind, key=key), kind)
        .values_list("visible", flat=True)
        .first()
    )
    return max(row or 0, 0)


def most_used_tags(limit, exclude=()):
    """The `limit` tags with the most visible articles, each with `count`: one query.

    Scheduled articles are subtracted from the few rows read (twice `limit`, at least 40), so
    a tag whose every article is still to come drops out.
    """
    tag = Tag.objects.filter(pk=OuterRef("key"))
    # The few most counted rows first, from the ranking index; then their corrections.
    top = (
        ArchiveCount.objects.filter(kind=Kind.TAG, articles__gt=0)
        .exclude(key__in=exclude)
        .order_by("-articles", "key")
        .values("pk")[: max(2 * limit, 40)]
    )
    rows = with_visible(ArchiveCount.objects.filter(pk__in=top), Kind.TAG).annotate(
        name=Subquery(tag.values("name")), slug=Subquery(tag.values("slug"))
    )
    tags = []
    for key, name, slug, number in rows.values_list("key", "name", "slug", "visible"):
        if number > 0 and name is not None:
            tags.append(Tag(pk=key, name=name, slug=slug))
            tags[-1].count = number
    tags.sort(key=lambda tag: (-tag.count, tag.name))
    return tags[:limit]


# Bounded answers, for lists no count describes (two tags, a tag and a year…) ---------------

COUNT_CAP = 1_000  # beyond it, a list says « Plus de 1 000 articles »
FACET_SAMPLE = 500  # a filtered list's tag facets count its newest articles only


def capped_count(queryset):
    """(number, capped): the articles of `queryset`, counted up to COUNT_CAP only.

    Counting stops at the first COUNT_CAP + 1 rows, whatever the size of the archive.
    """
    number = queryset.order_by()[: COUNT_CAP + 1].count()
    return min(number, COUNT_CAP), number > COUNT_CAP


def newest(queryset):
    """The ids of the FACET_SAMPLE first articles of `queryset` (a list, newest first), as a
    subquery: what a filtered list's facets count."""
    return queryset.values("pk")[:FACET_SAMPLE]


def years():
    """The years with visible articles, the latest first: one query."""
    rows = with_visible(ArchiveCount.objects.filter(kind=Kind.YEAR, articles__gt=0), Kind.YEAR)
    return [year for year, number in rows.order_by("-key").values_list("key", "visible") if number]
