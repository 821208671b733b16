"""A list's tag facets are rendered once per content generation and list, and never stale.

As in test_aggregate_cache.py, data changes are made inside `committed()`, which runs their
on-commit hooks (the generation's bump) as a real COMMIT does.
"""

import html
import re

import pytest

from articles.models import Article
from tests.factories import ArticleFactory

LIST = "/articles/"
FACETS = "partials/tag_facets.html"


def facets(response):
    """The facets' links as the reader sees them: (name, count, address)."""
    section = re.search(r'<section class="facets".*?</section>', response.text, re.S)
    links = r'<a href="([^"]*)">([^<]*) <span class="count">(\d+)'
    found = re.findall(links, section[0])
    return [(html.unescape(name), int(count), html.unescape(url)) for url, name, count in found]


def renders(response):
    return [template.name for template in response.templates].count(FACETS)


@pytest.mark.django_db
def test_a_change_to_an_article_shows_in_the_facets_at_once(client, aggregate_cache, committed):
    with committed():
        article = ArticleFactory(tag_names=["crm", "bpo"])
        ArticleFactory(tag_names=["crm"])
    before = facets(client.get(LIST))
    with committed():
        Article.objects.get(pk=article.pk).tags.add("offshore")

    assert (before, facets(client.get(LIST))) == (
        [("crm", 2, "/articles/?tag=crm"), ("bpo", 1, "/articles/?tag=bpo")],
        [
            ("crm", 2, "/articles/?tag=crm"),
            ("bpo", 1, "/articles/?tag=bpo"),
            ("offshore", 1, "/articles/?tag=offshore"),
        ],
    )


@pytest.mark.django_db
def test_two_lists_never_share_their_facets(client, aggregate_cache, committed):
    with committed():
        ArticleFactory(tag_names=["crm", "bpo", "rh"])
        ArticleFactory(tag_names=["crm", "rh"])
        ArticleFactory(tag_names=["bpo", "offshore"])
    urls = ["?tag=crm", "?tag=bpo", "?tag=crm&tag=rh", "?tag=rh&tag=crm", "?q=rh", "?tag=crm&q=rh"]
    shown = [facets(client.get(LIST + url)) for url in urls]

    assert shown == [
        [("rh", 2, "/articles/?tag=crm&tag=rh"), ("bpo", 1, "/articles/?tag=crm&tag=bpo")],
        [
            ("crm", 1, "/articles/?tag=bpo&tag=crm"),
            ("offshore", 1, "/articles/?tag=bpo&tag=offshore"),
            ("rh", 1, "/articles/?tag=bpo&tag=rh"),
        ],
        [("bpo", 1, "/articles/?tag=crm&tag=rh&tag=bpo")],
        [("bpo", 1, "/articles/?tag=rh&tag=crm&tag=bpo")],
        [
            ("crm", 2, "/articles/?q=rh&tag=crm"),
            ("rh", 2, "/articles/?q=rh&tag=rh"),
            ("bpo", 1, "/articles/?q=rh&tag=bpo"),
        ],
        [
            ("rh", 2, "/articles/?tag=crm&q=rh&tag=rh"),
            ("bpo", 1, "/articles/?tag=crm&q=rh&tag=bpo"),
        ],
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("url", [LIST, f"{LIST}?tag=crm", "/recherche/?q=crm"])
def test_a_warm_list_renders_no_facets_and_shows_the_same(
    client, settings, aggregate_cache, committed, url
):
    with committed():
        ArticleFactory.create_batch(2, tag_names=["crm", "bpo"])
    cold, warm = client.get(url), client.get(url)
    settings.AGGREGATE_CACHE = False
    rendered = client.get(url)

    assert (renders(cold), renders(warm), renders(rendered)) == (1, 0, 1)
    assert facets(warm) and warm.text == cold.text == rendered.text


@pytest.mark.django_db
def test_a_warm_tag_page_renders_no_related_tags_and_shows_the_same(
    client, settings, aggregate_cache, committed
):
    with committed():
        ArticleFactory.create_batch(2, tag_names=["crm", "bpo"])
    url = "/mots-cles/crm/"
    cold, warm = client.get(url), client.get(url)
    settings.AGGREGATE_CACHE = False
    rendered = client.get(url)
    related = [
        [t.name for t in response.templates].count("partials/related_tags.html")
        for response in (cold, warm, rendered)
    ]

    assert (related, "?tag=crm&amp;tag=bpo" in warm.text) == ([1, 0, 1], True)
    assert warm.text == cold.text == rendered.text
