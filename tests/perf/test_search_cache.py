"""A search's results are kept until the content changes, per query and page, never stale.

As in test_aggregate_cache.py, each test's transaction never commits, so data changes are made
inside `committed()`, which runs their on-commit hooks (the cache's new generation) as a real
COMMIT does. Run on both databases.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory

SEARCH = "/recherche/?q=telephonie"


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def titles(response):
    return [article.title for article in response.context["articles"]]


@pytest.fixture
def articles(db, committed):
    with committed():
        ArticleFactory(title="La téléphonie sur IP", body="Téléphonie.", tag_names=["voip"])
        ArticleFactory(title="Téléconseillers", body="La téléphonie à Lille.", tag_names=["rh"])
        ArticleFactory(title="Offshore au Maroc", body="Casablanca.", tag_names=["offshore"])


@pytest.mark.django_db
def test_a_repeated_search_reads_its_page_and_only_its_rows(client, aggregate_cache, articles):
    client.get(SEARCH)

    # The page's rows, by id: count, facets, matches, excerpts and cards come from the cache.
    assert queries(client, SEARCH) == 1


@pytest.mark.django_db
def test_a_kept_search_page_is_the_page_computed(client, aggregate_cache, articles):
    computed = client.get(SEARCH).text

    assert client.get(SEARCH).text == computed


@pytest.mark.django_db
def test_a_search_typed_with_other_spaces_is_read_from_the_cache(client, aggregate_cache, articles):
    client.get(SEARCH)

    assert queries(client, "/recherche/?q=+telephonie++") == 1


@pytest.mark.django_db
def test_an_edited_article_shows_in_a_kept_search_at_once(
    client, aggregate_cache, articles, committed
):
    client.get(SEARCH)
    with committed():
        ArticleFactory(title="Téléphonie et IA", body="La téléphonie change.")

    assert "Téléphonie et IA" in titles(client.get(SEARCH))


@pytest.mark.django_db
def test_an_article_no_longer_matching_leaves_a_kept_search_at_once(
    client, aggregate_cache, articles, committed
):
    from articles.models import Article

    client.get(SEARCH)
    with committed():
        article = Article.objects.get(title="Téléconseillers")
        article.body = "Le recrutement à Lille."
        article.save()

    assert titles(client.get(SEARCH)) == ["La téléphonie sur IP"]


@pytest.mark.django_db
def test_different_words_never_share_a_kept_search(client, aggregate_cache, articles):
    client.get(SEARCH)

    assert titles(client.get("/recherche/?q=casablanca")) == ["Offshore au Maroc"]


@pytest.mark.django_db
def test_a_tag_narrowing_a_search_is_not_the_kept_search_without_it(
    client, aggregate_cache, articles
):
    client.get(SEARCH)

    assert titles(client.get(f"{SEARCH}&tag=rh")) == ["Téléconseillers"]


@pytest.mark.django_db
def test_pages_of_a_search_never_share_a_kept_page(client, aggregate_cache, committed):
    with committed():
        for number in range(25):
            ArticleFactory(title=f"Téléphonie {number:02}", body="Téléphonie.")
    first = titles(client.get(SEARCH))

    second = titles(client.get(f"{SEARCH}&page=2"))

    assert (len(first), len(second), set(first) & set(second)) == (20, 5, set())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "status"),
    [
        ("/recherche/?q=le+la+de+du", 200),
        ("/recherche/?q=%27+%22+%26+%7C+%21+%28+%29+%3A+%2A+-", 200),
        ("/recherche/?q=-telephonie", 200),
        (f"/recherche/?q={'m' * 5000}", 200),
        ("/recherche/?q=telephonie&page=abc", 404),
        ("/recherche/?q=telephonie&page=9", 404),
        ("/recherche/?q=telephonie&tag=inconnu", 404),
    ],
)
def test_a_bad_search_never_fails_twice_with_the_cache(
    client, aggregate_cache, articles, address, status
):
    answers = [client.get(address).status_code for _ in range(2)]

    assert answers == [status, status]
