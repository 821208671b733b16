"""Who may empty the page cache: only an editor's saved change, never an anonymous POST.

A failed login or a logout posted with the login page's token used to start a new generation:
on 100,000 articles, every list then read the whole archive again, on demand of anyone.
"""

import pytest
from django.core.cache import cache

from articles.caching import current_generation
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


def test_a_failed_login_keeps_the_cached_pages(client, page_cache, editor, committed):
    before = current_generation()

    with committed():
        response = client.post("/admin/login/", {"username": "eve", "password": "faux"})

    assert (response.status_code, current_generation()) == (200, before)


def test_an_anonymous_logout_keeps_the_cached_pages(client, page_cache, committed):
    client.get("/admin/login/")
    before = current_generation()

    with committed():
        client.post("/admin/logout/")

    assert current_generation() == before


def test_an_anonymous_post_to_any_admin_page_keeps_the_cached_pages(client, page_cache, committed):
    before = current_generation()

    with committed():
        client.post("/admin/articles/article/", {"action": "publish", "_selected_action": ["1"]})

    assert current_generation() == before


def test_an_editors_login_keeps_the_cached_pages(client, page_cache, editor, committed):
    before = current_generation()

    with committed():
        client.post("/admin/login/?next=/admin/", {"username": "eve", "password": "pw-editor-123"})

    assert current_generation() == before


def test_an_editors_saved_change_starts_a_new_generation(editor_client, page_cache, committed):
    with committed():
        article = ArticleFactory(status=Article.Status.DRAFT)
    before = current_generation()

    with committed():
        response = editor_client.post(
            "/admin/articles/article/",
            {"action": "publish", "_selected_action": [article.pk]},
        )

    assert (response.status_code, current_generation() != before) == (302, True)
