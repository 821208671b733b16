"""Load one address on 127.0.0.1, bounded in time and in count: Debian's wrk, or our own.

Both report requests/s, p50, p99 and maximum latency and errors, an error being any answer but
200 (a redirect counts) or a failed connection; answers 500 and above are also counted apart.
wrk is preferred: written in C, it leaves the machine's cores to the server. The Python
generator is the fallback where wrk is missing.
"""

import http.client
import json
import os
import shutil
import statistics
import subprocess
import threading
import time
from urllib.parse import urlsplit

from bench.databases import DATA

CONNECTIONS = 8
MAX_REQUESTS = 200_000

WRK_SCRIPT = """
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  server_errors = 0
  seen = 0
  limit = tonumber(os.getenv("BENCH_MAX_REQUESTS_PER_THREAD")) or 0
end

function response(status, headers, body)
  seen = seen + 1
  if status ~= 200 then non200 = non200 + 1 end
  if status >= 500 then server_errors = server_errors + 1 end
  if limit > 0 and seen >= limit then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local wrong, failed = 0, 0
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("non200")
    failed = failed + thread:get("server_errors")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests": %d, "duration_us": %d, "non200": %d, "5xx": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "timeout": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"max_us": %d}\\n',
    summary.requests, summary.duration, wrong, failed, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
"""


def wrk_path():
    return shutil.which("wrk")


def load(
    url, *, duration, headers=None, connections=CONNECTIONS, max_requests=MAX_REQUESTS, tool="auto"
):
    """Load `url` for `duration` seconds (or `max_requests`); return the figures as a dict."""
    host = urlsplit(url).hostname
    if host != "127.0.0.1":
        raise ValueError("The benchmark only ever loads 127.0.0.1.")
    headers = headers or {}
    if tool == "wrk" or (tool == "auto" and wrk_path()):
        return wrk_load(url, duration, headers, connections, max_requests)
    return python_load(url, duration, headers, connections, max_requests)


def wrk_script():
    """The Lua script reporting wrk's figures, written whole before any wrk reads it.

    Several loads run at once (bench.underload): a script rewritten in place could be read
    half-written by another wrk, which then ran without `done()` and printed no figures.
    """
    DATA.mkdir(exist_ok=True)
    script = DATA / "wrk-report.lua"
    draft = DATA / f"wrk-report-{os.getpid()}-{threading.get_ident()}.lua.tmp"
    draft.write_text(WRK_SCRIPT)
    os.replace(draft, script)
    return script


def wrk_load(url, duration, headers, connections, max_requests):
    script = wrk_script()
    threads = 1
    command = [
        wrk_path(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "-s",
        str(script),
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    env = {**os.environ, "BENCH_MAX_REQUESTS_PER_THREAD": str(max_requests // threads)}
    finished = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        env=env,
        timeout=duration + 60,
        check=True,
    )
    lines = [line for line in finished.stdout.splitlines() if line.startswith("BENCH-JSON ")]
    if not lines:
        raise RuntimeError(f"wrk printed no figures for {url}: {finished.stderr[-500:]!r}")
    line = lines[0]
    raw = json.loads(line.removeprefix("BENCH-JSON "))
    seconds = raw["duration_us"] / 1e6
    errors = raw["non200"] + raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "tool": "wrk",
        "requests": raw["requests"],
        "seconds": round(seconds, 3),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": raw["p50_us"] / 1000 if raw["requests"] else None,
        "p99_ms": raw["p99_us"] / 1000 if raw["requests"] else None,
        "max_ms": raw["max_us"] / 1000 if raw["requests"] else None,
        "errors": errors,
        "server_errors": raw["5xx"],
        "error_detail": {
            key: raw[key] for key in ("non200", "5xx", "connect", "read", "write", "timeout")
        },
    }


def get(connection, host, port, path, headers, timeout=30):
    """One GET on a keep-alive `connection` (None: open one); (status, connection to reuse).

    A failed request answers status 0 and no connection: the next one opens a new one.
    """
    try:
        if connection is None:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
    except (OSError, http.client.HTTPException):
        if connection is not None:
            connection.close()
        return 0, None
    if response.will_close:
        connection.close()
        connection = None
    return response.status, connection


def python_load(url, duration, headers, connections, max_requests):
    """Our own generator: `connections` threads with keep-alive connections."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + duration
    lock = threading.Lock()
    latencies, errors, server_errors, issued = [], [0], [0], [0]

    def worker():
        connection = None
        while time.monotonic() < deadline:
            with lock:
                if issued[0] >= max_requests:
                    return
                issued[0] += 1
            started = time.perf_counter()
            status, connection = get(connection, parts.hostname, parts.port, path, headers)
            ok, failed = status == 200, status >= 500
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors[0] += 1
                if failed:
                    server_errors[0] += 1
        if connection is not None:
            connection.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    seconds = time.perf_counter() - started
    ordered = sorted(latencies)

    def percentile(p):
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000 if ordered else 0

    return {
        "tool": "python",
        "requests": len(ordered),
        "seconds": round(seconds, 3),
        "rps": round(len(ordered) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(statistics.median(ordered) * 1000, 3) if ordered else 0,
        "p99_ms": round(percentile(99), 3),
        "max_ms": round(ordered[-1] * 1000, 3) if ordered else 0,
        "errors": errors[0],
        "server_errors": server_errors[0],
        "error_detail": {},
    }
