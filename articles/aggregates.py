"""Archive-wide aggregates and page fragments, kept per content generation for every reader.

A list's number of articles and tag facets, the back office's "most used" filters, an article's
card or its related articles cost tens of milliseconds on 100,000 articles and change only when
content does: with `AGGREGATE_CACHE` on they are kept under the page cache's content generation
(`articles.caching`), so a change anywhere forgets them all at once, and no entry outlives the
next scheduled publication. Without a cache, or when it fails, they are computed.
"""

import contextlib
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from articles.caching import KEY_PREFIX, REQUEST_MEMO, current_generation, page_timeout

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def planned_afresh():
    """PostgreSQL: the queries run inside are planned for their own parameters, never prepared.

    psycopg prepares a query after its fifth run on a connection (settings.py), and after five
    more PostgreSQL may keep one generic plan for it, blind to the parameters. An aggregate's
    plan depends on them (a tag carried by 70 % of the archive or by 40 articles, a LIMIT): the
    facets of a list filtered by two tags went from 5 ms to 100-230 ms on 100,000 articles once
    their plan turned generic. Aggregates run once per content generation, so planning each of
    them again costs nothing that shows. Changes psycopg's setting only, no query.
    """
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    threshold, raw.prepare_threshold = raw.prepare_threshold, None
    try:
        yield
    finally:
        raw.prepare_threshold = threshold


def cached_aggregate(name, key, compute):
    """`compute()`, kept until the content changes, when `AGGREGATE_CACHE` is on.

    For the figures a list reads from every matching article, whatever page it shows: its
    number of articles (pagination) and its tag counts (facets), and the back office's "most
    used" filters. On 100,000 articles each costs tens to hundreds of milliseconds and changes
    only when content does, so it is kept under the same generation as cached pages, and for no
    longer than a page (the next scheduled publication ends it). Unlike a page it serves
    everyone, logged in or not: what it keeps must not depend on who asks. The page around it
    and its rows are still computed at every request (its cards: `cached_fragments()`). Small
    tables read whole at every request (the list's choice of sections) are kept the same way.
    Without a cache, or when the cache fails, `compute()` answers. A view may read the
    aggregates it will ask for in one round trip beforehand (`prefetch_aggregates()`).
    """
    if not settings.AGGREGATE_CACHE:
        with planned_afresh():
            return compute()
    try:
        generation = current_generation()
        cache_key = aggregate_key(generation, name, key)
        prefetched = (REQUEST_MEMO.get() or {}).get("aggregates", {})
        value = prefetched[cache_key] if cache_key in prefetched else cache.get(cache_key)
    except Exception:  # noqa: BLE001 - no cache means slower pages, not broken ones
        logger.warning("Aggregate cache unavailable", exc_info=True)
        with planned_afresh():
            return compute()
    if value is None:
        with planned_afresh():
            value = compute()
        if cache_key in prefetched:
            prefetched[cache_key] = value
        try:
            timeout = page_timeout(generation)
            if timeout >= 1:
                cache.set(cache_key, value, timeout)
        except Exception:  # noqa: BLE001
            logger.warning("Aggregate cache: could not store %s", name, exc_info=True)
    return value


def aggregate_key(generation, name, key):
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{KEY_PREFIX}:{generation}:{name}:{digest}"


def prefetch_aggregates(pairs):
    """Read the aggregates `pairs` ((name, key), …) that this request will ask
    `cached_aggregate()` for, in one round trip to the cache instead of one each.

    Under load every round trip to Redis is a wait and two context switches on a busy
    machine; a list page asked for three in a row (count, facets, sections). Those found and
    those missing are remembered for the request (PageCacheMiddleware's memo), and not read
    again by a later call; outside a request, or without the aggregate cache, nothing is read.
    """
    memo = REQUEST_MEMO.get()
    if memo is None or not settings.AGGREGATE_CACHE or len(pairs) < 2:
        return
    known = memo.setdefault("aggregates", {})
    try:
        generation = current_generation()
        keys = [aggregate_key(generation, name, key) for name, key in pairs]
        keys = [key for key in keys if key not in known]
        found = cache.get_many(keys) if keys else {}
    except Exception:  # noqa: BLE001 - cached_aggregate() will try again, key by key
        logger.warning("Aggregate cache unavailable", exc_info=True)
        return
    known.update({key: found.get(key) for key in keys})


def cached_fragments(name, keys, render):
    """{key: HTML} for each of `keys`: the fragments kept for the content generation, and
    `render(missing)` ({key: HTML}) for the others, kept in turn, when `AGGREGATE_CACHE` is on.

    For pieces of pages that depend on the content alone and cost more to render than to
    fetch: an article's card, its authors and tags (articles.site.cards). Any change a public
    page shows starts a new generation, a renamed tag or author included, so a fragment is
    never older than what it shows. All of them come back in one round trip to the cache.
    Without a cache, or when it fails, everything is rendered.
    """
    keys = list(keys)
    if not settings.AGGREGATE_CACHE or not keys:
        return render(keys)
    try:
        generation = current_generation()
        cache_keys = {f"{KEY_PREFIX}:{generation}:{name}:{key}": key for key in keys}
        found = {cache_keys[k]: html for k, html in cache.get_many(list(cache_keys)).items()}
    except Exception:  # noqa: BLE001 - no cache means slower pages, not broken ones
        logger.warning("Fragment cache unavailable", exc_info=True)
        return render(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        rendered = render(missing)
        found.update(rendered)
        try:
            timeout = page_timeout(generation)
            if timeout >= 1:
                cache.set_many(
                    {f"{KEY_PREFIX}:{generation}:{name}:{k}": html for k, html in rendered.items()},
                    timeout,
                )
        except Exception:  # noqa: BLE001
            logger.warning("Fragment cache: could not store %s", name, exc_info=True)
    return found
