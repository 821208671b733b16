"""`make backup` / `make restore` give back every article, revision, tag and media file."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from bench import databases
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parents[2]
EDIT = (
    "from articles.models import Article; a = Article.objects.order_by('pk').first();"
    "a.title = 'Titre révisé'; a.save(); a.tags.add('sauvegarde')"
)
COUNT = "import json; from ops.backup import counts; print(json.dumps(counts()))"


def manage(env, *args):
    return databases.manage(*args, env=env, timeout=300)


def backup_tool(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "ops.backup", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def scratch_database(tmp_path):
    """A throwaway database of the engine the suite runs on."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    db = settings.DATABASES["default"]
    name = f"encontact_backup_{uuid.uuid4().hex[:8]}"
    server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    subprocess.run(["psql", f"{server}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    yield f"{server}/{name}"
    subprocess.run(["psql", f"{server}/postgres", "-qc", f"DROP DATABASE {name} WITH (FORCE)"])


def test_restore_gives_back_every_article_revision_tag_and_media(tmp_path, scratch_database):
    env = {**os.environ, "DATABASE_URL": scratch_database, "MEDIA_ROOT": str(tmp_path / "media")}
    manage(env, "migrate", "--noinput")
    manage(env, "import_corpus", "fixtures/corpus", "--report", str(tmp_path / "r.json"))
    manage(env, "shell", "--no-imports", "-c", EDIT)
    (tmp_path / "media" / "auteurs").mkdir(parents=True)
    (tmp_path / "media" / "auteurs" / "photo.jpg").write_bytes(b"\xff\xd8jpeg")
    before = json.loads(manage(env, "shell", "--no-imports", "-c", COUNT).stdout)
    assert backup_tool(env, "backup", "--to", str(tmp_path / "copy")).returncode == 0

    manage(env, "flush", "--noinput")
    (tmp_path / "media" / "auteurs" / "photo.jpg").unlink()
    restored = backup_tool(env, "restore", str(tmp_path / "copy"))
    after = json.loads(manage(env, "shell", "--no-imports", "-c", COUNT).stdout)

    assert (restored.returncode, after, before["revisions"] > before["articles"] > 0) == (
        0,
        before,
        True,
    )
    assert (tmp_path / "media" / "auteurs" / "photo.jpg").read_bytes() == b"\xff\xd8jpeg"


def test_restore_refuses_a_folder_without_backup(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    result = backup_tool(env, "restore", str(tmp_path))
    assert (result.returncode, "manifest.json absent" in result.stderr) == (2, True)


def test_a_backup_is_readable_by_its_owner_only(tmp_path, scratch_database):
    env = {**os.environ, "DATABASE_URL": scratch_database, "MEDIA_ROOT": str(tmp_path / "media")}
    manage(env, "migrate", "--noinput")
    target = tmp_path / "backups" / "copy"

    assert backup_tool(env, "backup", "--to", str(target)).returncode == 0

    modes = {
        path.name: oct(path.stat().st_mode & 0o777)
        for path in [target.parent, target, *target.iterdir()]
    }
    assert set(modes.values()) <= {"0o700", "0o600"}, modes
    assert {modes["backups"], modes["copy"]} == {"0o700"}


def test_a_restore_starts_a_new_page_cache_generation(tmp_path, scratch_database):
    """Pages cached before a restore show the old content: the restore forgets them all."""
    import redis

    url = "redis://127.0.0.1:6379/12"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError:
        skip_or_fail("Redis absent at 127.0.0.1:6379")
    env = {
        **os.environ,
        "DATABASE_URL": scratch_database,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "REDIS_URL": url,
    }
    generation = "from articles.caching import current_generation; print(current_generation())"
    manage(env, "migrate", "--noinput")
    assert backup_tool(env, "backup", "--to", str(tmp_path / "copy")).returncode == 0
    before = manage(env, "shell", "--no-imports", "-c", generation).stdout

    restored = backup_tool(env, "restore", str(tmp_path / "copy"))

    after = manage(env, "shell", "--no-imports", "-c", generation).stdout
    assert (restored.returncode, after != before) == (0, True)
