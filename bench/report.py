"""BENCHMARKS.md from bench-data/results.json: every figure beside its target, met or not.

Figures are medians over the runs with their spread (min–max) in brackets. A target is "met"
only on the figures of a full run; a quick run's figures are shown but not judged.
"""

import functools
import re
import statistics
from pathlib import Path

from bench.data import IMAGE_SHARE
from bench.databases import ROOT

REPORT = ROOT / "BENCHMARKS.md"
ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
TARGETED_PAGES = {
    "list": "Article list",
    "list_two_tags": "Tag-filtered list",
    "article": "Article page",
}
# Issue 14: each page's share of the plain ceiling's requests/s, page cache off.
PLAIN_CEILING_SHARES = {
    "list": 0.35,
    "list_two_tags": 0.35,
    "tag": 0.35,
    "article": 0.5,
    "home": 0.25,
    "search": 0.25,
}
LISTS = ("home", "list", "list_two_tags", "tag")
COLD_P50_MS = 150
ADMIN_P50_MS = 150
CACHED_SHARE = 2.0
IMPORT_LOAD_P50_MS = 200
KEYS = ("requests", "p50_ms", "p99_ms", "max_ms")
PUBLIC_PAGES = ("home", "list", "list_two_tags", "tag", "article", "search", "feed")
MAX_PUBLIC_QUERIES = 8
IMPORT_LOAD_BOUNDED = "Bounded load while an import runs: 0 errors, 0 answers 5xx"
HOSTILE_BOUNDED = "Hostile load: readers' pages p99 < 1 s, 0 errors, while searches attack"
# `make faults` (bench/faults.py) writes its own section between these markers; `make bench`
# carries it over untouched.
KEPT_START = "<!-- faults: written by `make faults`, kept by `make bench` -->"
KEPT_END = "<!-- end of faults -->"
NOT_RUN = "Not measured: step not run."
CARRIED = "> Sections of steps missing from this machine's results are the previous report's, from"
QUICK = "**Quick run**"


def spread(values, digits=0, unit=""):
    values = [value for value in values if value is not None]
    if not values:
        return "—"
    fmt = f"{{:,.{digits}f}}"
    median = fmt.format(statistics.median(values)) + unit
    if len(values) == 1:
        return median
    return f"{median} ({fmt.format(min(values))}–{fmt.format(max(values))}{unit})"


def verdict(met, judged=True):
    if met is None:
        return "not measured"
    if not judged:
        return "not judged (quick run)"
    return "**met**" if met else "**not met**"


def measured(name, heading, *targets):
    """A section of the report over the answer of step `name`, which the method is given;
    a step not run or failed is said not measured, each of `targets` unmet (`Report.step`)."""

    def section(method):
        @functools.wraps(method)
        def render(self):
            answer = self.step(name, heading, *targets)
            if answer is not None:
                method(self, answer)

        return render

    return section


