"""The site served as it is deployed: gunicorn, DEBUG off, several workers, on 127.0.0.1 only."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.databases import DATA, ROOT

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def default_workers():
    """One sync worker per core.

    The pages spend their time in Python (templates, ORM), not waiting on the database: more
    workers than cores only queue on the same cores and add context switches (on two cores,
    four workers gave the ceiling a third less throughput and three times its p99).
    """
    return max(2, os.cpu_count() or 1)


def cpu_seconds(pids):
    """CPU time (user + system) used so far by these processes, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def children(pid):
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def gunicorn_command(port, workers):
    """The deployment's command line (docs/deployment.md), bound to the loopback."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "encontact.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--backlog",
        "256",
        "--timeout",
        "60",
        "--graceful-timeout",
        "10",
        "--log-level",
        "warning",
        "--error-logfile",
        str(DATA / "gunicorn.log"),
    ]


class Server:
    """`with Server(env) as server:` runs gunicorn for the block; `server.url(path)`."""

    def __init__(self, env, workers=None):
        self.env = env
        self.workers = workers or default_workers()
        self.port = free_port()
        self.process = None

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"

    def __enter__(self):
        DATA.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            gunicorn_command(self.port, self.workers), cwd=ROOT, env=self.env
        )
        try:
            self.wait_until_ready()
        except BaseException:
            self.__exit__()
            raise
        return self

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}), see gunicorn.log")
            try:
                # robots.txt: answered by Django without the database or the bench's views.
                request = urllib.request.Request(
                    self.url("/robots.txt"), headers={"X-Forwarded-Proto": "https"}
                )
                with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer within a minute")

    def drain(self, timeout=90, quiet=0.02, interval=0.25):
        """Wait until the workers are idle: requests a load generator gave up on still run.

        A sync worker finishes every request it accepted, even one whose client has gone;
        without this, a slow page's queue would eat into the next measurement. Idle means
        the workers used less than `quiet` of a core over two intervals in a row, and no
        query of this server's database is running. Returns the seconds waited.
        """
        started = time.monotonic()
        calm = 0
        before = cpu_seconds(children(self.process.pid))
        while time.monotonic() - started < timeout:
            time.sleep(interval)
            now = cpu_seconds(children(self.process.pid))
            busy = (now - before) / interval > quiet or self.database_busy()
            before = now
            calm = 0 if busy else calm + 1
            if calm >= 2:
                break
        return round(time.monotonic() - started, 2)

    def database_busy(self):
        name = self.env.get("DATABASE_URL", "")
        if not name.startswith("postgres"):
            return False
        from bench.databases import postgres_admin

        rows = postgres_admin(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state = 'active' "
            "AND pid <> pg_backend_pid()",
            [name.rsplit("/", 1)[-1]],
        )
        return bool(rows and rows[0][0])

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
