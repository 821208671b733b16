"""BENCHMARKS.md from bench-data/results.json: every figure beside its target, met or not.

Figures are medians over the runs with their spread (min–max) in brackets. A target is "met"
only on the figures of a full run; a quick run's figures are shown but not judged.
"""

import statistics
from pathlib import Path

from bench.databases import ROOT

REPORT = ROOT / "BENCHMARKS.md"
ANALYSIS = Path(__file__).resolve().parent / "analysis.md"
TARGETED_PAGES = {
    "list": "Article list",
    "list_two_tags": "Tag-filtered list",
    "article": "Article page",
}
PUBLIC_PAGES = ("home", "list", "list_two_tags", "tag", "article", "search", "feed")
MAX_PUBLIC_QUERIES = 8


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

    def pages(self):
        pages = self.results.get("pages")
        self.add("## Pages under load", "")
        if not pages or "error" in pages:
            self.add(f"Not measured: {pages.get('error') if pages else 'step not run'}.", "")
            for label in TARGETED_PAGES.values():
                self.target(f"{label}: ≥ 50 % of the ceiling uncached, ≥ 90 % cached", "—", None)
            return
        modes = pages["modes"]
        any_mode = next(iter(modes.values()))
        self.add(
            f"gunicorn, {any_mode['workers']} sync workers, `DEBUG=0`, whitenoise, "
            f"on {pages['engine']} `{pages['database']}`; load from `{pages['load_tool']}` "
            f"(8 connections) on 127.0.0.1; {self.results['plan']['rounds']} rounds of "
            f"{self.results['plan']['duration']} s per page and mode, every page right after "
            "the ceiling in each round. Page cache backend in the cached run: "
            f"{pages['cache_backend']}. Ratio = the page's requests/s ÷ the ceiling's, "
            "round by round.",
            "",
        )
        labels = {"ceiling": "Ceiling"}
        labels.update({page["name"]: page["label"] for page in pages["plan"]["pages"]})
        urls = {page["name"]: page["url"] for page in pages["plan"]["pages"]}
        urls["ceiling"] = pages["plan"]["ceiling_url"]
        counts = self.query_counts_for(pages["database"])
        ratios = {}
        for mode, run in modes.items():
            figures = run["figures"]
            ceiling = [figure["rps"] for figure in figures["ceiling"]]
            rows = []
            for name, runs in figures.items():
                rps = [figure["rps"] for figure in runs]
                ratio = [r / c for r, c in zip(rps, ceiling, strict=False) if c]
                ratios[(mode, name)] = ratio
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
                        status,
                    ]
                )
            self.add(f"### {'Page cache off' if mode == 'uncached' else 'Page cache on'}", "")
            self.table(
                [
                    "page",
                    "address",
                    "requests/s",
                    "p50 ms",
                    "p99 ms",
                    "errors",
                    "SQL queries",
                    "ratio to ceiling",
                    "status",
                ],
                rows,
            )
        for name, label in TARGETED_PAGES.items():
            off, on = ratios.get(("uncached", name)), ratios.get(("cached", name))
            med_off = statistics.median(off) if off else None
            med_on = statistics.median(on) if on else None
            self.target(
                f"{label}: ≥ 50 % of the ceiling's requests/s, page cache off",
                spread([100 * r for r in off or []], 0, " %"),
                None if med_off is None else med_off >= 0.5,
            )
            self.target(
                f"{label}: ≥ 90 % of the ceiling's requests/s, page cache on",
                spread([100 * r for r in on or []], 0, " %"),
                None if med_on is None else med_on >= 0.9,
            )
        errors = sum(
            f["errors"] for run in modes.values() for runs in run["figures"].values() for f in runs
        )
        self.target("Errors under load: 0 on every page", str(errors), errors == 0, judged=True)

    def query_counts_for(self, database):
        for answer in (self.results.get("queries") or {}).values():
            if isinstance(answer, dict) and answer.get("database") == database:
                return {name: entry["queries"] for name, entry in answer["counts"].items()}
        return {}

    def queries(self):
        answers = self.results.get("queries")
        self.add("## SQL queries per request", "")
        if not answers or "error" in answers:
            self.add("Not measured.", "")
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
        header = ["page"] + [
            f"{answer['database']} ({answer['articles']:,} articles)" for answer in datasets
        ]
        rows = [
            [name] + [answer["counts"].get(name, {}).get("queries", "—") for answer in datasets]
            for name in names
        ]
        self.table(header, rows)
        fixed = all(
            len({answer["counts"][name]["queries"] for answer in datasets}) == 1
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
            + " and ".join(f"{a['articles']:,}" for a in datasets)
            + " articles",
            fixed and worst <= MAX_PUBLIC_QUERIES,
            judged=True,
        )

    def backoffice(self):
        answer = self.results.get("backoffice")
        self.add("## Admin article list", "")
        if not answer or "error" in answer:
            self.add(f"Not measured: {answer.get('error') if answer else 'step not run'}.", "")
            self.target("Admin article list on 100,000 articles: median < 300 ms", "—", None)
            return
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

    def search(self):
        answer = self.results.get("search")
        self.add("## Search", "")
        if not answer or "error" in answer:
            self.add(f"Not measured: {answer.get('error') if answer else 'step not run'}.", "")
            return
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

    def imports(self):
        answer = self.results.get("import")
        self.add("## Import", "")
        if not answer or "error" in answer:
            self.add(f"Not measured: {answer.get('error') if answer else 'step not run'}.", "")
            for engine in ("PostgreSQL", "SQLite"):
                self.target(f"Import of 10,000 files on {engine}: < 60 s", "—", None)
            return
        parser = answer["parser"]
        self.add(
            "`manage.py import_corpus DIR --report FILE` in a child process on a fresh copy of a "
            "migrated database; peak RSS of that process from `os.wait4`. Generated articles "
            "per size: "
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

    def datasets(self):
        answer = self.results.get("datasets") or {}
        self.add("## Data", "")
        self.add(
            "Synthetic archives from `bench/data.py` (seed fixed): French text from a word chain "
            "learnt on `fixtures/corpus/` with a long tail of French and trade vocabulary, "
            "300 authors, 300 issues, 300 tags (Zipf-distributed, 3–8 per article), 96 % "
            "published, a few scheduled; inserted with COPY (PostgreSQL) or multi-row INSERTs "
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
        self.add(
            "```sh",
            self.results.get("command", "make bench"),
            "make bench                          # everything (about 30 minutes on 2 cores)",
            ".venv/bin/python -m bench --quick   # smoke test, small sizes, not judged",
            ".venv/bin/python -m bench --only search,pages   # parts again, merged into the last",
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
            self.add("**Quick run**: small sizes, one round; targets are not judged.", "")
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


def write(results, path=REPORT):
    path.write_text(Report(results).render(), encoding="utf-8")
    return path
