"""`check --deploy` warns on every configuration docs/deployment.md does not support."""

import pytest

from encontact import checks
from tests.test_settings import PRODUCTION_ENV, run_manage

SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.PAGE_CACHE_REQUESTED, s.PAGE_CACHE, s.AGGREGATE_CACHE_REQUESTED, s.AGGREGATE_CACHE)"
)


def production(**changes):
    env = {**PRODUCTION_ENV, **changes}
    return {key: value for key, value in env.items() if value is not None}


def warnings(env):
    result = run_manage("check", "--deploy", env=env)
    return {word.rstrip(":") for word in result.stderr.split() if word.startswith("(encontact.")}


def cache_settings(env):
    return run_manage("shell", "-v", "0", "-c", SETTINGS, env=env).stdout.split()


@pytest.mark.parametrize(
    ("changes", "warning"),
    [
        ({"REDIS_URL": None}, "(encontact.W001)"),
        ({"REDIS_URL": None, "PAGE_CACHE": "1", "AGGREGATE_CACHE": "0"}, "(encontact.W001)"),
        (
            {"DATABASE_URL": "postgres://u@db.example/mag", "PUBLIC_STATEMENT_TIMEOUT_MS": "0"},
            "(encontact.W003)",
        ),
        ({"BEHIND_TLS_PROXY": None}, "(encontact.W004)"),
    ],
    ids=["no-shared-cache", "page-cache-asked-without-redis", "no-timeout", "no-proxy"],
)
def test_check_deploy_warns_on_an_unsupported_configuration(changes, warning):
    assert warnings(production(**changes)) == {warning}


def test_check_deploy_warns_when_uploads_would_be_imported_in_the_web_process(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert [message.id for message in checks.check_task_worker(None)] == ["encontact.W002"]


def test_without_a_shared_cache_both_caches_stay_off_whatever_is_asked():
    env = production(REDIS_URL=None, PAGE_CACHE="1", AGGREGATE_CACHE="1")
    assert cache_settings(env) == ["True", "False", "True", "False"]


def test_with_a_shared_cache_both_caches_are_on_in_production():
    assert cache_settings(production()) == ["True", "True", "True", "True"]