class Report:
    def __init__(self, results):
        self.results = results
        self.quick = results.get("plan", {}).get("quick", False)
        self.lines = []
        self.targets = []

    def add(self, *lines):
        self.lines.extend(lines)

    def table(self, header, rows):
        self.add("| " + " | ".join(header) + " |", "|" + "---|" * len(header))
        for row in rows:
            self.add("| " + " | ".join(str(cell) for cell in row) + " |")
        self.add("")

    def target(self, what, figure, met, judged=None):
        self.targets.append(
            (what, figure, verdict(met, not self.quick if judged is None else judged))
        )

    # Sections -----------------------------------------------------------------------------

    def step(self, name, heading, *targets):
        """The answer of step `name`, under its heading; None once said that it was not
        measured, each of `targets` left unmet."""
        answer = self.results.get(name)
        self.add(heading, "")
        if not answer or "error" in answer:
            self.add(f"Not measured: {answer['error']}." if answer else NOT_RUN, "")
            for what in targets:
                self.target(what, "—", None)
            return None
        return answer

    @measured(
        "pages",
        "## Pages under load",
        *(f"{label}: share of the plain ceiling" for label in TARGETED_PAGES.values()),
    )
    def pages(self, pages):
        modes = pages["modes"]
        any_mode = next(iter(modes.values()))
        plan = self.results["plan"]
        self.add(
            f"gunicorn, {any_mode['workers']} sync workers (one per core), `DEBUG=0`, "
            f"whitenoise, on {pages['engine']} `{pages['database']}`; load from "
            f"`{pages['load_tool']}` ({any_mode.get('connections', 8)} connections, keep-alive) "
            f"on 127.0.0.1, {plan['duration']} s per measurement. Every measurement of a page "
            "comes right after one of the plain ceiling, and the ratio is the page's "
            "requests/s ÷ that ceiling's: on a shared machine the two are taken seconds apart. "
            "The plain ceiling (`bench/ceiling.py`, issue 14) is what a new user would call a "
            "fast Django page for the same content: the list's 20 rows (linked title, linked "
            "author, date, standfirst, three linked tags, header, footer) from memory through "
            "one simple template, same middleware. The own-template ceiling, the reference "
            "before it, renders the article list's own template for the same rows without a "
            "query; it is measured once a round and each page's ratio to it is shown beside. "
            "Between "
            "measurements the harness waits until the workers and the database are idle "
            "(requests a load generator gave up on still run in a sync worker). Cache backend: "
            f"{pages['cache_backend']}.",
            "",
            "- **Page cache off**: the deployment's settings without the page cache: every page "
            "is computed, its rows, bylines, tags, form and pagination; the lists' "
            "archive-wide aggregates (number of articles, tag facets) and a filtered list's "
            "ids for the page shown come from the aggregate cache, which keeps them until the "
            "content changes (`articles.caching`).",
            "- **Page cache on**: the deployment's settings.",
            "- **Nothing cached**: page cache and aggregate cache off: what the first reader "
            "after a change waits for.",
            "",
        )
        labels = {
            "ceiling": "Plain ceiling (simple template)",
            "own_ceiling": "Own-template ceiling (the list's template, no query)",
            "bare": "Bare request (no template, no query)",
        }
        labels.update({page["name"]: page["label"] for page in pages["plan"]["pages"]})
        urls = {page["name"]: page["url"] for page in pages["plan"]["pages"]}
        urls["ceiling"] = pages["plan"]["ceiling_url"] + "plain/"
        urls["own_ceiling"] = pages["plan"]["ceiling_url"]
        urls["bare"] = pages["plan"]["ceiling_url"] + "bare/"
        warm = self.query_counts_for(pages["database"], "counts_aggregates_cached")
        counts_by_mode = {
            "uncached": warm,
            "cached": {n: "0 (hit)" if n in PUBLIC_PAGES else c for n, c in warm.items()},
            "cold": self.query_counts_for(pages["database"]),
        }
        ratios, p50s, old_ratios = {}, {}, {}
        titles = {
            "uncached": "Page cache off",
            "cached": "Page cache on",
            "cold": "Nothing cached",
        }
        for mode, run in modes.items():
            figures = run["figures"]
            counts = counts_by_mode.get(mode, {})
            rows = []
            for name, runs in figures.items():
                if not runs:
                    continue
                rps = [figure["rps"] for figure in runs]
                ratio = [f["rps"] / f["ceiling_rps"] for f in runs if f.get("ceiling_rps")]
                if name in ("bare", "own_ceiling"):
                    ceiling = statistics.median(f["rps"] for f in figures["ceiling"])
                    ratio = [r / ceiling for r in rps] if ceiling else []
                old = [f["rps"] / f["own_ceiling_rps"] for f in runs if f.get("own_ceiling_rps")]
                ratios[(mode, name)] = ratio
                old_ratios[(mode, name)] = old
                p50s[(mode, name)] = [figure["p50_ms"] for figure in runs]
                status = run["preflight"].get(name, {}).get("status")
                rows.append(
                    [
                        labels.get(name, name),
                        f"`{urls.get(name, '')}`",
                        spread(rps),
                        spread([figure["p50_ms"] for figure in runs], 1),
                        spread([figure["p99_ms"] for figure in runs], 1),
                        sum(figure["errors"] for figure in runs),
                        counts.get(name, "—"),
                        "1" if name == "ceiling" else spread([100 * r for r in ratio], 0, " %"),
                        spread([100 * r for r in old], 0, " %") if old else "—",
                        status,
                    ]
                )
            rounds = len(figures[next(iter(TARGETED_PAGES))] or [])
            self.add(
                f"### {titles.get(mode, mode)}",
                "",
                f"{rounds} round{'s' if rounds > 1 else ''}; the plain ceiling's row gathers "
                f"its {len(figures['ceiling'])} measurements.",
                "",
            )
            self.table(
                [
                    "page",
                    "address",
                    "requests/s",
                    "p50 ms",
                    "p99 ms",
                    "errors",
                    "SQL queries",
                    "ratio to plain ceiling",
                    "ratio to own-template ceiling (before)",
                    "status",
                ],
                rows,
            )
        self.plain_ceiling_targets(labels, ratios, old_ratios, p50s)
        errors = sum(
            f["errors"] for run in modes.values() for runs in run["figures"].values() for f in runs
        )
        self.target("Errors under load: 0 on every page", str(errors), errors == 0, judged=True)

    def plain_ceiling_targets(self, labels, ratios, old_ratios, p50s):
        """Issue 14's targets: shares of the plain ceiling, first readers, the admin list."""

        def share(mode, name):
            ratio, old = ratios.get((mode, name)), old_ratios.get((mode, name))
            figure = spread([100 * r for r in ratio or []], 0, " %")
            if old:
                figure += f" (own-template ceiling: {spread([100 * r for r in old], 0, ' %')})"
            return figure, (statistics.median(ratio) if ratio else None)

        for name, minimum in PLAIN_CEILING_SHARES.items():
            figure, median = share("uncached", name)
            self.target(
                f"{labels.get(name, name)}: ≥ {100 * minimum:.0f} % of the plain ceiling, "
                "page cache off",
                figure,
                None if median is None else median >= minimum,
            )
        figure, median = share("cached", "list")
        self.target(
            f"Article list, page cache on: ≥ {100 * CACHED_SHARE:.0f} % of the plain ceiling",
            figure,
            None if median is None else median >= CACHED_SHARE,
        )
        cold = {name: p50s.get(("cold", name)) for name in LISTS if p50s.get(("cold", name))}
        if cold:
            worst = max(statistics.median(values) for values in cold.values())
            self.target(
                f"Nothing cached (the first reader after a change): every list p50 ≤ "
                f"{COLD_P50_MS} ms",
                ", ".join(
                    f"{labels.get(n, n)} {statistics.median(v):.0f} ms" for n, v in cold.items()
                ),
                worst <= COLD_P50_MS,
            )
        admin = p50s.get(("uncached", "admin_list"))
        if admin:
            self.target(
                f"Admin article list under load (8 connections, 2 workers): p50 ≤ "
                f"{ADMIN_P50_MS} ms",
                spread(admin, 1, " ms"),
                statistics.median(admin) <= ADMIN_P50_MS,
            )

    def query_counts_for(self, database, kind="counts"):
        for answer in (self.results.get("queries") or {}).values():
            if isinstance(answer, dict) and answer.get("database") == database:
                counts = answer.get(kind) or answer["counts"]
                return {name: entry["queries"] for name, entry in counts.items()}
        return {}

    def queries(self):
        answers = self.results.get("queries")
        self.add("## SQL queries per request", "")
        if not answers or "error" in answers:
            self.add(f"Not measured: {answers['error']}." if answers else NOT_RUN, "")
            self.target("Public pages: fixed query count, at most 8", "—", None)
            return
        self.add(
            "Counted with Django's test client and `CaptureQueriesContext` on the benchmark "
            "databases, page cache off, on each page's second request (the steady state). "
            "The admin list counts its session and user lookups.",
            "",
        )
        datasets = [answer for answer in answers.values() if isinstance(answer, dict)]
        names = list(datasets[0]["counts"])
        self.add(
            "Each cell: queries with nothing cached (every query the page can run: the counts "
            "`tests/site` pins) / with the lists' counts and facets in the aggregate cache.",
            "",
        )
        header = ["page"] + [
            f"{answer['database']} ({answer['articles']:,} articles)" for answer in datasets
        ]

        def cell(answer, name):
            computed = answer["counts"].get(name, {}).get("queries", "—")
            cached = answer.get("counts_aggregates_cached", {}).get(name, {}).get("queries")
            return f"{computed} / {cached}" if cached is not None else str(computed)

        rows = [[name] + [cell(answer, name) for answer in datasets] for name in names]
        self.table(header, rows)
        # Fixed: the same on every size of one engine (PostgreSQL's search reads the archive's
        # size first, so engines may differ from each other).
        engines = {answer.get("engine", answer["database"]) for answer in datasets}
        fixed = all(
            len(
                {
                    answer["counts"][name]["queries"]
                    for answer in datasets
                    if answer.get("engine", answer["database"]) == engine
                }
            )
            <= 1
            for engine in engines
            for name in names
            if all(name in answer["counts"] for answer in datasets)
        )
        worst = max(
            answer["counts"][name]["queries"]
            for answer in datasets
            for name in PUBLIC_PAGES
            if name in answer["counts"]
        )
        self.target(
            f"Public pages: query count fixed whatever the size, at most {MAX_PUBLIC_QUERIES}",
            f"max {worst}; {'same' if fixed else 'different'} on "
            + " and ".join(
                f"{a['articles']:,} ({a.get('engine', a['database'])})" for a in datasets
            )
            + " articles of each engine",
            fixed and worst <= MAX_PUBLIC_QUERIES,
            judged=True,
        )

    @measured(
        "backoffice",
        "## Admin article list",
        "Admin article list on 100,000 articles: median < 300 ms",
    )
    def backoffice(self, answer):
        self.add(
            f"{answer['articles']:,} articles; an editor's request through Django's test client "
            f"(server time, middleware included), {len(answer['timings_ms'])} requests after "
            f"warm-up; status {answer['status']}.",
            "",
        )
        self.table(
            ["median ms", "min ms", "max ms", "queries per request"],
            [
                [
                    answer["median_ms"],
                    answer["min_ms"],
                    answer["max_ms"],
                    ", ".join(map(str, answer["queries"])),
                ]
            ],
        )
        self.add("Slowest queries of the last request:", "")
        for query in answer["slowest"]:
            self.add(f"- {query['ms']:.1f} ms: `{query['sql'][:240]}`")
        self.add("")
        self.target(
            f"Admin article list on {answer['articles']:,} articles: median < 300 ms",
            f"{answer['median_ms']} ms ({answer['min_ms']}–{answer['max_ms']})",
            answer["median_ms"] < 300,
        )
        self.target(
            "Admin article list: fixed query count",
            ", ".join(map(str, answer["queries"])),
            len(answer["queries"]) == 1,
        )

    @measured("search", "## Search")
    def search(self, answer):
        queries = answer["queries"]
        self.add(
            f"{len(queries)} queries, half one word, half two words (half from the trade's "
            "vocabulary, Zipf-weighted like the tags; half from the running text across its "
            "whole frequency range). Each is timed as the results page needs it: the number of "
            "matches, then the 20 best ranked with highlighted excerpts, through "
            "`articles.search.search()` and `with_excerpts()`. First queries: "
            + ", ".join(f"« {q} »" for q in queries[:12])
            + ".",
            "",
        )
        rows = []
        for engine, limit in (("postgresql", 50), ("sqlite", 300)):
            result = answer.get(engine)
            if not result or not result.get("runs"):
                self.target(f"Search on {engine}: p95 < {limit} ms", "—", None)
                continue
            runs = result["runs"]
            measured = [run["queries"] for run in runs]
            rows.append(
                [
                    engine,
                    f"{result['articles']:,}",
                    ", ".join(map(str, measured)),
                    spread([r["p50_ms"] for r in runs], 1),
                    spread([r["p95_ms"] for r in runs], 1),
                    spread([r["count_p95_ms"] for r in runs], 1),
                    spread([r["page_p95_ms"] for r in runs], 1),
                    f"{runs[0]['with_results']}/{runs[0]['queries']}",
                    f"{runs[0]['highlighted']}/{runs[0]['with_results']}",
                    "yes" if all(r["ranked"] for r in runs) else "no",
                ]
            )
            p95 = statistics.median(r["p95_ms"] for r in runs)
            complete = all(m == len(queries) for m in measured)
            self.target(
                f"Search, {engine}, {result['articles']:,} articles: p95 < {limit} ms, ranked, "
                "with highlights",
                f"{spread([r['p95_ms'] for r in runs], 1, ' ms')}"
                + ("" if complete else " (time budget cut the run short)"),
                p95 < limit and all(r["ranked"] for r in runs) and runs[0]["highlighted"] > 0,
            )
        self.table(
            [
                "engine",
                "articles",
                "queries measured",
                "p50 ms",
                "p95 ms",
                "p95 count ms",
                "p95 top-20 ms",
                "with results",
                "highlighted",
                "ranked",
            ],
            rows,
        )
        for engine in ("postgresql", "sqlite"):
            result = answer.get(engine)
            if result and result.get("runs"):
                slow = ", ".join(
                    f"« {e['query']} » {e['ms']} ms ({e['matches']:,} matches)"
                    for e in result["runs"][0]["slowest"][:3]
                )
                self.add(f"Slowest on {engine}: {slow}.", "")

    @measured(
        "import",
        "## Import",
        *(f"Import of 10,000 files on {engine}: < 60 s" for engine in ("PostgreSQL", "SQLite")),
    )
    def imports(self, answer):
        parser = answer["parser"]
        self.add(
            "`manage.py import_corpus DIR --report FILE` in a child process on a fresh copy of a "
            "migrated database; peak RSS of that process (its `VmHWM`, read while it runs). "
            "Generated articles per size: "
            + ", ".join(
                f"{int(size):,} files → {count:,}"
                for size, count in answer["generated_articles"].items()
            )
            + ".",
            "",
        )
        self.add(
            f"Parser alone (`articles.importing.parse_bytes`, {parser['files']:,} files held in "
            f"memory, editors' furniture and thesaurus): "
            f"{spread([r['files_per_s'] for r in parser['runs']])} files/s; "
            f"{parser['articles']:,} articles, {parser['errors']} unreadable files.",
            "",
        )
        rows = []
        for engine, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
            per_size = answer.get(engine)
            if not per_size:
                self.target(f"Import of 10,000 files on {label}: < 60 s", "—", None)
                continue
            rss = {}
            for size, runs in per_size.items():
                good = [run for run in runs if not run.get("failed")]
                if not good:
                    rows.append([label, size, "failed", "", "", "", runs[0].get("log", "")[-200:]])
                    continue
                summary = good[0]["summary"]
                rss[int(size)] = statistics.median(run["peak_rss_mb"] for run in good)
                rows.append(
                    [
                        label,
                        f"{int(size):,}",
                        len(good),
                        spread([run["seconds"] for run in good], 1),
                        spread([run["files_per_s"] for run in good]),
                        spread([run["peak_rss_mb"] for run in good], 0),
                        f"{summary['articles']:,} articles, {summary['errors']} errors, "
                        f"{summary['skipped']} skipped, {summary['warnings']:,} warnings",
                    ]
                )
                if int(size) == 10_000:
                    seconds = statistics.median(run["seconds"] for run in good)
                    self.target(
                        f"Import of 10,000 files on {label}: < 60 s",
                        spread([run["seconds"] for run in good], 1, " s"),
                        seconds < 60,
                    )
            sizes = sorted(rss)
            if len(sizes) >= 2:
                growth = rss[sizes[-1]] / rss[sizes[0]] - 1
                self.target(
                    f"Import on {label}: peak memory flat from {sizes[0]:,} to {sizes[-1]:,} files "
                    "(within 20 %)",
                    f"{rss[sizes[0]]:.0f} → {rss[sizes[-1]]:.0f} MB ({100 * growth:+.0f} %)",
                    growth <= 0.2,
                )
        self.table(
            ["engine", "files", "runs", "seconds", "files/s", "peak RSS MB", "outcome"], rows
        )

    @measured("import_load", "## Readers while an import runs", IMPORT_LOAD_BOUNDED)
    def import_load(self, answer):
        imported = answer["import"]
        self.add(
            f"Issue 7: list, list filtered by two tags, article and search loaded together for "
            f"{answer['seconds']} s from 127.0.0.1 ({answer['connections']} connections, "
            f"{answer['connections_per_page']} per page) while `manage.py import_corpus --nice` "
            f"imports a generated archive of {imported['files_in_corpus']:,} files into the same "
            "PostgreSQL database (a copy of the big one); page cache off, the importer empties "
            "the aggregate cache at most every 5 s (`articles.caching.bumps_at_most_every`). "
            f"{imported['articles_imported_during_load']:,} articles were imported meanwhile"
            + (
                " (the import finished before the load)."
                if imported["finished_before_the_end"]
                else " (the import was still running at the end and was stopped)."
            ),
            "",
        )
        self.load_table("page", answer["pages"])
        worst = max(figure["p50_ms"] for figure in answer["pages"].values())
        self.target(
            f"Readers while the import runs: p50 ≤ {IMPORT_LOAD_P50_MS} ms on every page",
            f"worst p50 {worst:.0f} ms",
            worst <= IMPORT_LOAD_P50_MS,
            judged=True,
        )
        self.target(
            IMPORT_LOAD_BOUNDED,
            f"{answer['errors']} errors, {answer['server_errors']} 5xx",
            answer["errors"] == 0 and answer["server_errors"] == 0,
            judged=True,
        )

    def load_table(self, first, figures):
        """One row per page of a load: requests, rate, latencies, errors."""
        self.table(
            [first, "requests", "requests/s", "p50 ms", "p99 ms", "max ms", "errors", "5xx"],
            [
                [
                    name,
                    figure["requests"],
                    f"{figure['rps']:.1f}",
                    figure["p50_ms"],
                    figure["p99_ms"],
                    figure.get("max_ms", "—"),
                    figure["errors"],
                    figure.get("server_errors", "—"),
                ]
                for name, figure in figures.items()
            ],
        )

    @measured("hostile", "## Hostile load", HOSTILE_BOUNDED)
    def hostile(self, answer):
        attack = answer["attack"]
        self.add(
            f"Issue 16: for {answer['seconds']} s, {attack['attackers']} attackers send searches "
            "to `/recherche/` as fast as they are answered — the probe's query (100 one-letter "
            "words, under the 200-character cap, in a new order each time) and the worst query "
            "once bounded (the archive's most common words) — while readers load five pages "
            f"with `{answer['load_tool']}` ({answer['reader_connections']} connections in all), "
            f"on {answer['database']} (100,000 articles), gunicorn with {answer['workers']} "
            "sync workers, page cache off (a hostile query is never cached: readers' pages are "
            f"computed too), aggregate cache: {answer['cache_backend']}. Public statements are "
            "cancelled after `PUBLIC_STATEMENT_TIMEOUT_MS` (`encontact/timeouts.py`).",
            "",
        )
        self.load_table("reader's page", answer["readers"])
        labels = {"one_letter": "100 one-letter words", "common_words": "most common words"}
        self.table(
            ["attack", "requests", "p50 ms", "p99 ms", "max ms"],
            [
                [labels.get(kind, kind), *(figure.get(key, "—") for key in KEYS)]
                for kind, figure in attack["kinds"].items()
            ],
        )
        statuses = ", ".join(f"{status}: {count}" for status, count in attack["statuses"].items())
        self.add(f"Answers to the attackers: {statuses}.", "")
        self.target(
            HOSTILE_BOUNDED,
            f"worst p99 {answer['worst_reader_p99_ms']:.0f} ms, {answer['reader_errors']} errors",
            answer["met"],
            judged=True,
        )

    def datasets(self):
        answer = self.results.get("datasets") or {}
        self.add("## Data", "")
        self.add(
            "Synthetic archives from `bench/data.py` (seed fixed): French text from a word chain "
            "learnt on `fixtures/corpus/` with a long tail of French and trade vocabulary, "
            "300 authors, 300 issues, 300 tags (Zipf-distributed, 3–8 per article), 96 % "
            "published, a few scheduled; bodies rendered to HTML as saving does; a lead image "
            f"on {IMAGE_SHARE * 100:.0f} % of articles (name, width, height, description, caption, "
            "credit, as an upload leaves them; no file: pages only build the addresses of its "
            "resized versions); inserted with COPY (PostgreSQL) or multi-row INSERTs "
            "(SQLite), search vectors filled by the migration's trigger, then `ANALYZE`.",
            "",
        )
        rows = []
        for entry in answer.values():
            if not isinstance(entry, dict) or "counts" not in entry:
                continue
            counts = entry["counts"]
            rows.append(
                [
                    entry["database"],
                    entry["engine"],
                    f"{counts['articles']:,}",
                    f"{counts['lead_images']:,}" if "lead_images" in counts else "—",
                    f"{counts['bylines']:,}",
                    f"{counts['taggings']:,}",
                    entry["size_mb"],
                    entry["build_seconds"],
                    "reused" if entry.get("reused") else "built",
                ]
            )
        if rows:
            self.table(
                [
                    "database",
                    "engine",
                    "articles",
                    "with a lead image",
                    "bylines",
                    "taggings",
                    "size MB",
                    "build s",
                    "this run",
                ],
                rows,
            )

    def machine(self):
        machine = self.results.get("machine", {})
        timings = self.results.get("timings", {})
        self.add("## Machine and commands", "")
        self.table(
            ["", ""],
            [
                ["CPU", f"{machine.get('cpu', '?')}, {machine.get('cores')} cores"],
                ["Memory", f"{machine.get('memory_gb', '?')} GB"],
                ["System", machine.get("platform")],
                [
                    "Python / Django / gunicorn",
                    slashed(machine, "python", "django", "gunicorn"),
                ],
                [
                    "PostgreSQL / SQLite / Redis",
                    slashed(machine, "postgresql", "sqlite", "redis"),
                ],
                ["Load generator", machine.get("wrk") or "Python (bench/load.py)"],
                [
                    "Load average before / after",
                    f"{fmt_load(machine.get('load_before'))} / "
                    f"{fmt_load(machine.get('load_after'))}",
                ],
                ["Date", machine.get("date")],
                [
                    "Duration",
                    ", ".join(f"{step} {seconds:.0f} s" for step, seconds in timings.items()),
                ],
            ],
        )
        total = timings.get("total")
        command = self.results.get("command", "make bench")
        full_command = self.results.get("full_command")
        again = self.results.get("partial_commands") or (
            [command] if command != full_command else []
        )
        if not again:
            self.add("This run:", "", "```sh", command, "```", "")
        else:
            self.add(
                "The last full run, then the steps run again since (their figures replace the "
                "full run's):",
                "",
                "```sh",
                full_command or "(no full run recorded)",
                *again,
                "```",
                "",
            )
        self.add(
            'Knobs (also `make bench BENCH_ARGS="…"`):',
            "",
            "```sh",
            "make bench                          # everything"
            + (f" (the last full run: {total / 60:.0f} min on this machine)" if total else ""),
            ".venv/bin/python -m bench --quick   # smoke test, small sizes, one round, not judged",
            ".venv/bin/python -m bench --only search,pages   # parts again, merged into the last",
            ".venv/bin/python -m bench --rounds 1 --duration 3   # shorter load measurements",
            "make faults                         # PostgreSQL restarted under load (section below)",
            "```",
            "",
        )

    def render(self):
        plan = self.results.get("plan", {})
        body_start = len(self.lines)
        self.pages()
        self.queries()
        self.backoffice()
        self.search()
        self.imports()
        self.import_load()
        self.hostile()
        self.datasets()
        self.machine()
        body = self.lines[body_start:]
        self.lines = self.lines[:body_start]
        self.add(
            "# Benchmarks",
            "",
            "Written by `make bench` (`bench/`); do not edit by hand. Figures are medians over "
            "the runs, spread (min–max) in brackets. The machine is shared and noisy: absolute "
            "figures drift from run to run, ratios to the ceiling measured in the same run hold.",
            "",
        )
        if plan.get("quick"):
            self.add(f"{QUICK}: small sizes, one round; targets are not judged.", "")
        for note in plan.get("notes", []):
            self.add(f"> {note}", "")
        self.add("## Targets", "")
        self.table(["target", "measured", "verdict"], self.targets)
        self.add(
            "The page cache's behaviour (publishing, editing and scheduling show at once; "
            "anonymous only; admin never cached) is tested in "
            "`tests/perf/test_page_cache.py`.",
            "",
        )
        self.lines.extend(body)
        if ANALYSIS.exists():
            self.add(ANALYSIS.read_text().strip(), "")
        return "\n".join(self.lines).rstrip() + "\n"


