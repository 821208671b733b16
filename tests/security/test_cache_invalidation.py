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


def test_unknown_parameters_share_one_cached_page(client, page_cache, db):
    ArticleFactory(title="Un article publié")
    client.get("/articles/?utm_source=a&utm_campaign=x")

    response = client.get("/articles/?utm_source=b&fbclid=123")

    assert (response["X-Page-Cache"], "utm_" in response.text) == ("hit", False)


def test_a_known_parameter_still_makes_another_page(client, page_cache, db):
    ArticleFactory(title="Un article publié", tag_names=["crm"])
    client.get("/articles/?utm_source=a")

    response = client.get("/articles/?tag=crm&utm_source=a")

    assert response["X-Page-Cache"] == "miss"


def test_links_of_a_cached_page_carry_no_unknown_parameter(client, page_cache, db):
    ArticleFactory.create_batch(25, tag_names=["crm"])

    response = client.get("/articles/?tag=crm&utm_source=pub")

    assert ("page=2" in response.text, "utm_source" in response.text) == (True, False)


def test_the_local_memory_cache_is_bounded(settings):
    """Without REDIS_URL (as in the tests); Redis is bounded by its own maxmemory policy."""
    assert settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] == 1000
