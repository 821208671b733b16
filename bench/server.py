"""The site served as it is deployed: gunicorn, DEBUG off, several workers, on 127.0.0.1 only."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from bench.databases import DATA, ROOT

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def default_workers():
    """Two per core, as for an app machine that spends much of its time waiting on the DB."""
    return max(2, 2 * (os.cpu_count() or 1))


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
        self.wait_until_ready()
        return self

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}), see gunicorn.log")
            try:
                request = urllib.request.Request(
                    self.url("/bench/ceiling/"), headers={"X-Forwarded-Proto": "https"}
                )
                with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer within a minute")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
