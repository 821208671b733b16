"""Readers under load while an import writes (issue 7): no error, no 5xx, figures for each page.

The big PostgreSQL database is copied (the import must not change the benchmark's data), the
copy served by gunicorn with the page cache off, and four pages (list, list filtered by two
tags, article, search) loaded from 127.0.0.1 for a bounded time by as many load generators
sharing the connections, while `manage.py import_corpus` imports a generated archive into the
same database, as docs/deployment.md says to import on a live site: `--nice`, so that the
import's Python gives way to the web workers on the shared cores and its database work is
paced. The importer writes runs of 50 files, one transaction each, and starts a new content
generation at most every 5 s: readers pay for the counts and facets again after each. An
import still running when the load ends is stopped (SIGTERM); the files it committed stay, as
in production.
"""

import subprocess
import sys
import threading
import time

from bench import load
from bench.databases import ROOT, django_env, postgres_admin, run_worker
from bench.pages import headers_for, preflight
from bench.server import Server

PAGES = ("list", "list_two_tags", "article", "search")


def measure(source, copy, plan, corpus, *, seconds, connections, redis_url=None, workers=None):
    """Load PAGES on a copy of `source` for `seconds` while `corpus` is imported into it."""
    started = time.time()
    postgres_admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
        [source.name],
    )
    copy.create(template=source)
    copy_seconds = round(time.time() - started, 1)
    extra = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BEHIND_TLS_PROXY": 1,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    extra["PAGE_CACHE"] = 0
    if redis_url:
        extra["REDIS_URL"] = redis_url
    env = django_env(copy, **extra)
    entries = [page for page in plan["pages"] if page["name"] in PAGES]
    per_page = max(1, connections // len(entries))
    before = article_count(copy)
    try:
        with Server(env, workers) as server:
            preflights = {e["name"]: preflight(server, e, headers_for(e, plan))[0] for e in entries}
            log = open(ROOT / "bench-data" / "import-under-load.log", "w")  # noqa: SIM115
            importer = subprocess.Popen(
                [sys.executable, "manage.py", "import_corpus", str(corpus), "--nice"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            time.sleep(2)  # the importer is writing before the readers come
            figures = load_in_parallel(server, entries, plan, seconds, per_page)
            import_finished = importer.poll() is not None
            if not import_finished:
                importer.terminate()
            importer.wait(timeout=60)
            log.close()
            server.drain()
        imported = article_count(copy) - before
    finally:
        copy.drop()
    return {
        "seconds": seconds,
        "connections": per_page * len(entries),
        "connections_per_page": per_page,
        "preflight": preflights,
        "pages": figures,
        "errors": sum(f["errors"] for f in figures.values()),
        "server_errors": sum(f.get("server_errors", 0) for f in figures.values()),
        "import": {
            "files_in_corpus": len(list(corpus.glob("*.txt"))),
            "articles_imported_during_load": imported,
            "finished_before_the_end": import_finished,
            "returncode": importer.returncode,
        },
        "copy_seconds": copy_seconds,
    }


def load_in_parallel(server, entries, plan, seconds, connections):
    """One load generator per page, all started together; their figures by page name."""
    figures = {}

    def run(entry):
        figures[entry["name"]] = load.load(
            server.url(entry["url"]),
            duration=seconds,
            headers=headers_for(entry, plan),
            connections=connections,
        )

    threads = [threading.Thread(target=run, args=(entry,)) for entry in entries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return figures


def article_count(database):
    return run_worker("count_articles", database)
