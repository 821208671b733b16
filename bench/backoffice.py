"""The back office benchmark: the article changelist, as an editor opens it, on the big archive."""

import statistics
import time


def measure_changelist(requests=15, warmup=3, username="bench-editeur"):
    """bench.worker task: server-side time (median, spread) and queries of the changelist.

    Timed through Django's test client, so that what is measured is the work of Django and the
    database for one request, middleware included, without the network.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from articles.models import Article

    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name="Éditeur"))
    client = Client()
    client.force_login(user)
    url = reverse("admin:articles_article_changelist")
    for _ in range(warmup):
        client.get(url)
    timings, counts = [], set()
    slowest = []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        counts.add(len(queries))
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]
    return {
        "articles": Article.objects.count(),
        "status": response.status_code,
        "median_ms": round(statistics.median(timings), 1),
        "min_ms": round(min(timings), 1),
        "max_ms": round(max(timings), 1),
        "timings_ms": [round(t, 1) for t in timings],
        "queries": sorted(counts),
        "slowest": [{"ms": float(q["time"]) * 1000, "sql": q["sql"][:400]} for q in slowest],
    }
