"""`make faults`: PostgreSQL restarted while the site is under load; the site recovers by itself.

    python -m bench.faults [--seconds 45] [--restart-at 15] [--connections 8]

The site is served as deployed (gunicorn, `DEBUG=0`, persistent connections with health
checks, page cache off so that every request reaches the database) on the benchmark's
PostgreSQL database (`encontact_bench`, or a 10,000-article one built for the occasion), and
loaded from 127.0.0.1 by the harness's own generator, which records every answer's time. In
the middle, the PostgreSQL cluster is restarted with `pg_ctlcluster`. Every request is then
placed before the restart, during it (from the command's start to its end), or after it; the
promise is errors during the outage only, none after it once the first request succeeded,
and a recovery measured in the figures: the time from the server being back to the first
successful answer.

Figures go to bench-data/faults.json and to the "Faults" section of BENCHMARKS.md, which
`make bench` keeps. Exit status 1 when the promise is broken.
"""

import argparse
import http.client
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import report  # noqa: E402
from bench.databases import DATA, Database, django_env, postgres_admin, run_worker  # noqa: E402
from bench.pages import PROXY_HEADERS  # noqa: E402
from bench.server import Server  # noqa: E402

RESULTS = DATA / "faults.json"


def cluster():
    """The local cluster's version and name, as pg_ctlcluster wants them."""
    versions = sorted(path.name for path in Path("/etc/postgresql").iterdir())
    return versions[-1], "main"


def restart_postgresql():
    version, name = cluster()
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"]
    started = time.time()
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return {
        "command": " ".join(command),
        "started": started,
        "finished": time.time(),
        "returncode": completed.returncode,
        "output": (completed.stdout + completed.stderr)[-500:],
    }


def database():
    """The benchmark's big database when it exists, else a small one built now."""
    for name in ("encontact_bench", "encontact_bench_10k"):
        if postgres_admin("SELECT 1 FROM pg_database WHERE datname = %s", [name]):
            return Database("postgresql", name)
    from bench import run

    plan = run.Plan.quick_plan()
    sets = run.datasets(plan)
    run.prepare()
    run.build_datasets({"postgresql": sets["postgresql"]})
    return sets["pages"]


def hammer(urls, seconds, connections, answers):
    """`connections` threads asking `urls` in turn for `seconds`; every answer recorded as
    (time, status or 0 for a failed connection, latency)."""
    deadline = time.monotonic() + seconds
    lock = threading.Lock()

    def worker(offset):
        connection = None
        number = offset
        while time.monotonic() < deadline:
            parts = urlsplit(urls[number % len(urls)])
            number += 1
            started = time.time()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                connection.request("GET", path, headers=PROXY_HEADERS)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                status = 0
                if connection is not None:
                    connection.close()
                connection = None
                time.sleep(0.05)  # a refused connection answers at once: do not spin
            with lock:
                answers.append((started, status, time.time() - started))
        if connection is not None:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    return threads


def phases(answers, restart):
    """Count the answers before, during and after the restart; find the recovery.

    An answer counts when it arrives: a request asked just before the restart and failed by
    the shutdown is an error of the outage.
    """
    start, end = restart["started"], restart["finished"]
    split = {"before": [], "during": [], "after": []}
    for asked, status, latency in answers:
        moment = asked + latency
        phase = "before" if moment < start else "during" if moment <= end else "after"
        split[phase].append((moment, status, latency))
    figures = {}
    for phase, rows in split.items():
        seconds = (
            start - min(asked for asked, _, _ in answers)
            if phase == "before"
            else end - start
            if phase == "during"
            else max(asked + latency for asked, _, latency in answers) - end
        )
        errors = sum(status != 200 for _, status, _ in rows)
        figures[phase] = {
            "seconds": round(seconds, 1),
            "requests": len(rows),
            "ok": len(rows) - errors,
            "errors": errors,
            "server_errors": sum(status >= 500 for _, status, _ in rows),
            "failed_connections": sum(status == 0 for _, status, _ in rows),
            "rps": round((len(rows) - errors) / seconds, 1) if seconds > 0 else None,
        }
    after = sorted(split["after"])
    first_ok = next((m for m, status, _ in after if status == 200), None)
    last_error = max((m for m, status, _ in after if status != 200), default=None)
    errors_after_recovery = sum(
        1 for m, status, _ in after if status != 200 and first_ok is not None and m > first_ok
    )
    return figures, {
        "outage_s": round(end - start, 2),
        "first_success_after_s": round(first_ok - end, 3) if first_ok else None,
        "last_error_after_s": round(last_error - end, 3) if last_error else None,
        "errors_after_recovery": errors_after_recovery,
    }


