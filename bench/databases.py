"""The benchmark's own databases: SQLite files under bench-data/, PostgreSQL `encontact_bench*`.

Django-side work runs in child processes (`python -m bench.worker`), each with its own
DATABASE_URL, so one run can use several databases without touching the developer's.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench-data"
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
SECRET_KEY = "bench-" + hashlib.sha256(b"encontact bench, never used elsewhere").hexdigest()


class Database:
    """One benchmark database: `engine` is "sqlite" or "postgresql"."""

    def __init__(self, engine, name):
        self.engine = engine
        self.name = name

    def __repr__(self):
        return f"Database({self.engine!r}, {self.name!r})"

    @property
    def label(self):
        return "PostgreSQL" if self.engine == "postgresql" else "SQLite"

    @property
    def path(self):
        return DATA / f"{self.name}.sqlite3"

    @property
    def url(self):
        if self.engine == "sqlite":
            return f"sqlite:///{self.path}"
        return f"{POSTGRES_SERVER}/{self.name}"

    def drop(self):
        if self.engine == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        else:
            postgres_admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                [self.name],
            )
            postgres_admin(f'DROP DATABASE IF EXISTS "{self.name}"')

    def create(self, template=None):
        """An empty database, or a copy of `template` (a migrated one)."""
        self.drop()
        if self.engine == "sqlite":
            DATA.mkdir(exist_ok=True)
            if template is not None:
                shutil.copyfile(template.path, self.path)
        else:
            clause = f' TEMPLATE "{template.name}"' if template is not None else ""
            postgres_admin(f'CREATE DATABASE "{self.name}"{clause}')

    def migrate(self):
        manage("migrate", "--noinput", database=self)

    def size_bytes(self):
        if self.engine == "sqlite":
            return self.path.stat().st_size if self.path.exists() else 0
        rows = postgres_admin("SELECT pg_database_size(%s)", [self.name])
        return rows[0][0] if rows else 0


def postgres_available():
    try:
        postgres_admin("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means: no PostgreSQL here
        return False
    return True


def postgres_admin(sql, params=None):
    """Run one statement on the server's `postgres` database, outside any transaction."""
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=5) as db:
        cursor = db.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def postgres_version():
    try:
        return postgres_admin("SHOW server_version")[0][0]
    except Exception:  # noqa: BLE001
        return None


def django_env(database, **extra):
    """The environment of a production-like Django process on `database`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "encontact.settings",
        "DATABASE_URL": database.url,
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "PAGE_CACHE": "0",
        "LOG_LEVEL": "ERROR",
        "PYTHONHASHSEED": "0",
    }
    env.pop("REDIS_URL", None)
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(*args, database=None, env=None, capture=True, timeout=None):
    """Run `python manage.py ARGS` in the project, in `env` or else in `database`'s
    production-like environment; raise if it fails (the tests use it too)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env or django_env(database),
        check=True,
        capture_output=capture,
        text=True,
        timeout=timeout,
    )


def run_worker(task, database, timeout=3600, env=None, **arguments):
    """Run `bench.worker` TASK in a child process on `database`; return its JSON answer."""
    DATA.mkdir(exist_ok=True)
    answer = DATA / f"answer-{task}-{os.getpid()}-{time.monotonic_ns()}.json"
    command = [sys.executable, "-m", "bench.worker", task, json.dumps(arguments), str(answer)]
    try:
        subprocess.run(
            command, cwd=ROOT, env=env or django_env(database), check=True, timeout=timeout
        )
        return json.loads(answer.read_text())
    finally:
        answer.unlink(missing_ok=True)


def migrations_digest():
    """A digest of every migration file: a dataset built before a schema change is rebuilt."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]
