"""The pages benchmark: which addresses, how many queries each, and their speed under load.

`plan` and `count_queries` run inside Django (bench.worker) on the benchmark database;
`measure` runs gunicorn once per cache mode and loads every page right after the ceiling, so
that each page's ratio to the ceiling compares figures taken seconds apart.
"""

import sys
import time
import urllib.request

from bench import load
from bench.databases import django_env, run_worker
from bench.server import Server

# The headline reference: a simple template, 20 rows in memory (bench.ceiling.plain).
CEILING = {"name": "ceiling", "label": "Plain ceiling (simple template, 20 rows in memory)"}
# Kept beside it: the article list's own template, same rows (bench.ceiling.ceiling).
OWN_CEILING = {
    "name": "own_ceiling",
    "label": "Own-template ceiling (the list's template, 20 rows in memory)",
}
EDITOR = "bench-editeur"
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
MIN_SAMPLES = 20
LONG_DURATION = 24


# Inside Django ------------------------------------------------------------------------------


def plan():
    """bench.worker task: the benchmarked addresses on this database, and an editor's session.

    The busiest tags are chosen (the largest lists), the newest article with a lead image (a
    page with one does the most: its figure, srcset, Open Graph and JSON-LD), a two-word query.
    """
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Count
    from django.test import Client
    from django.urls import NoReverseMatch, reverse
    from django.utils.http import urlencode

    from articles.models import Article, Tag

    tags = list(
        Tag.objects.filter(tagged_articles__suggested=False)
        .annotate(uses=Count("tagged_articles"))
        .order_by("-uses")[:2]
    )
    articles = Article.objects.published().newest_first()
    article = articles.exclude(image="").first() or articles.first()
    list_url = reverse("articles:list")
    pages = [
        ("home", "Home", reverse("articles:home"), False),
        ("list", "Article list", list_url, False),
        (
            "list_two_tags",
            "List filtered by two tags",
            f"{list_url}?{urlencode([('tag', tags[0].slug), ('tag', tags[1].slug)])}",
            False,
        ),
        ("tag", "Tag page", tags[0].get_absolute_url(), False),
        ("article", "Article page", article.get_absolute_url(), False),
        (
            "search",
            "Search",
            f"{reverse('articles:search')}?{urlencode({'q': 'relation client'})}",
            False,
        ),
        ("feed", "RSS feed", "articles:feed_rss", False),
        ("admin_list", "Admin article list (logged in)", "admin:articles_article_changelist", True),
    ]
    missing = []
    for number, (name, label, url, logged_in) in enumerate(pages):
        if url.startswith(("articles:", "admin:")):
            try:
                pages[number] = (name, label, reverse(url), logged_in)
            except NoReverseMatch:
                missing.append(name)
    pages = [page for page in pages if page[0] not in missing]
    user, _ = get_user_model().objects.get_or_create(username=EDITOR, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="Éditeur"))
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {
        "pages": [
            {"name": name, "label": label, "url": url, "logged_in": logged_in}
            for name, label, url, logged_in in pages
        ],
        "ceiling_url": "/bench/ceiling/",
        "missing": missing,
        "cookie": f"{name}={client.cookies[name].value}",
    }


def count_queries(pages, ceiling_url=None, aggregates=False):
    """bench.worker task: SQL queries of each page, on a second request (steady state).

    `aggregates` turns the aggregate cache on in this process: its local-memory cache is the
    only one there is (the settings keep it off without a shared cache, for web processes).
    """
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.AGGREGATE_CACHE = bool(aggregates)
    anonymous, editor = Client(), Client()
    editor.force_login(get_user_model().objects.get(username=EDITOR))
    counts = {}
    entries = list(pages)
    if ceiling_url:
        entries.append({"name": "ceiling", "url": ceiling_url + "plain/", "logged_in": False})
        entries.append({"name": "own_ceiling", "url": ceiling_url, "logged_in": False})
    for page in entries:
        client = editor if page["logged_in"] else anonymous
        first = client.get(page["url"])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page["url"])
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
        counts[page["name"]] = {
            "queries": len(queries),
            "status": response.status_code,
            "first_status": first.status_code,
            "bytes": len(response.content),
            "slowest": [{"ms": float(q["time"]) * 1000, "sql": q["sql"][:300]} for q in slowest],
        }
    return counts


# Outside: gunicorn and the load ---------------------------------------------------------------


