"""Fixtures for the back office tests: clients logged in as an editor or a contributor."""

import pytest
from django.test import Client


def logged_in(user):
    # django-axes wants the request in authenticate(); force_login needs no password at all.
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def contributor_client(contributor):
    return logged_in(contributor)
