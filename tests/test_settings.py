import os
import subprocess
import sys
from pathlib import Path

import pytest

from encontact.settings import env_bool, env_list, local_secret_key

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 64 + "-production-like-secret-key-for-tests",
    "ALLOWED_HOSTS": "www.en-contact.fr",
    "DATABASE_URL": "sqlite:///:memory:",
    # The supported configuration (docs/deployment.md): a shared cache, the TLS load balancer.
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "BEHIND_TLS_PROXY": "1",
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("Yes", True), ("on", True), ("0", False), ("no", False)],
)
def test_env_bool_reads_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG") is expected


def test_env_bool_falls_back_to_default_when_unset_or_blank(monkeypatch):
    monkeypatch.setenv("X_FLAG", " ")
    assert (env_bool("X_FLAG", True), env_bool("X_UNSET_FLAG", False)) == (True, False)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.fr, b.fr,,")
    assert env_list("X_HOSTS") == ["a.fr", "b.fr"]


def test_local_secret_key_is_generated_once_and_kept(tmp_path):
    path = tmp_path / "key"
    first = local_secret_key(path)
    assert (len(first) >= 50, local_secret_key(path)) == (True, first)


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert (result.returncode, result.stderr) == (0, "")


def test_secret_key_is_required_when_debug_is_off():
    result = run_manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("binding", "prepared"),
    [(None, "{'server_side_binding': True, 'prepare_threshold': 5}"), ("0", "{}")],
)
def test_database_url_selects_postgresql_with_connection_reuse(binding, prepared):
    """Server-side binding (prepared queries) is on unless a pooler needs it off."""
    code = (
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'],"
        " d['OPTIONS'])"
    )
    env = {
        "DATABASE_URL": "postgres://u@db.example:5432/mag",
        "DJANGO_SETTINGS_MODULE": "encontact.settings",
    }
    environ = {key: value for key, value in os.environ.items() if key != "PG_SERVER_SIDE_BINDING"}
    if binding is not None:
        env["PG_SERVER_SIDE_BINDING"] = binding
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split(maxsplit=4) == [
        "django.db.backends.postgresql",
        "mag",
        "600",
        "True",
        prepared + "\n",
    ]


def test_french_locale_and_paris_time(settings):
    assert (settings.LANGUAGE_CODE, settings.TIME_ZONE, settings.USE_TZ) == (
        "fr",
        "Europe/Paris",
        True,
    )


def test_debug_is_off_unless_asked():
    """Production never depends on remembering DEBUG=0; `make run` sets DEBUG=1."""
    environ = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-v",
            "0",
            "-c",
            "from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env={**environ, "SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout == "False\n"


def test_make_run_turns_debug_on_for_development():
    environ = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    plan = subprocess.run(
        ["make", "-n", "-p", "run"], cwd=ROOT, env=environ, capture_output=True, text=True
    ).stdout
    assert "run: DEBUG = 1" in plan