def section(result):
    """The markdown of the Faults section of BENCHMARKS.md."""
    recovery = result["recovery"]
    rows = [
        "| phase | seconds | requests | 200 | errors | of which 5xx | refused | requests/s (200) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for phase, label in (("before", "before"), ("during", "restart"), ("after", "after")):
        f = result["phases"][phase]
        rows.append(
            f"| {label} | {f['seconds']} | {f['requests']} | {f['ok']} | {f['errors']} | "
            f"{f['server_errors']} | {f['failed_connections']} | {f['rps']} |"
        )
    verdict = "**met**" if result["met"] else "**not met**"
    last_error = recovery["last_error_after_s"]
    return "\n".join(
        [
            "## Faults: PostgreSQL restarted under load",
            "",
            f"`make faults` (`python -m bench.faults`), {result['date']}: gunicorn "
            f"({result['workers']} sync workers, `DEBUG=0`, persistent connections with health "
            f"checks, page cache off) on PostgreSQL `{result['database']}`, "
            f"{result['connections']} connections from 127.0.0.1 asking the article list and an "
            f"article page in turn for {result['seconds']} s; at {result['restart_at']} s, "
            f"`{result['restart']['command']}`.",
            "",
            *rows,
            "",
            f"- Outage (the restart command's duration): {recovery['outage_s']} s.",
            "- Recovery: first successful answer "
            + (
                f"{recovery['first_success_after_s']} s after PostgreSQL was back"
                if recovery["first_success_after_s"] is not None
                else "never"
            )
            + (f"; last error {last_error} s after it" if last_error is not None else "; no error")
            + f"; errors after the first success: {recovery['errors_after_recovery']}.",
            f"- Errors before the restart: {result['phases']['before']['errors']}.",
            f"- Verdict (errors during the outage only, the site recovers by itself): {verdict}.",
        ]
    )


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.faults", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--seconds", type=int, default=45, help="length of the load")
    parser.add_argument("--restart-at", type=int, default=15, help="seconds into the load")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int)
    args = parser.parse_args(argv)

    DATA.mkdir(exist_ok=True)
    target = database()
    plan = run_worker("plan", target)
    urls = [page["url"] for page in plan["pages"] if page["name"] in ("list", "article")]
    env = django_env(target, BEHIND_TLS_PROXY=1, ALLOWED_HOSTS="127.0.0.1", PAGE_CACHE=0)
    answers = []
    with Server(env, args.workers) as server:
        print(f"Load for {args.seconds} s on {target.name}…", file=sys.stderr, flush=True)
        threads = hammer([server.url(u) for u in urls], args.seconds, args.connections, answers)
        time.sleep(args.restart_at)
        print("Restarting PostgreSQL…", file=sys.stderr, flush=True)
        restart = restart_postgresql()
        for thread in threads:
            thread.join()
        workers = server.workers
    figures, recovery = phases(answers, restart)
    met = (
        restart["returncode"] == 0
        and figures["before"]["errors"] == 0
        and recovery["first_success_after_s"] is not None
        and recovery["errors_after_recovery"] == 0
        and figures["after"]["ok"] > 0
    )
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "database": target.name,
        "workers": workers,
        "connections": args.connections,
        "seconds": args.seconds,
        "restart_at": args.restart_at,
        "restart": restart,
        "phases": figures,
        "recovery": recovery,
        "met": met,
    }
    RESULTS.write_text(json.dumps(result, indent=1))
    report.replace_kept_section(section(result))
    print(section(result))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
