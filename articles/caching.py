"""The page cache: whole public pages kept for anonymous readers, never stale for editors.

Editors never have to think about it. Every key carries a content *generation* number kept in
the cache itself (so it is shared by every process when the cache is Redis); saving or deleting
anything a public page shows bumps it once the transaction commits, and every cached page is
forgotten at once. Scheduled articles appear on time because no entry outlives the next
scheduled publication: the earliest future `published_at` is looked up once per generation and
caps every timeout.

As a safety net for bulk writes that send no signal (`QuerySet.update()`, `bulk_create()`),
every successful POST of a signed-in editor to the back office starts a new generation too
(never an anonymous one: a failed login must not empty the cache for everyone); code writing
in bulk elsewhere calls `content_changed()` itself.

Only anonymous GET requests are served from the cache: a request with a session cookie (an
editor, a reader who logged in) always reaches the views, and so does the back office. Responses
are stored only when they are plain 200 pages that set no cookie, are not marked private or
`never_cache`, and vary on nothing but the cookie header (whose only meaningful cookie, the
session, is excluded above). Query parameters no public page reads (`utm_source`…) are dropped
before the view runs: they neither make another entry nor reach the page's links.

The same generation keeps the archive-wide aggregates of lists and the cards of articles for
every reader, when `AGGREGATE_CACHE` is on, page cache or not (`articles.aggregates`).

Settings: `PAGE_CACHE` and `AGGREGATE_CACHE` (both on by default when `DEBUG` is off) and
`PAGE_CACHE_SECONDS`.
Both need a cache every process shares (`REDIS_URL`): the settings keep them off without one,
since a change saved by one process (another worker, the import worker, a command, a restore)
would never reach the pages the others keep (see docs/deployment.md).
"""

import contextlib
import contextvars
import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

KEY_PREFIX = "page"
GENERATION_KEY = f"{KEY_PREFIX}:generation"
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")
# Back-office views whose POST changes no content (the admin's URL names).
SIGN_IN_AND_OUT = {"login", "logout", "password_change", "password_change_done"}
# What a request has read from the cache already (its generation), set by PageCacheMiddleware.
REQUEST_MEMO = contextvars.ContextVar("page_cache_request_memo", default=None)


# The generation ---------------------------------------------------------------------------


def current_generation():
    """The content generation every page key includes; created on first use.

    A fresh generation starts from the clock in nanoseconds, not from 1: if the cache ever
    loses this key (eviction, restart) while old pages survive, the new number cannot meet
    theirs. Within a request (see PageCacheMiddleware) it is read once: the page and the
    aggregates it shows then belong to one generation, for one round trip to the cache.
    """
    memo = REQUEST_MEMO.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    if memo is not None:
        memo["generation"] = generation
    return generation


def bump_generation():
    """Forget every cached page at once by moving to a new generation."""
    memo = REQUEST_MEMO.get()
    if memo is not None:
        memo.pop("generation", None)
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # the key is missing: any new number will do
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:  # noqa: BLE001 - a cache outage must not break an editor's save
        logger.warning("Page cache: could not bump the generation", exc_info=True)


