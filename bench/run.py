"""The benchmark's conductor: builds the data, runs every measurement, writes BENCHMARKS.md.

    python -m bench                 # the full run (about half an hour on two cores)
    python -m bench --quick         # a few minutes, smaller sizes: a smoke test of the harness
    python -m bench --only search   # one part again, merged into the last results

Raw figures go to bench-data/results.json (git-ignored), the report to BENCHMARKS.md.
"""

import argparse
import json
import os
import platform
import shlex
import sqlite3
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import data, hostile, importing, load, pages, report, underload
from bench.databases import (
    DATA,
    Database,
    django_env,
    manage,
    migrations_digest,
    postgres_available,
    postgres_version,
    run_worker,
)

STEPS = (
    "datasets",
    "queries",
    "pages",
    "backoffice",
    "search",
    "import",
    "import_load",
    "hostile",
)
RESULTS = DATA / "results.json"
DATASETS = ("sqlite", "postgresql_small", "postgresql")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")


@dataclass
class Plan:
    """What one run measures; `--quick` shrinks every size and repetition."""

    quick: bool = False
    big: int = 100_000
    small: int = 10_000
    import_sizes: tuple = (1_000, 10_000)
    rounds: int = 3
    cold_rounds: int = 1
    duration: int = 5
    warmup: int = 2
    import_load_seconds: int = 60
    import_load_connections: int = 32
    import_load_files: int = 10_000
    hostile_seconds: int = 30
    queries: int = 200
    search_runs: int = 3
    import_runs: int = 3
    parser_runs: int = 3
    import_repeat_limit_s: float = 150.0
    search_budget_s: float = 240.0
    workers: int | None = None
    load_tool: str = "auto"
    postgres: bool = True
    steps: tuple = STEPS
    notes: list = field(default_factory=list)

    @classmethod
    def quick_plan(cls, **overrides):
        return cls(
            quick=True,
            big=10_000,
            small=2_000,
            import_sizes=(200, 1_000),
            rounds=1,
            duration=3,
            warmup=1,
            import_load_seconds=15,
            import_load_files=1_000,
            hostile_seconds=10,
            queries=40,
            search_runs=1,
            import_runs=1,
            parser_runs=1,
            search_budget_s=60.0,
            **overrides,
        )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one round")
    parser.add_argument("--only", help=f"comma-separated steps among {', '.join(STEPS)}")
    parser.add_argument("--rounds", type=int, help="load rounds per page (default 3)")
    parser.add_argument("--duration", type=int, help="seconds of load per page and round")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default 2 per core)")
    parser.add_argument("--load-tool", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args(argv)

    overrides = {"workers": args.workers, "load_tool": args.load_tool}
    plan = Plan.quick_plan(**overrides) if args.quick else Plan(**overrides)
    if args.rounds:
        plan.rounds = args.rounds
    if args.duration:
        plan.duration = args.duration
    if args.only:
        plan.steps = tuple(step.strip() for step in args.only.split(",") if step.strip())
        unknown = set(plan.steps) - set(STEPS)
        if unknown:
            parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
    if set(plan.steps) & {
        "queries",
        "pages",
        "backoffice",
        "search",
        "import_load",
        "hostile",
    } and ("datasets" not in plan.steps):
        plan.steps = ("datasets", *plan.steps)  # reused when already built
    plan.postgres = not args.no_postgres and postgres_available()
    if not plan.postgres:
        plan.notes.append("PostgreSQL unreachable or disabled: no PostgreSQL figures.")

    results = load_results() if args.only else {}
    if results.get("plan", {}).get("quick") not in (None, plan.quick):
        results = {}  # never mix a quick run's figures with a full run's
    started = time.time()
    results["plan"] = asdict(plan)
    results["machine"] = machine()
    arguments = shlex.join(argv if argv is not None else sys.argv[1:])
    results["command"] = f".venv/bin/python -m bench {arguments}".strip()
    results.setdefault("timings", {})
    save(results)

    prepare()
    sets = datasets(plan)
    for step in plan.steps:
        step_started = time.time()
        print(f"== {step}", file=sys.stderr, flush=True)
        try:
            results[step] = run_step(step, plan, sets)
        except Exception as error:  # noqa: BLE001 - one failing part must not hide the others
            traceback.print_exc()
            results[step] = {"error": f"{type(error).__name__}: {error}"[:2000]}
        results["timings"][step] = round(time.time() - step_started, 1)
        save(results)
    # A full run's duration stays in the report when some steps run again later (`--only`).
    full = not args.only
    results["timings"]["total" if full else "last_partial_run"] = round(time.time() - started, 1)
    if full:
        results["timings"].pop("last_partial_run", None)
        results["full_command"] = results["command"]
        results["partial_commands"] = []
    else:
        results.setdefault("partial_commands", []).append(results["command"])
    results["machine"]["load_after"] = os.getloadavg()
    save(results)
    path = report.write(results)
    print(f"Report: {path}", file=sys.stderr)


def run_step(step, plan, sets):
    if step == "datasets":
        return build_datasets(sets)
    if step == "queries":
        return measure_queries(sets)
    if step == "pages":
        return measure_pages(plan, sets)
    if step == "backoffice":
        return run_worker("changelist", sets["pages"], requests=15)
    if step == "search":
        return measure_search(plan, sets)
    if step == "import_load":
        return measure_import_load(plan, sets)
    if step == "hostile":
        return measure_hostile(plan, sets)
    return measure_import(plan)


def load_results():
    try:
        return json.loads(RESULTS.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def save(results):
    DATA.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))


