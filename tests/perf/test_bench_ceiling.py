"""The benchmark's reference pages: served by the bench's own URLconf, never by the site's."""

import copy

import pytest
from django.utils.html import escape

from bench import ceiling
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bench_settings(settings):
    import bench.settings

    settings.ROOT_URLCONF = bench.settings.ROOT_URLCONF
    settings.TEMPLATES = copy.deepcopy(bench.settings.TEMPLATES)
    ceiling._first_page.clear()
    yield
    ceiling._first_page.clear()


def test_the_site_does_not_serve_the_reference_pages(client):
    assert client.get("/bench/ceiling/plain/").status_code == 404


def test_the_plain_ceiling_shows_the_lists_rows_with_their_links(client, bench_settings):
    article = ArticleFactory(
        authors=[AuthorFactory(name="Anne Martin")], tag_names=["CRM", "BPO", "Qualité", "Voix"]
    )
    page = client.get("/bench/ceiling/plain/").text
    shown = [
        f'<a href="{article.get_absolute_url()}">{escape(article.title)}</a>' in page,
        '">Anne Martin</a>' in page,
        page.count('<li><a href="/mots-cles/'),
    ]
    assert shown == [True, True, 3]
