"""`make backup` and `make restore FROM=…`: the database and the media, copied and given back.

    python -m ops.backup backup [--to DIR]      → backups/<UTC timestamp>/ (db + media.tar.gz)
    python -m ops.backup restore DIR            ← replaces the database and media with DIR's

SQLite is copied with SQLite's online backup API (consistent even while the site writes);
PostgreSQL with `pg_dump --format=custom`, restored with `pg_restore --clean`. Media files
(authors' photos, covers) go in a tarball beside it. A manifest records what the copy holds.
A backup holds every account's password hash and session: its folders are private (0700) and
its files readable by their owner only (0600). A restore starts a new page cache generation,
so that no page cached before it shows the content it replaced.
"""

import argparse
import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "encontact.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def database():
    from django.conf import settings

    return settings.DATABASES["default"]


def pg_env(db):
    """libpq environment for pg_dump / pg_restore, from Django's database settings."""
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if db.get(key):
            env[name] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def counts():
    """Rows that must survive a backup and restore, for the manifest and the checks."""
    from articles.models import Article, Tag, TaggedArticle

    return {
        "articles": Article.objects.count(),
        "revisions": Article.history.count(),
        "tags": Tag.objects.count(),
        "tagged": TaggedArticle.objects.count(),
    }


def copy_sqlite(source, target):
    """Copy the SQLite database at `source` over `target`, with SQLite's online backup API."""
    origin = sqlite3.connect(source)
    copy = sqlite3.connect(target)
    with copy:
        origin.backup(copy)
    copy.close()
    origin.close()


@contextlib.contextmanager
def private_files():
    """Files and folders created meanwhile (by pg_dump too) are their owner's only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def backup(target: Path) -> Path:
    with private_files():
        return write_backup(target)


def write_backup(target: Path) -> Path:
    from django.conf import settings
    from django.db import connections

    db = database()
    target.mkdir(parents=True, exist_ok=False)
    if db["ENGINE"].endswith("sqlite3"):
        copy_sqlite(db["NAME"], target / "db.sqlite3")
    else:
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--file={target / 'db.dump'}",
                db["NAME"],
            ],
            check=True,
            env=pg_env(db),
        )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as tar:
        if media.exists():
            tar.add(media, arcname="media")
    manifest = {"created": datetime.now(UTC).isoformat(), "engine": db["ENGINE"], **counts()}
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
    connections.close_all()
    return target


def restore(source: Path) -> dict:
    from django.conf import settings
    from django.db import connections

    db = database()
    connections.close_all()
    if db["ENGINE"].endswith("sqlite3"):
        copy_sqlite(source / "db.sqlite3", db["NAME"])
    else:
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                f"--dbname={db['NAME']}",
                str(source / "db.dump"),
            ],
            check=True,
            env=pg_env(db),
        )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(source / "media.tar.gz", "r:gz") as tar:
        if any(member.name.startswith("media/") for member in tar.getmembers()):
            shutil.rmtree(media, ignore_errors=True)
            staging = media.parent / f".restore-{os.getpid()}"
            tar.extractall(staging, filter="data")
            (staging / "media").rename(media)
            staging.rmdir()
    from articles.caching import bump_generation

    bump_generation()
    return counts()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    make = sub.add_parser("backup")
    make.add_argument("--to", type=Path)
    give = sub.add_parser("restore")
    give.add_argument("source", type=Path)
    args = parser.parse_args(argv)

    setup_django()
    if args.action == "backup":
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        if not args.to and (ROOT / "backups").exists():
            (ROOT / "backups").chmod(0o700)  # made before backups were private
        target = backup(args.to or ROOT / "backups" / stamp)
        print(f"Sauvegarde écrite dans {target}")
        print((target / "manifest.json").read_text())
        return 0
    if not (args.source / "manifest.json").exists():
        print(f"Pas de sauvegarde dans {args.source} (manifest.json absent).", file=sys.stderr)
        return 2
    restored = restore(args.source)
    expected = json.loads((args.source / "manifest.json").read_text())
    print(f"Restauré depuis {args.source} : {json.dumps(restored)}")
    missing = {key: value for key, value in restored.items() if expected.get(key) != value}
    if missing:
        print(f"Écart avec la sauvegarde : {missing}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
