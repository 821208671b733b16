"""Hostile load (issue 16): pathological searches mixed with normal readers, who must not wait.

The site is served as deployed (gunicorn, one sync worker per core, the public statement
timeout of `encontact.timeouts`) on the big PostgreSQL database, page cache off (a hostile
query is never cached, and readers' pages are computed too: the worst case). For `seconds`,
normal readers load the home page, the list, the tag-filtered list, a tag page and an article
with wrk, while attackers send searches as fast as they are answered: the probe's query (100
one-letter words, under the 200-character cap, in a new order each time so that nothing is
cached) and, since only MAX_TERMS distinct words now reach the database, the worst such query
(the archive's most common words). Readers' pages must keep p99 < 1 s and 0 errors.
"""

import random
import statistics
import string
import threading
import time
from urllib.parse import urlencode

from bench import load
from bench.pages import PROXY_HEADERS, headers_for, preflight
from bench.server import Server
from bench.underload import load_in_parallel

READERS = ("home", "list", "list_two_tags", "tag", "article")
READER_CONNECTIONS = 2  # per page
ATTACKERS = 4
# The words most articles of the archive hold (bench/data.py): the bounded query's worst case.
COMMON = (
    "relation client centre contact appels service conseiller marche entreprise qualite "
    "donnees canal experience offshore"
).split()
P99_LIMIT_MS = 1000


def one_letter_query(rng):
    return " ".join(rng.choice(string.ascii_lowercase) for _ in range(100))


def common_words_query(rng):
    words = list(COMMON)
    rng.shuffle(words)
    return " ".join(words)


def attack(server, seconds, attackers=ATTACKERS, seed=16):
    """`attackers` threads sending pathological searches for `seconds`; their figures."""
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    results = {"one_letter": [], "common_words": []}
    statuses = {}

    def attacker(number):
        rng = random.Random(seed + number)
        connection = None
        kinds = [("one_letter", one_letter_query), ("common_words", common_words_query)]
        turn = number
        while time.monotonic() < deadline:
            kind, make = kinds[turn % 2]
            turn += 1
            path = "/recherche/?" + urlencode({"q": make(rng)})
            started = time.perf_counter()
            status, connection = load.get(
                connection, "127.0.0.1", server.port, path, PROXY_HEADERS, timeout=60
            )
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                results[kind].append(elapsed)
                statuses[str(status or "failed")] = statuses.get(str(status or "failed"), 0) + 1
        if connection is not None:
            connection.close()

    threads = [threading.Thread(target=attacker, args=(n,)) for n in range(attackers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "attackers": attackers,
        "statuses": statuses,
        "kinds": {kind: summary(latencies) for kind, latencies in results.items()},
    }


def summary(latencies):
    ordered = sorted(latencies)
    if not ordered:
        return {"requests": 0}
    return {
        "requests": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 1),
        "max_ms": round(ordered[-1], 1),
    }


def measure(database, env, plan, *, seconds, workers=None):
    """Readers (wrk) and attackers (threads) together for `seconds` on `database`."""
    entries = [page for page in plan["pages"] if page["name"] in READERS]
    with Server(env, workers) as server:
        preflights = {e["name"]: preflight(server, e, headers_for(e, plan))[0] for e in entries}
        attacked = {}
        attackers = threading.Thread(
            target=lambda: attacked.update(attack(server, seconds)), daemon=True
        )
        attackers.start()
        time.sleep(1)  # the attack is under way before the readers come
        readers = load_in_parallel(server, entries, plan, seconds - 1, READER_CONNECTIONS)
        attackers.join()
        server.drain()
    worst = max((figure["p99_ms"] or 0) for figure in readers.values())
    errors = sum(figure["errors"] for figure in readers.values())
    return {
        "seconds": seconds,
        "workers": server.workers,
        "database": database.name,
        "reader_connections": READER_CONNECTIONS * len(entries),
        "preflight": preflights,
        "readers": readers,
        "attack": attacked,
        "worst_reader_p99_ms": worst,
        "reader_errors": errors,
        "reader_server_errors": sum(f.get("server_errors", 0) for f in readers.values()),
        "met": worst < P99_LIMIT_MS and errors == 0,
        "load_tool": "wrk" if load.wrk_path() else "python",
    }
