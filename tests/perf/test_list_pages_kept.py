"""A filtered list's page is found by its query once per content generation, then read by id.

As in test_aggregate_cache.py, data changes are made inside `committed()`, which runs their
on-commit hooks (the generation's bump) as a real COMMIT does.
"""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory

TWO_TAGS = "/articles/?tag=crm&tag=bpo"
TAGGINGS = "articles_taggedarticle"


def titles(response):
    return [
        html.unescape(t) for t in re.findall(r'class="card-title"><a [^>]*>([^<]*)<', response.text)
    ]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.mark.django_db
def test_a_change_to_an_article_shows_in_a_two_tag_list_at_once(client, aggregate_cache, committed):
    with committed():
        first = ArticleFactory(title="Premier", tag_names=["crm", "bpo"], published_at=days_ago(3))
        second = ArticleFactory(title="Second", tag_names=["crm", "bpo"], published_at=days_ago(2))
        ArticleFactory(title="Autre", tag_names=["crm"], published_at=days_ago(1))
    shown = [titles(client.get(TWO_TAGS)), titles(client.get(TWO_TAGS))]
    with committed():
        Article.objects.get(pk=first.pk).tags.remove("bpo")
    shown.append(titles(client.get(TWO_TAGS)))
    with committed():
        ArticleFactory(title="Nouveau", tag_names=["bpo", "crm"], published_at=days_ago(0))
    shown.append(titles(client.get(TWO_TAGS)))
    with committed():
        unpublished = Article.objects.get(pk=second.pk)
        unpublished.status = Article.Status.DRAFT
        unpublished.save()
    shown.append(titles(client.get(TWO_TAGS)))

    assert shown == [
        ["Second", "Premier"],
        ["Second", "Premier"],
        ["Second"],
        ["Nouveau", "Second"],
        ["Nouveau"],
    ]


@pytest.mark.django_db
def test_pages_and_filters_never_share_their_ids(client, settings, aggregate_cache, committed):
    with committed():
        alice, bob = AuthorFactory(name="Alice"), AuthorFactory(name="Bob")
        for n in range(23):
            ArticleFactory(
                title=f"Les deux {n:02}", tag_names=["crm", "bpo"], published_at=days_ago(n + 1)
            )
        ArticleFactory(
            title="CRM seul", tag_names=["crm"], authors=[alice], published_at=days_ago(0)
        )
        ArticleFactory(title="BPO seul", tag_names=["bpo"], authors=[bob], published_at=days_ago(0))
    urls = [
        TWO_TAGS,
        f"{TWO_TAGS}&page=2",
        "/articles/?tag=crm",
        "/articles/?tag=bpo",
        "/articles/?tag=crm&year=2001",
        # One address as `url()` keeps it (repeated values once), two filters: the last wins.
        f"/articles/?author={alice.slug}&author={bob.slug}",
        f"/articles/?author={alice.slug}&author={bob.slug}&author={alice.slug}",
    ]
    cold = [titles(client.get(url)) for url in urls]
    warm = [titles(client.get(url)) for url in urls]
    settings.AGGREGATE_CACHE = False
    computed = [titles(client.get(url)) for url in urls]

    assert warm == cold == computed
    assert [len(page) for page in computed[:4]] == [20, 3, 20, 20]
    assert computed[2][0] == "CRM seul" and computed[3][0] == "BPO seul"
    assert computed[4:] == [[], ["BPO seul"], ["CRM seul"]]
    assert client.get(f"{TWO_TAGS}&page=3").status_code == 404


@pytest.mark.django_db
def test_a_warm_two_tag_page_reads_its_rows_by_id(client, aggregate_cache, committed):
    with committed():
        ArticleFactory.create_batch(3, tag_names=["crm", "bpo"])
    with CaptureQueriesContext(connection) as cold:
        client.get(TWO_TAGS)
    with CaptureQueriesContext(connection) as warm:
        response = client.get(TWO_TAGS)

    assert len(titles(response)) == 3
    assert any(TAGGINGS in query["sql"] for query in cold)
    assert not [query["sql"] for query in warm if TAGGINGS in query["sql"]]
    assert len(warm) <= len(cold)


def facet_names(response):
    section = re.search(r'<section class="facets".*?</section>', response.text, re.S)
    assert section is not None
    return re.findall(r'<a href="[^"]*">([^<]*) <span class="count">', section[0])


@pytest.mark.django_db
def test_one_address_with_two_readings_keeps_two_counts_and_facets(
    client, aggregate_cache, committed
):
    """`url()` keeps a repeated value once, the form reads the last one: two different lists."""
    with committed():
        alice, bob = AuthorFactory(name="Alice"), AuthorFactory(name="Bob")
        ArticleFactory(title="CRM seul", tag_names=["crm"], authors=[alice])
        ArticleFactory(title="BPO seul", tag_names=["bpo"], authors=[bob])
    bob_last = f"/articles/?author={alice.slug}&author={bob.slug}"
    alice_last = f"{bob_last}&author={alice.slug}"
    client.get(bob_last)  # kept first

    assert (facet_names(client.get(bob_last)), facet_names(client.get(alice_last))) == (
        ["bpo"],
        ["crm"],
    )
