"""Fixtures shared by the suite, and the rule that CI never passes by skipping."""

import os

import pytest

REQUIRE_ALL = os.environ.get("REQUIRE_ALL_TESTS") == "1"


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
def editor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("eve", password="pw-editor-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Éditeur"))
    return user


@pytest.fixture
def contributor(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("rita", password="pw-contrib-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Rédacteur"))
    return user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Password hashing is slow on purpose; the suite creates and logs in users hundreds of times."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