def prepare():
    """collectstatic, as a deployment does: DEBUG off serves hashed, compressed files."""
    DATA.mkdir(exist_ok=True)
    manage("collectstatic", "--noinput", database=Database("sqlite", "unused"))


def datasets(plan):
    """The databases of this run: the big one serves the pages, the admin and PG search."""
    small = Database("sqlite", f"bench-{plan.small // 1000}k")
    if plan.postgres:
        name = "encontact_bench" if plan.big == 100_000 else f"encontact_bench_{plan.big // 1000}k"
        big = Database("postgresql", name)
        # Only for the query counts: the same engine at a tenth of the size.
        smaller = Database("postgresql", f"encontact_bench_{plan.small // 1000}k")
        return {
            "pages": big,
            "postgresql": (big, plan.big),
            "postgresql_small": (smaller, plan.small),
            "sqlite": (small, plan.small),
        }
    return {"pages": small, "postgresql": None, "sqlite": (small, plan.small)}


def build_datasets(sets):
    """Build each dataset unless an identical one (same size, seed, generator, schema) exists."""
    DATA.mkdir(exist_ok=True)
    registry_path = DATA / "datasets.json"
    registry = json.loads(registry_path.read_text()) if registry_path.exists() else {}
    built = {}
    for key in DATASETS:
        if not sets.get(key):
            continue
        database, count = sets[key]
        signature = {
            "articles": count,
            "seed": data.SEED,
            "version": data.DATA_VERSION,
            "migrations": migrations_digest(),
        }
        if registry.get(database.name, {}).get("signature") == signature and exists(database):
            built[key] = {**registry[database.name], "reused": True}
            print(f"  {database.name}: reused", file=sys.stderr)
            continue
        print(f"  {database.name}: building {count} articles", file=sys.stderr, flush=True)
        started = time.time()
        database.create()
        database.migrate()
        counts = run_worker("insert", database, count=count)
        entry = {
            "signature": signature,
            "database": database.name,
            "engine": database.engine,
            "counts": counts,
            "build_seconds": round(time.time() - started, 1),
            "size_mb": round(database.size_bytes() / 1e6, 1),
        }
        registry[database.name] = entry
        registry_path.write_text(json.dumps(registry, indent=1))
        built[key] = {**entry, "reused": False}
    return built


def exists(database):
    if database.engine == "sqlite":
        return database.path.exists()
    from bench.databases import postgres_admin

    return bool(postgres_admin("SELECT 1 FROM pg_database WHERE datname = %s", [database.name]))


def measure_queries(sets):
    """Query counts of every page on every dataset: fixed counts are the same everywhere.

    Counted twice: with nothing cached (every query a page can run, the counts tests pin),
    and with the aggregate cache holding the lists' counts and facets (the steady state).
    """
    answers = {}
    for key in DATASETS:
        if not sets.get(key):
            continue
        database, count = sets[key]
        plan = run_worker("plan", database)
        counts = {
            kind: run_worker(
                "queries",
                database,
                pages=plan["pages"],
                ceiling_url=plan["ceiling_url"],
                aggregates=aggregates,
                env=django_env(database, DJANGO_SETTINGS_MODULE="bench.settings"),
            )
            for kind, aggregates in (("computed", 0), ("aggregates_cached", 1))
        }
        answers[key] = {
            "database": database.name,
            "engine": database.engine,
            "articles": count,
            "counts": counts["computed"],
            "counts_aggregates_cached": counts["aggregates_cached"],
            "pages": plan["pages"],
        }
    return answers


def redis_url():
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception:  # noqa: BLE001 - no Redis: the cached run uses local memory
        return None
    return REDIS_URL


def measure_pages(plan, sets):
    database = sets["pages"]
    page_plan = run_worker("plan", database)
    cache_url = redis_url()
    figures = pages.measure(
        database,
        page_plan,
        rounds=plan.rounds,
        cold_rounds=plan.cold_rounds,
        duration=plan.duration,
        warmup=plan.warmup,
        redis_url=cache_url,
        workers=plan.workers,
        tool=plan.load_tool,
    )
    return {
        "database": database.name,
        "engine": database.engine,
        "plan": page_plan,
        "cache_backend": "Redis" if cache_url else "local memory (one per process)",
        "load_tool": "wrk" if (plan.load_tool != "python" and load.wrk_path()) else "python",
        "modes": figures,
    }