def slashed(machine, *keys):
    return " / ".join(str(machine.get(key)) for key in keys)


def fmt_load(values):
    return " ".join(f"{v:.2f}" for v in values) if values else "?"


def kept_sections(path=REPORT):
    """The sections other scripts own (`make faults`), between their markers, to carry over."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""
    start, end = text.find(KEPT_START), text.find(KEPT_END)
    if start < 0 or end < start:
        return ""
    return text[start : end + len(KEPT_END)]


def replace_kept_section(body, path=REPORT):
    """Write `body` (markdown) as the section `make bench` keeps, at the end of the report."""
    block = f"{KEPT_START}\n{body.strip()}\n{KEPT_END}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = "# Benchmarks\n"
    old = kept_sections(path)
    text = text.replace(old, block) if old else text.rstrip() + "\n\n" + block
    path.write_text(text.rstrip() + "\n", encoding="utf-8")


def sections(text):
    """{"## heading": the text up to the next heading} of a report."""
    parts = re.split(r"(?m)^(## .*)$", text)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def target_rows(section):
    """The rows of the targets table in `section`, by target."""
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    return {row.split("|")[1].strip(): row for row in rows}


def carried_over(text, previous):
    """This run's report, with what it did not measure taken from the `previous` report.

    `--only` merges its steps into bench-data/results.json, which git does not keep: on
    another machine, a partial run knows no other step and would say each "not measured".
    Each section that says so is then the previous report's, the targets table is the
    previous one with this run's judged rows in place of theirs (its new judged rows last), and
    a note says on which machine and after which commands they were measured. Never between a
    quick run and a full one.
    """
    old, new = sections(previous), sections(text)
    carried = [
        heading
        for heading, body in new.items()
        if body.strip() == NOT_RUN and old.get(heading, NOT_RUN).strip() != NOT_RUN
    ]
    if not carried or QUICK in text or QUICK in previous:
        return text
    for heading in carried:
        text = text.replace(heading + new[heading], heading + old[heading], 1)
    fresh = target_rows(new["## Targets"])
    rows = []
    for name, row in target_rows(old["## Targets"]).items():
        judged = fresh.pop(name, row)
        rows.append(row if judged.endswith("| not measured |") else judged)
    rows += [row for row in fresh.values() if not row.endswith("| not measured |")]
    lines = new["## Targets"].splitlines(keepends=True)
    table = [number for number, line in enumerate(lines) if line.startswith("| ")]
    # the header row and the line under it, the rows, then what follows the table
    merged = [*lines[: table[0] + 2], *(row + "\n" for row in rows), *lines[table[-1] + 1 :]]
    text = text.replace("## Targets" + new["## Targets"], "## Targets" + "".join(merged), 1)
    note = origin(old.get("## Machine and commands", ""))
    return text.replace("## Machine and commands\n\n", f"## Machine and commands\n\n{note}\n\n", 1)


def origin(machine):
    """Where and after which commands the sections a partial run carries over were measured,
    from the previous report's machine section (kept as it is once said)."""
    said = re.search(f"^{re.escape(CARRIED)}.*$", machine, re.M)
    if said:
        return said.group(0)
    cpu, date = (re.search(rf"^\| {row} \| (.*) \|$", machine, re.M) for row in ("CPU", "Date"))
    where = ", ".join(match.group(1) for match in (cpu, date) if match) or "an unknown machine"
    commands = re.search(r"```sh\n(.*?)\n```", machine, re.S)
    run = "; ".join(f"`{line}`" for line in commands.group(1).splitlines()) if commands else ""
    return f"{CARRIED} {where}" + (f", after {run}." if run else ".")


def write(results, path=REPORT):
    kept = kept_sections(path)
    text = Report(results).render()
    if path.exists():
        text = carried_over(text, path.read_text(encoding="utf-8"))
    if kept:
        text = text.rstrip() + "\n\n" + kept + "\n"
    path.write_text(text, encoding="utf-8")
    return path