def preflight(server, page, headers):
    """Each page must answer 200 before it is loaded: a redirect or an error is not a page."""
    request = urllib.request.Request(server.url(page["url"]), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, response.headers.get("X-Page-Cache")
    except urllib.error.HTTPError as error:
        return error.code, None


MODES = {
    # The deployment's settings with the page cache off: every page is computed, the lists'
    # archive-wide counts and tag facets come from the aggregate cache (articles.caching).
    "uncached": {"PAGE_CACHE": 0},
    # Whole pages from the cache (Redis), as readers mostly get them.
    "cached": {"PAGE_CACHE": 1},
    # Nothing cached at all: what the first reader after each change waits for.
    "cold": {"PAGE_CACHE": 0, "AGGREGATE_CACHE": 0},
}
BARE = {"name": "bare", "label": "Bare request (no template, no query)", "logged_in": False}


def measure(
    database,
    plan,
    *,
    rounds,
    duration,
    warmup,
    redis_url=None,
    workers=None,
    tool="auto",
    modes=("uncached", "cached", "cold"),
    cold_rounds=1,
):
    """Load every page with the page cache off, on, and with nothing cached.

    Each measurement of a page comes right after one of the ceiling, so that the ratio
    compares two figures taken seconds apart on this shared machine; the server is drained
    between measurements (bench.server.Server.drain). The ceiling is the plain one; the
    own-template ceiling and the bare request are measured once a round.
    """
    results = {}
    for mode in modes:
        extra = {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "BEHIND_TLS_PROXY": 1,
            "ALLOWED_HOSTS": "127.0.0.1",
            **MODES[mode],
        }
        if redis_url:
            extra["REDIS_URL"] = redis_url
        env = django_env(database, **extra)
        if redis_url:
            # Rows written by the generator sent no signal: start from a new generation.
            run_worker("invalidate", database, env=env)
        ceiling = {**CEILING, "url": plan["ceiling_url"] + "plain/", "logged_in": False}
        own = {**OWN_CEILING, "url": plan["ceiling_url"], "logged_in": False}
        bare = {**BARE, "url": plan["ceiling_url"] + "bare/"}
        entries = [ceiling, own, bare, *plan["pages"]]
        figures = {entry["name"]: [] for entry in entries}
        drains = []
        with Server(env, workers) as server:
            preflights = {}
            for entry in entries:
                headers = headers_for(entry, plan)
                preflights[entry["name"]] = preflight(server, entry, headers)
                load.load(server.url(entry["url"]), duration=warmup, headers=headers, tool=tool)
                drains.append(server.drain())
            for number in range(cold_rounds if mode == "cold" else rounds):
                figures["bare"].append(measured(server, bare, plan, duration, tool, drains))
                own_figure = measured(server, own, plan, duration, tool, drains)
                figures["own_ceiling"].append(own_figure)
                for entry in plan["pages"]:
                    reference = measured(server, ceiling, plan, duration, tool, drains)
                    figures["ceiling"].append(reference)
                    figure = measured(server, entry, plan, duration, tool, drains)
                    figure["ceiling_rps"] = reference["rps"]
                    figure["own_ceiling_rps"] = own_figure["rps"]
                    figures[entry["name"]].append(figure)
                    print(
                        f"  {mode} round {number + 1} {entry['name']}: "
                        f"{figure['rps']:.1f} req/s (ceiling {reference['rps']:.1f}), "
                        f"p99 {figure['p99_ms']} ms, {figure['errors']} errors",
                        file=sys.stderr,
                        flush=True,
                    )
            workers_used = server.workers
        results[mode] = {
            "figures": figures,
            "preflight": {
                name: {"status": status, "cache": cache}
                for name, (status, cache) in preflights.items()
            },
            "workers": workers_used,
            "connections": load.CONNECTIONS,
            "redis": bool(redis_url),
            "settings": MODES[mode],
            "drain_max_s": max(drains, default=0),
            "finished": time.time(),
        }
    return results


def measured(server, entry, plan, duration, tool, drains):
    figure = load_page(server, entry, plan, duration, tool)
    drains.append(server.drain())
    return figure


def load_page(server, entry, plan, duration, tool):
    """One measurement; a page too slow to give MIN_SAMPLES answers is loaded longer, once."""
    url, headers = server.url(entry["url"]), headers_for(entry, plan)
    figure = load.load(url, duration=duration, headers=headers, tool=tool)
    if figure["requests"] < MIN_SAMPLES:
        longer = max(4 * duration, LONG_DURATION)
        figure = {**load.load(url, duration=longer, headers=headers, tool=tool), "extended": True}
    return figure


def headers_for(entry, plan):
    headers = dict(PROXY_HEADERS)
    if entry.get("logged_in"):
        headers["Cookie"] = plan["cookie"]
    return headers
