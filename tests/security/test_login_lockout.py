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


BEHIND_PROXY = {
    "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
    "AXES_IPWARE_PROXY_ORDER": "right-most",
}
PROXY = "10.0.0.2"  # the load balancer: every request reaches Django from its address


def through_proxy(client, password, client_address, username="eve"):
    """A login attempt relayed by the load balancer, which appends the client's address."""
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"198.51.100.1, {client_address}",  # the first part is forged
    )


def test_behind_the_proxy_an_attacker_does_not_lock_the_editor_out(client, editor, settings):
    for name, value in BEHIND_PROXY.items():
        setattr(settings, name, value)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        through_proxy(client, "guess", "203.0.113.66")

    response = through_proxy(client, "pw-editor-123", "192.0.2.10")

    assert (response.status_code, response.url) == (302, "/admin/")


def test_behind_the_proxy_the_attacker_is_locked_out(client, editor, settings):
    for name, value in BEHIND_PROXY.items():
        setattr(settings, name, value)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        through_proxy(client, "guess", "203.0.113.66")

    assert through_proxy(client, "pw-editor-123", "203.0.113.66").status_code == 429


def test_without_the_proxy_a_forged_forwarded_address_changes_nothing(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        through_proxy(client, "guess", f"203.0.113.{number}")

    assert through_proxy(client, "pw-editor-123", "192.0.2.10").status_code == 429


def test_the_proxy_settings_follow_behind_tls_proxy():
    """Read from the environment at startup: only BEHIND_TLS_PROXY=1 trusts the header."""
    from tests.test_settings import PRODUCTION_ENV, run_manage

    script = "from django.conf import settings as s; print(s.AXES_IPWARE_META_PRECEDENCE_ORDER)"
    orders = [
        run_manage(
            "shell", "-v", "0", "-c", script, env={**PRODUCTION_ENV, "BEHIND_TLS_PROXY": flag}
        ).stdout
        for flag in ("1", "0")
    ]
    assert orders == ["('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR')\n", "('REMOTE_ADDR',)\n"]
