"""django-axes locks out password guessing on the admin login."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def attempt(client, password):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "eve", "password": password},
        REMOTE_ADDR="10.9.8.7",
    )


def test_right_password_logs_in(client, editor):
    response = attempt(client, "pw-editor-123")
    assert (response.status_code, response.url) == (302, "/admin/")


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "guess")
    response = attempt(client, "pw-editor-123")
    assert (response.status_code, "bloqué" in response.text.lower()) == (429, True)


def test_a_few_failures_do_not_lock(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        attempt(client, "guess")
    assert attempt(client, "pw-editor-123").status_code == 302
