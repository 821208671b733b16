"""The article list with the aggregate cache on: its rows kept until the content changes.

As in tests/perf/test_aggregate_cache.py, changes are made inside `committed()`, which runs
their on-commit hooks (the cache's new generation) as a real COMMIT does.
"""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.admin.helpers import CHANGELIST, change_url
from tests.factories import ArticleFactory, AuthorFactory

pytestmark = pytest.mark.django_db

# Session, user, permissions (user's, groups'), the sections filter's choices and the page's
# ids: the rows (their articles, authors and tags), the count, the other filters' choices and
# the date hierarchy are kept.
KEPT_CHANGELIST_QUERIES = 6


def rows(response):
    """The list's rows as HTML (the page around them holds a new CSRF token each time)."""
    return response.text.split("<tbody>")[1].split("</tbody>")[0]


def test_changelist_with_its_rows_kept_runs_a_fixed_number_of_queries(
    editor_client, aggregate_cache, committed, django_assert_num_queries
):
    with committed():
        ArticleFactory.create_batch(60, authors=[AuthorFactory()], tag_names=["crm", "bpo"])
        ArticleFactory(published_at=timezone.now() - timedelta(days=800))  # years to list
    editor_client.get(reverse(CHANGELIST))

    with django_assert_num_queries(KEPT_CHANGELIST_QUERIES):
        response = editor_client.get(reverse(CHANGELIST))

    assert len(response.context["cl"].result_list) == 50


def test_kept_rows_read_only_their_articles_ids(editor_client, aggregate_cache, committed):
    with committed():
        ArticleFactory.create_batch(3)
    editor_client.get(reverse(CHANGELIST))

    with CaptureQueriesContext(connection) as queries:
        editor_client.get(reverse(CHANGELIST))

    assert [q["sql"] for q in queries if '"articles_article"."title"' in q["sql"]] == []


def test_kept_rows_are_the_rows_django_renders(editor_client, aggregate_cache, committed):
    with committed():
        ArticleFactory(title="Le BPO au Maroc", authors=[AuthorFactory(name="Manuel Jacquinet")])
        ArticleFactory(title="Demain", published_at=timezone.now() + timedelta(days=1))
    fresh = rows(editor_client.get(reverse(CHANGELIST)))

    assert rows(editor_client.get(reverse(CHANGELIST))) == fresh


def test_kept_counts_and_dates_are_each_list_s_own(editor_client, aggregate_cache, committed):
    with committed():
        ArticleFactory(status=Article.Status.DRAFT, published_at=None)
        ArticleFactory(published_at=timezone.now() - timedelta(days=800))
        ArticleFactory()
    editor_client.get(reverse(CHANGELIST))

    def seen(query):
        response = editor_client.get(reverse(CHANGELIST), query)
        years = [choice["title"] for choice in response.context["choices"]]
        return response.context["cl"].result_count, len(years)

    assert (seen({}), seen({"statut": "draft"}), seen({})) == ((3, 2), (1, 0), (3, 2))


def test_an_article_of_a_new_year_shows_in_the_kept_dates_at_once(
    editor_client, aggregate_cache, committed
):
    with committed():
        ArticleFactory(published_at=timezone.now() - timedelta(days=800))
        ArticleFactory()
    editor_client.get(reverse(CHANGELIST))
    with committed():
        ArticleFactory(published_at=timezone.now() - timedelta(days=2000))

    response = editor_client.get(reverse(CHANGELIST))

    assert (response.context["cl"].result_count, len(response.context["choices"])) == (3, 3)


def test_a_renamed_author_shows_in_the_kept_rows_at_once(editor_client, aggregate_cache, committed):
    with committed():
        author = AuthorFactory(name="Manuel Jacquinet")
        ArticleFactory(authors=[author])
    editor_client.get(reverse(CHANGELIST))
    with committed():
        author.name = "Manuel J. Jacquinet"
        author.save()

    assert "Manuel J. Jacquinet" in editor_client.get(reverse(CHANGELIST)).text


def test_a_bulk_action_shows_in_the_kept_rows_at_once(editor_client, aggregate_cache, committed):
    with committed():
        article = ArticleFactory(status=Article.Status.DRAFT)
    editor_client.get(reverse(CHANGELIST))
    editor_client.post(reverse(CHANGELIST), {"action": "archive", "_selected_action": [article.pk]})

    assert "Archivé" in editor_client.get(reverse(CHANGELIST)).text


def test_kept_rows_link_to_the_article_with_the_list_filters(
    editor_client, aggregate_cache, committed
):
    with committed():
        article = ArticleFactory(status=Article.Status.DRAFT)
    editor_client.get(reverse(CHANGELIST))

    response = editor_client.get(reverse(CHANGELIST), {"statut": "draft"})

    assert f"{change_url(article)}?_changelist_filters=statut%3Ddraft" in response.text


def test_a_kept_scheduled_article_shows_as_published_once_its_time_has_come(
    editor_client, aggregate_cache, committed, monkeypatch
):
    with committed():
        ArticleFactory(published_at=timezone.now() + timedelta(minutes=10))
    before = "Programmé (" in rows(editor_client.get(reverse(CHANGELIST)))
    real_time, real_now = time.time, timezone.now
    monkeypatch.setattr(time, "time", lambda: real_time() + 601)
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=601))

    after = rows(editor_client.get(reverse(CHANGELIST)))

    assert (before, "Programmé (" in after, "Publié" in after) == (True, False, True)
