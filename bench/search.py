"""The search benchmark: latency of the project's own search (articles.search) on a big archive.

Each query is timed as the results page needs it: the number of matches, then the 20 best,
ranked, with their highlighted excerpts and the columns a card shows (`CARD_FIELDS`, as the
page reads them). Nothing is reimplemented here.
"""

import statistics
import sys
import time


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def measure(queries, runs=3, budget_seconds=300, page_size=20):
    """bench.worker task: p50/p95 (ms) of `queries`, `runs` times, within `budget_seconds`.

    When the budget runs out, the run stops and says how many queries it measured.
    """
    from articles import search
    from articles.models import Article
    from articles.site.cards import CARD_FIELDS

    published = Article.objects.published()
    ordering = Article._meta.ordering

    def one(query):
        started = time.perf_counter()
        ranked = search.search(published, query).order_by("-rank", *ordering)
        total = ranked.count()
        counted = time.perf_counter()
        rows = list(search.with_excerpts(ranked, query).only(*CARD_FIELDS)[:page_size])
        finished = time.perf_counter()
        marked = sum(search.START in (row.excerpt or "") for row in rows)
        ranks = [row.rank for row in rows]
        return {
            "ms": (finished - started) * 1000,
            "count_ms": (counted - started) * 1000,
            "page_ms": (finished - counted) * 1000,
            "matches": total,
            "shown": len(rows),
            "highlighted": marked,
            "ranked": ranks == sorted(ranks, reverse=True),
        }

    one(queries[0])  # first query: connection, functions, caches
    deadline = time.monotonic() + budget_seconds
    all_runs = []
    for number in range(runs):
        measured = []
        for query in queries:
            if time.monotonic() > deadline:
                break
            measured.append({"query": query, **one(query)})
        if not measured:
            break
        timings = [entry["ms"] for entry in measured]
        all_runs.append(
            {
                "queries": len(measured),
                "p50_ms": round(percentile(timings, 50), 2),
                "p95_ms": round(percentile(timings, 95), 2),
                "max_ms": round(max(timings), 2),
                "count_p95_ms": round(percentile([e["count_ms"] for e in measured], 95), 2),
                "page_p95_ms": round(percentile([e["page_ms"] for e in measured], 95), 2),
                "with_results": sum(entry["shown"] > 0 for entry in measured),
                "highlighted": sum(entry["highlighted"] > 0 for entry in measured),
                "ranked": all(entry["ranked"] for entry in measured),
                "median_matches": statistics.median(entry["matches"] for entry in measured),
                "slowest": sorted(
                    (
                        {"query": e["query"], "ms": round(e["ms"], 1), "matches": e["matches"]}
                        for e in measured
                    ),
                    key=lambda e: -e["ms"],
                )[:5],
            }
        )
        print(
            f"  search run {number + 1}: p50 {all_runs[-1]['p50_ms']} ms, "
            f"p95 {all_runs[-1]['p95_ms']} ms over {len(measured)} queries",
            file=sys.stderr,
            flush=True,
        )
    return {"articles": Article.objects.count(), "runs": all_runs}