class GenerationBump:
    """An on-commit callback bumping the generation; remembers that it ran."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        bump_generation()


class Deferral:
    """While a batch job runs (see `bumps_at_most_every`), changes mark the content dirty and
    the job bumps the generation between its transactions, at most every `seconds`."""

    active = dirty = False
    seconds = last = 0.0


@contextlib.contextmanager
def bumps_at_most_every(seconds):
    """For the import command: one bump every `seconds` instead of one per file.

    Each bump empties the page and aggregate caches; an archive pouring in file after file
    would keep readers' lists uncached for the whole import. Pages still show the new articles
    within `seconds`, and at once when the job ends. Editors' saves, in web processes, are never
    deferred.
    """
    Deferral.active, Deferral.seconds, Deferral.last = True, seconds, time.monotonic()
    try:
        yield
    finally:
        Deferral.active = False
        if Deferral.dirty:
            Deferral.dirty = False
            bump_generation()


def bump_if_due(using="default"):
    """Between two transactions of a deferring job: bump if something changed and it is time."""
    if not Deferral.dirty or transaction.get_connection(using).in_atomic_block:
        return
    if time.monotonic() - Deferral.last >= Deferral.seconds:
        Deferral.dirty, Deferral.last = False, time.monotonic()
        bump_generation()


def content_changed(using="default", **kwargs):
    """Signal receiver: bump the generation once the current transaction commits.

    Bumping before the commit would let a reader's request cache the old content under the
    new generation. One bump per transaction is enough, so an import writing a file's rows in
    one transaction costs one round trip to the cache: a bump still waiting in the connection's
    on-commit list (Django drops the callbacks of a rolled-back savepoint) covers this change too.
    """
    if Deferral.active:
        Deferral.dirty = True
        return
    connection = transaction.get_connection(using)
    pending = any(
        isinstance(callback, GenerationBump) and not callback.done
        for _savepoints, callback, _robust in connection.run_on_commit
    )
    if connection.in_atomic_block and pending:
        return
    transaction.on_commit(GenerationBump(), using=using, robust=True)


def public_models():
    """The models whose rows public pages show: a change to any of them changes pages."""
    from articles.models import Article, ArticleAuthor, Issue, Section, Tag, TaggedArticle
    from authors.models import Author

    return [Article, ArticleAuthor, Author, Issue, Section, Tag, TaggedArticle]


def connect_signals():
    """Called by `ArticlesConfig.ready()`, so that management commands invalidate too."""
    for model in public_models():
        uid = f"page-cache-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    from articles.models import Article

    for through in (Article.tags.through, Article.authors.through):
        m2m_changed.connect(
            content_changed, sender=through, dispatch_uid=f"page-cache-m2m-{through.__name__}"
        )


# Scheduled publications -------------------------------------------------------------------


def next_publication_timestamp():
    """When the earliest scheduled article goes public (a Unix timestamp), or None."""
    from articles.models import Article

    moment = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
    ).aggregate(next=Min("published_at"))["next"]
    return moment.timestamp() if moment else None


def seconds_until_next_publication(generation):
    """Seconds before the next scheduled article appears (None if nothing is scheduled).

    Looked up in the database once per generation: scheduling an article is a save, which
    starts a new generation. The answer itself expires when that article appears.
    """
    key = f"{KEY_PREFIX}:{generation}:next"
    moment = cache.get(key)
    now = time.time()
    if moment is None or (moment and moment <= now):
        moment = next_publication_timestamp() or 0  # 0 stands for "nothing scheduled"
        lifetime = moment - now if moment else settings.PAGE_CACHE_SECONDS
        if lifetime >= 1:
            cache.set(key, moment, math.floor(lifetime))
    return moment - now if moment else None


def page_timeout(generation):
    """How long a page may stay: PAGE_CACHE_SECONDS, cut short by the next publication."""
    timeout = settings.PAGE_CACHE_SECONDS
    remaining = seconds_until_next_publication(generation)
    if remaining is not None:
        timeout = min(timeout, remaining)
    return math.floor(timeout)


# Archive-wide aggregates ------------------------------------------------------------------


# The middleware ---------------------------------------------------------------------------


def is_cacheable_request(request):
    if not settings.PAGE_CACHE or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    return not request.path.startswith(reverse("admin:index"))


def is_back_office_write(request):
    """A POST to the admin: whatever it wrote, and however (an action's `QuerySet.update()`
    sends no signal), public pages must not outlive it."""
    return request.method == "POST" and request.path.startswith(reverse("admin:index"))


def is_editors_change(request, response):
    """After a back-office POST: a change an editor saved (not a login, logout or refusal).

    Read after the view: the authentication middleware, further in, has set `request.user`.
    """
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    return (
        response.status_code < 400
        and user is not None
        and user.is_authenticated
        and user.is_staff
        and (match is None or match.url_name not in SIGN_IN_AND_OUT)
    )


def is_cacheable_response(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNCACHEABLE_CACHE_CONTROL):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= {"cookie"}


def known_parameters():
    """The query parameters public pages read: the lists' filters and the page number."""
    from articles.site.filters import ArticleFilter

    return {*ArticleFilter.base_filters, "page"}


def keep_known_parameters(request):
    """Drop the parameters no public page reads (`utm_source`, `fbclid`…) before the view runs.

    A cached page is then the same for every such variant (one entry, not one per random
    value), and its links never carry a reader's tracking parameters to the next reader.
    """
    known = known_parameters()
    kept = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name in known:
            kept.setlist(name, values)
    if len(kept) != len(request.GET):
        request.GET = kept
        request.META["QUERY_STRING"] = kept.urlencode()


def page_key(request, generation):
    address = f"{request.scheme}://{request.get_host()}{request.path}?{request.GET.urlencode()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"{KEY_PREFIX}:{generation}:{digest}"


class PageCacheMiddleware:
    """Serve anonymous readers' GET requests from the cache; see the module docstring.

    Place it right after WhiteNoise, before the session middleware, so that a hit costs two
    cache lookups and nothing else. Cache outages are logged and the page is computed as if
    there were no cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = REQUEST_MEMO.set({})
        try:
            return self.respond(request)
        finally:
            REQUEST_MEMO.reset(token)

    def respond(self, request):
        if is_back_office_write(request):
            response = self.get_response(request)
            if is_editors_change(request, response):
                content_changed()
            return response
        if not is_cacheable_request(request):
            return self.get_response(request)
        keep_known_parameters(request)
        try:
            generation = current_generation()
            key = page_key(request, generation)
            stored = cache.get(key)
        except Exception:  # noqa: BLE001 - no cache means slower pages, not broken ones
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if stored is not None:
            return self.rebuild(stored)

        response = self.get_response(request)
        if is_cacheable_response(response):
            self.store(key, generation, response)
        response["X-Page-Cache"] = "miss"
        return response

    def store(self, key, generation, response):
        try:
            timeout = page_timeout(generation)
            if timeout >= 1:
                stored = (response.status_code, list(response.items()), response.content)
                cache.set(key, stored, timeout)
        except Exception:  # noqa: BLE001
            logger.warning("Page cache: could not store a page", exc_info=True)

    @staticmethod
    def rebuild(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
