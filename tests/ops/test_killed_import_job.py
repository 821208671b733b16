"""The import worker killed midway (SIGKILL): every file written is reported, the job resumes.

An upload ran past gunicorn's timeout inside the request and left 68 of 100 files written with
no report. Imported by `manage.py db_worker`, each file's articles and its entry of the report
commit together: after a kill, the files reported are exactly the files written, and resuming
the job imports the rest once.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.ops.test_backup import manage

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
NAMES = sorted(path.name for path in CORPUS.glob("00[0-3]_*.txt"))  # one article each
COPIES = 60
CREATE_JOB = f"""
from pathlib import Path
from articles import import_jobs
names = {NAMES!r}
files = [(f"{{n:03d}}_{{name}}", Path("{CORPUS}", name).read_bytes())
         for n in range({COPIES}) for name in names]
print(import_jobs.create_job(files, user=None, status="published", dry_run=False).pk)
"""
RESUME = """
from datetime import timedelta
from django.utils import timezone
from articles import import_jobs
from articles.models import ImportJob
ImportJob.objects.update(updated_at=timezone.now() - timedelta(hours=1))
print(import_jobs.resume(ImportJob.objects.get()))
"""


def state(db_path):
    with sqlite3.connect(db_path) as db:
        reported = {
            name
            for (name,) in db.execute(
                "SELECT name FROM articles_importjobfile WHERE entry IS NOT NULL"
            )
        }
        written = {
            name for (name,) in db.execute("SELECT DISTINCT source_file FROM articles_article")
        }
    return reported, written


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="same property on PostgreSQL, but the check reads the SQLite file directly",
)
def test_a_killed_worker_leaves_every_written_file_reported_and_the_job_resumes(tmp_path):
    db_path = tmp_path / "site.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db_path}", "DEBUG": "1"}

    manage(env, "migrate")
    manage(env, "shell", "--no-imports", "-c", CREATE_JOB)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(state(db_path)[0]) < 20:
        time.sleep(0.1)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)
    reported, written = state(db_path)

    resumed = manage(env, "shell", "--no-imports", "-c", RESUME).stdout
    manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")
    reported_at_the_end, written_at_the_end = state(db_path)

    assert 0 < len(reported) < COPIES * len(NAMES), "kill came too late to prove anything"
    assert (reported == written, resumed) == (True, "True\n")
    assert (len(reported_at_the_end), written_at_the_end == reported_at_the_end) == (
        COPIES * len(NAMES),
        True,
    )
