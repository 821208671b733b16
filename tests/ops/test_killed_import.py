"""An import killed in the middle (SIGKILL) leaves no half-written article; a rerun completes."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
COPIES = 120
PER_FILE = {"004_94a55e2e95f20323.txt": 4} | {
    path.name: 1 for path in CORPUS.glob("00[0-3]_*.txt")
}  # the blog archive page holds four posts
ARTICLES_PER_COPY = sum(PER_FILE.values())


@pytest.fixture
def big_archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for n in range(COPIES):
        for source in sorted(CORPUS.glob("*.txt")):
            shutil.copy(source, folder / f"{n:04d}_{source.name}")
    return folder


def children(pid):
    """The processes `pid` started (Linux's /proc)."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def alive(pid):
    """Whether `pid` still runs (a zombie or a vanished process does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def file_counts(db_path):
    with sqlite3.connect(db_path) as db:
        per_file = db.execute(
            "SELECT source_file, COUNT(*), SUM(import_fingerprint = '') FROM articles_article "
            "GROUP BY source_file"
        ).fetchall()
        total = db.execute("SELECT COUNT(*) FROM articles_article").fetchone()[0]
    return per_file, total


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="same property on PostgreSQL, but the check reads the SQLite file directly",
)
def test_killed_import_leaves_whole_files_and_rerun_completes(tmp_path, big_archive):
    db_path = tmp_path / "site.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}"}
    command = [sys.executable, "manage.py", "import_corpus", str(big_archive), "--report", "-"]
    subprocess.run(
        [sys.executable, "manage.py", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )

    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            if file_counts(db_path)[1] >= 40:
                break
        except sqlite3.OperationalError:
            continue
    parser = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    orphans_deadline = time.monotonic() + 10
    while any(alive(pid) for pid in parser) and time.monotonic() < orphans_deadline:
        time.sleep(0.2)
    orphans = [pid for pid in parser if alive(pid)]
    per_file, total_after_kill = file_counts(db_path)
    written_per_file = [count == PER_FILE[name.split("_", 1)[1]] for name, count, _ in per_file]

    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, timeout=600)
    _, total_after_rerun = file_counts(db_path)

    assert 0 < total_after_kill < COPIES * ARTICLES_PER_COPY, "kill came too late to prove anything"
    assert (bool(parser), orphans) == (True, [])  # its parser process did not outlive it
    assert [unfinished for _, _, unfinished in per_file] == [0] * len(per_file)
    assert written_per_file == [True] * len(per_file)
    assert total_after_rerun == COPIES * ARTICLES_PER_COPY
