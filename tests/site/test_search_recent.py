"""PostgreSQL: a search's RANKED most recent matches, looked for among the newest articles in
growing windows, then in the whole archive (articles.search.recent_matches)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles import search
from articles.models import Article
from tests.factories import ArticleFactory

NEARSHORE = "Le nearshore tunisien."


@pytest.fixture
def small_windows(monkeypatch):
    monkeypatch.setattr(search, "RANKED", 2)
    monkeypatch.setattr(search, "FIRST_WINDOW", 1)
    monkeypatch.setattr(search, "WINDOW_GROWTH", 2)


def article(title, published_at, text="Un autre sujet."):
    return ArticleFactory(title=title, standfirst=text, body=text, published_at=published_at)


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def recent_matches(words):
    return search.recent_matches(Article.objects.published(), search.postgres_query(words))


def titles(ids):
    by_id = dict(Article.objects.filter(pk__in=ids).values_list("pk", "title"))
    return [by_id[pk] for pk in ids]


def test_a_window_short_of_matches_grows_until_it_holds_enough(
    postgres_only, small_windows, django_assert_num_queries
):
    article("Sans rapport", days_ago(1))
    for days in (2, 3, 4):
        article(f"Nearshore {days}", days_ago(days), NEARSHORE)
    article("Ancien", days_ago(10))
    article("Plus ancien", days_ago(11))

    # the archive's size, then windows of 1, 2 and 4 articles: 0, 1, then 3 matches
    with django_assert_num_queries(4):
        found = recent_matches("nearshore")

    assert titles(found) == ["Nearshore 2", "Nearshore 3"]


def test_a_window_takes_every_article_of_its_last_date(
    postgres_only, small_windows, django_assert_num_queries
):
    same_day = days_ago(1)
    for letter in "ABC":
        article(f"Nearshore {letter}", same_day, NEARSHORE)
    article("Ancien", days_ago(5))

    # the window of the newest article reaches back to its date: the three are in it
    with django_assert_num_queries(2):
        found = recent_matches("nearshore")

    assert titles(found) == ["Nearshore C", "Nearshore B"]


def test_undated_matches_come_after_dated_ones_from_the_whole_archive(postgres_only, small_windows):
    article("Nearshore sans date", None, NEARSHORE)
    article("Nearshore daté", days_ago(3), NEARSHORE)
    for days in (1, 2):
        article(f"Sans rapport {days}", days_ago(days))

    assert titles(recent_matches("nearshore")) == ["Nearshore daté", "Nearshore sans date"]


def test_a_search_repeated_on_a_connection_is_planned_with_its_words_each_time(postgres_only):
    article("Nearshore", days_ago(1), NEARSHORE)

    for _run in range(6):
        recent_matches("nearshore")
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]

    # psycopg prepares statements run five times (encontact.settings), not the search's
    assert (
        [statement for statement in prepared if "@@" in statement],
        any("articles_archivecount" in statement for statement in prepared),
    ) == ([], True)
