"""Fixtures shared by the suite, and the rule that CI never passes by skipping."""

import functools
import importlib
import os
from pathlib import Path

import pytest

REQUIRE_ALL = os.environ.get("REQUIRE_ALL_TESTS") == "1"
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright never downloads a browser


def skip_or_fail(reason):
    """Skip a test whose tool is missing here; under REQUIRE_ALL_TESTS=1 (CI), fail instead."""
    if REQUIRE_ALL:
        pytest.fail(f"{reason} (REQUIRE_ALL_TESTS=1: a skip would hide it)")
    pytest.skip(reason)


@pytest.fixture
def postgres_only(db):
    """For tests of PostgreSQL-only features; they run in the PostgreSQL pass of CI."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: runs with DATABASE_URL=postgres://… (make test-postgres)")


@pytest.fixture
def editorial_groups(db):
    """The groups of data migration 0002; transactional tests flush them, so make sure."""
    from django.apps import apps

    importlib.import_module("articles.migrations.0002_editorial_groups").fill_groups(apps)


def staff_member(username, password, group):
    """A back-office user in one of the editorial groups (`editorial_groups` must be loaded)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(editorial_groups):
    return staff_member("eve", "pw-editor-123", "Éditeur")


@pytest.fixture
def contributor(editorial_groups):
    return staff_member("rita", "pw-contrib-123", "Rédacteur")


def logged_in(user):
    """A test client signed in as `user`.

    django-axes wants the request in authenticate(); force_login needs no password at all.
    """
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def contributor_client(contributor):
    return logged_in(contributor)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs the on-commit callbacks (cache bumps) of what it wraps."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background jobs (uploads) run within the request, as if the worker took them at once;
    tests of the worker itself use the database backend (tests/admin/test_import_jobs.py)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def page_cache(settings):
    """The page cache on (it is off in tests, as while developing), empty before and after."""
    from django.core.cache import cache

    settings.PAGE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def aggregate_cache(settings):
    """The lists' aggregates kept in the cache (off in tests), empty before and after."""
    from django.core.cache import cache

    settings.AGGREGATE_CACHE = True
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Password hashing is slow on purpose; the suite logs users in hundreds of times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def screenshots(tmp_path):
    """Where browser tests save their screenshots: a scratch folder, so that a test run leaves
    the checkout as it was; docs/screenshots (shown in the README) with UPDATE_SCREENSHOTS=1."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        from django.conf import settings

        folder = Path(settings.BASE_DIR) / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path


@pytest.fixture
def media(settings, tmp_path):
    """Uploads (and the image versions made from them) in a scratch folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def chromium():
    """Debian's Chromium driven by Playwright, headless; skipped (failed in CI) when absent.

    Ask for data fixtures before this one: inside Playwright's event loop Django refuses
    synchronous queries.
    """
    if not CHROMIUM.exists():
        skip_or_fail(f"Chromium absent: {CHROMIUM} (apt install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()