def measure_search(plan, sets):
    queries = data.Archive().queries(plan.queries)
    answers = {"queries": queries}
    for key in ("postgresql", "sqlite"):
        if not sets.get(key):
            continue
        database, count = sets[key]
        answers[key] = {
            "database": database.name,
            **run_worker(
                "search",
                database,
                queries=queries,
                runs=plan.search_runs,
                budget_seconds=plan.search_budget_s,
            ),
        }
    return answers


def corpus(size, archive=None):
    """The generated archive of `size` files (written once, reused while the generator holds)."""
    directory = DATA / f"corpus-{size}"
    marker = directory / ".complete"
    signature = f"{data.SEED}:{data.DATA_VERSION}:{size}"
    if not (marker.exists() and marker.read_text() == signature):
        print(f"  writing {size} files", file=sys.stderr, flush=True)
        for old in directory.glob("*.txt"):
            old.unlink()
        articles = data.write_files(directory, size, archive or data.Archive())
        marker.write_text(signature)
        (directory / ".articles").write_text(str(articles))
    return {"directory": directory, "articles": int((directory / ".articles").read_text())}


def measure_import(plan):
    """Generate the archives, time the parser alone, then import them on each engine."""
    archive = data.Archive()
    corpora = {size: corpus(size, archive) for size in plan.import_sizes}

    engines = [
        ("sqlite", Database("sqlite", "bench-import"), Database("sqlite", "bench-import-template"))
    ]
    if plan.postgres:
        engines.append(
            (
                "postgresql",
                Database("postgresql", "encontact_bench_import"),
                Database("postgresql", "encontact_bench_import_template"),
            )
        )
    answers = {
        "sizes": list(plan.import_sizes),
        "generated_articles": {size: c["articles"] for size, c in corpora.items()},
    }
    for _engine, _database, template in engines:
        template.create()
        template.migrate()

    largest = max(plan.import_sizes)
    answers["parser"] = run_worker(
        "parse", engines[0][2], directory=str(corpora[largest]["directory"]), runs=plan.parser_runs
    )
    for engine, database, template in engines:
        per_size = {}
        for size in plan.import_sizes:
            runs = []
            for number in range(plan.import_runs):
                outcome = importing.import_once(database, template, corpora[size]["directory"])
                runs.append(outcome)
                print(
                    f"  import {engine} {size}: {outcome.get('files_per_s')} files/s, "
                    f"{outcome.get('peak_rss_mb')} MB",
                    file=sys.stderr,
                    flush=True,
                )
                if outcome.get("failed") or (
                    number == 0 and outcome["seconds"] > plan.import_repeat_limit_s
                ):
                    break
            per_size[size] = runs
        answers[engine] = per_size
        database.drop()
    return answers


def measure_import_load(plan, sets):
    """Issue 7: readers under a bounded load while an import writes (see bench.underload)."""
    if not sets.get("postgresql"):
        return {"error": "PostgreSQL needed: the load runs on a copy of the big database"}
    source, _count = sets["postgresql"]
    page_plan = run_worker("plan", source)
    return underload.measure(
        source,
        Database("postgresql", f"{source.name}_underload"),
        page_plan,
        corpus(plan.import_load_files)["directory"],
        seconds=plan.import_load_seconds,
        connections=plan.import_load_connections,
        redis_url=redis_url(),
        workers=plan.workers,
    )


def measure_hostile(plan, sets):
    """Issue 16: pathological searches mixed with readers, on the big PostgreSQL database."""
    if not sets.get("postgresql"):
        return {"error": "PostgreSQL needed: the probe found the slow search on PostgreSQL"}
    database, _count = sets["postgresql"]
    page_plan = run_worker("plan", database)
    extra = {"BEHIND_TLS_PROXY": 1, "ALLOWED_HOSTS": "127.0.0.1", "PAGE_CACHE": 0}
    cache_url = redis_url()
    if cache_url:
        extra["REDIS_URL"] = cache_url
    return {
        "cache_backend": "Redis" if cache_url else "none",
        **hostile.measure(
            database,
            django_env(database, **extra),
            page_plan,
            seconds=plan.hostile_seconds,
            workers=plan.workers,
        ),
    }


def machine():
    info = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cores": os.cpu_count(),
        "load_before": os.getloadavg(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres_version(),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
        meminfo = Path("/proc/meminfo").read_text().split()
        info["memory_gb"] = round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024**2, 1)
    except (OSError, StopIteration, ValueError):
        pass
    import django
    import gunicorn

    info["django"] = django.get_version()
    info["gunicorn"] = gunicorn.__version__
    wrk = load.wrk_path()
    if wrk:
        banner = subprocess.run([wrk, "--version"], capture_output=True, text=True)
        info["wrk"] = (banner.stdout or banner.stderr).split("Copyright")[0].strip()
    try:
        import redis

        info["redis"] = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).info("server")[
            "redis_version"
        ]
    except Exception:  # noqa: BLE001
        info["redis"] = None
    return info


if __name__ == "__main__":
    main()
