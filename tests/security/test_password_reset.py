"""Editors who forgot their password get a reset link by e-mail (Django's flow, in French)."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_with_email(editor):
    editor.email = "eve@en-contact.fr"
    editor.save()
    return editor


def test_the_login_page_offers_a_password_reset(client):
    response = client.get("/admin/login/")

    assert 'href="/admin/password_reset/"' in response.text


def test_a_reset_link_is_sent_in_french_and_sets_a_new_password(client, editor_with_email):
    sent = client.post("/admin/password_reset/", {"email": "eve@en-contact.fr"}, follow=True)
    link = re.search(r"https?://testserver(/\S+/)", mail.outbox[0].body)[1]
    form = client.get(link, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "un-nouveau-mot-de-passe", "new_password2": "un-nouveau-mot-de-passe"},
    )

    login = client.post(
        "/admin/login/?next=/admin/", {"username": "eve", "password": "un-nouveau-mot-de-passe"}
    )
    assert (
        sent.status_code,
        mail.outbox[0].to,
        "mot de passe" in mail.outbox[0].body.lower(),
        login.status_code,
        login.url,
    ) == (200, ["eve@en-contact.fr"], True, 302, "/admin/")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, editor_with_email):
    response = client.post("/admin/password_reset/", {"email": "inconnu@example.com"}, follow=True)

    assert (response.status_code, len(mail.outbox)) == (200, 0)


def test_local_mail_goes_to_the_console(settings):
    """Read from the environment: development prints e-mails, production sends them."""
    from tests.test_settings import PRODUCTION_ENV, run_manage

    script = "from django.conf import settings as s; print(s.EMAIL_BACKEND)"
    backends = [
        run_manage("shell", "-v", "0", "-c", script, env=env).stdout.strip()
        for env in ({"DEBUG": "1"}, PRODUCTION_ENV)
    ]
    assert backends == [
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
    ]
