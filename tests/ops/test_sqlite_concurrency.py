"""SQLite mode: readers on several gunicorn workers never see "database is locked"."""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
PAGES = ["/", "/articles/", "/articles/?q=client", "/recherche/?q=client", "/flux/rss/"]

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="SQLite's locking only: the PostgreSQL pass has nothing to prove here",
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=10)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)  # workers still booting (slow on a loaded machine)
    raise AssertionError(f"{url} never answered")


def read_continuously(base, stop, statuses):
    n = 0
    while not stop.is_set():
        url = base + PAGES[n % len(PAGES)]
        n += 1
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                statuses[response.status] += 1
        except urllib.error.HTTPError as error:
            statuses[error.code] += 1
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            statuses["connection error"] += 1


def test_readers_get_no_errors_while_an_import_writes(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(60):
        for source in CORPUS.glob("*.txt"):
            shutil.copy(source, archive / f"{n:03d}_{source.name}")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}", "DEBUG": "1"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run(
        [*manage, "import_corpus", str(CORPUS)], cwd=ROOT, env=env, check=True, capture_output=True
    )

    port = free_port()
    server_log = tmp_path / "gunicorn.log"
    with open(server_log, "w") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-w",
                "3",
                "-b",
                f"127.0.0.1:{port}",
                "encontact.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
    statuses, stop = Counter(), threading.Event()
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/")
        readers = [
            threading.Thread(target=read_continuously, args=(base, stop, statuses))
            for _ in range(4)
        ]
        for reader in readers:
            reader.start()
        importing = subprocess.run(
            [*manage, "import_corpus", str(archive), "--report", str(tmp_path / "r.json")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        stop.set()
        for reader in readers:
            reader.join(timeout=30)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)

    assert (importing.returncode, set(statuses) - {200}, statuses[200] > 20) == (0, set(), True)
    assert "database is locked" not in server_log.read_text()
