"""The lists' counts and tag facets are kept until the content changes, and never shown stale.

As in test_page_cache.py, each test's transaction never commits, so data changes are made
inside `committed()`, which runs their on-commit hooks as a real COMMIT does.
"""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models.signals import post_init
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import counters
from articles.caching import content_changed
from articles.models import Article, Tag
from authors.models import Author
from tests.factories import ArticleFactory, IssueFactory, SectionFactory

LIST = "/articles/"


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def counts(response):
    return response.context["paginator"].count, {
        tag.name: tag.count for tag in response.context["facets"]
    }


@pytest.mark.django_db
def test_a_list_counts_its_articles_and_tags_once_per_change(client, aggregate_cache, committed):
    with committed():
        ArticleFactory.create_batch(3, tag_names=["crm", "bpo"])
    first = queries(client, LIST)

    # The count, the facets, the sections, the next scheduled publication and the cards with
    # their bylines and tags come from the cache; the page's rows do not.
    assert (first, queries(client, LIST)) == (first, first - 6)


@pytest.mark.django_db
def test_a_new_article_shows_in_the_counts_at_once(client, aggregate_cache, committed):
    with committed():
        ArticleFactory(tag_names=["crm"])
    client.get(LIST)
    with committed():
        ArticleFactory(tag_names=["crm", "offshore"])

    assert counts(client.get(LIST)) == (2, {"crm": 2, "offshore": 1})


@pytest.mark.django_db
def test_a_scheduled_article_shows_in_the_counts_on_time(
    client, aggregate_cache, committed, monkeypatch
):
    with committed():
        ArticleFactory(tag_names=["crm"])
        ArticleFactory(tag_names=["crm"], published_at=timezone.now() + timedelta(minutes=10))
    before = counts(client.get(LIST))
    real_time, real_now = time.time, timezone.now
    monkeypatch.setattr(time, "time", lambda: real_time() + 601)
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=601))

    assert (before, counts(client.get(LIST))) == ((1, {"crm": 1}), (2, {"crm": 2}))


@pytest.mark.django_db
def test_without_the_aggregate_cache_every_request_counts(client, settings, committed):
    settings.AGGREGATE_CACHE = False
    with committed():
        ArticleFactory(tag_names=["crm"])

    assert queries(client, LIST) == queries(client, LIST)


@pytest.mark.django_db
def test_a_request_reads_the_content_generation_once(client, aggregate_cache, monkeypatch):
    """A list reads the generation once, then its count, facets and sections in one request
    to the cache and its cards in another."""
    from articles.caching import GENERATION_KEY

    ArticleFactory.create_batch(3, tag_names=["crm", "bpo"])
    client.get(LIST)
    reads, many = [], []
    real_get, real_get_many = cache.get, cache.get_many
    monkeypatch.setattr(
        cache, "get", lambda key, *a, **k: reads.append(key) or real_get(key, *a, **k)
    )
    monkeypatch.setattr(
        cache, "get_many", lambda keys, *a, **k: many.append(keys) or real_get_many(keys, *a, **k)
    )

    client.get(LIST)

    # (the local-memory cache reads get_many's keys one by one: Redis in one round trip)
    single = [key for key in reads if key not in {k for keys in many for k in keys}]
    assert (single, [len(keys) for keys in many]) == ([GENERATION_KEY], [3, 3])


@pytest.mark.django_db
def test_a_kept_card_shows_a_renamed_tag_and_an_edited_title_at_once(
    client, aggregate_cache, committed
):
    with committed():
        article = ArticleFactory(title="Avant", tag_names=["crm"])
    client.get(LIST)
    with committed():
        Tag.objects.filter(name="crm").update(name="CRM et données")
        content_changed()  # a bulk update sends no signal: its writer says so
        article.title = "Après"
        article.save()

    card = client.get(LIST).context["articles"][0].card

    assert ("CRM et données" in card, "Après" in card, "Avant" in card) == (True, True, False)


@pytest.mark.django_db
def test_cards_are_the_same_kept_or_rendered(client, settings, aggregate_cache, committed):
    with committed():
        ArticleFactory.create_batch(3, tag_names=["crm", "bpo"])
    kept = [client.get(LIST).text for _ in range(2)]
    settings.AGGREGATE_CACHE = False

    assert kept == [client.get(LIST).text] * 2


@pytest.mark.django_db
def test_an_article_page_keeps_its_related_articles_until_the_content_changes(
    client, aggregate_cache, committed
):
    with committed():
        article = ArticleFactory(tag_names=["crm"])
    url = article.get_absolute_url()
    client.get(url)
    kept = queries(client, url)
    with committed():
        ArticleFactory(title="Voisin", tag_names=["crm"])

    related = [other.title for other in client.get(url).context["related"]]

    # the article; its authors, tags, related articles and the issue's neighbours kept
    assert (kept, related) == (1, ["Voisin"])


@pytest.mark.django_db
def test_an_article_page_shows_a_new_tag_and_author_at_once(client, aggregate_cache, committed):
    with committed():
        article = ArticleFactory(tag_names=["crm"])
    url = article.get_absolute_url()
    client.get(url)
    with committed():
        article.tags.add("offshore")
        article.bylines.create(author=Author.objects.create(name="Nadia Bensaïd"), position=9)

    text = client.get(url).text

    assert ("offshore</a></li>" in text, "Nadia Bensaïd</a>" in text) == (True, True)


@pytest.mark.django_db
def test_the_home_page_keeps_the_current_issue_until_the_content_changes(
    client, aggregate_cache, committed
):
    with committed():
        issue = IssueFactory(number=90)
        ArticleFactory(title="Premier", issue=issue, issue_position=1)
    client.get("/")
    kept = queries(client, "/")
    with committed():
        ArticleFactory(title="Second", issue=issue, issue_position=2)

    text = client.get("/").text

    # latest articles · editorial; the issue's box, its cards and the top tags kept
    assert (kept, "Premier" in text, "Second</a></li>" in text) == (2, True, True)


@pytest.mark.django_db
def test_a_list_filtered_by_two_tags_looks_its_tags_up_once_per_change(
    client, aggregate_cache, committed
):
    with committed():
        ArticleFactory.create_batch(3, tag_names=["crm", "bpo"])
    url = f"{LIST}?tag=crm&tag=bpo"
    client.get(url)

    # the page's rows: its tags, count, facets and cards kept
    assert queries(client, url) == 1


@pytest.mark.django_db
def test_a_tag_filter_refuses_a_tag_at_once_when_its_last_article_goes(
    client, aggregate_cache, committed
):
    with committed():
        article = ArticleFactory(tag_names=["crm"])
        ArticleFactory(tag_names=["bpo"])
    before = client.get(f"{LIST}?tag=crm").status_code
    with committed():
        article.delete()

    assert (before, client.get(f"{LIST}?tag=crm").status_code) == (200, 404)


@pytest.mark.django_db
def test_the_whole_archive_s_facets_never_say_they_are_sampled(
    client, aggregate_cache, committed, monkeypatch
):
    monkeypatch.setattr(counters, "FACET_SAMPLE", 2)
    with committed():
        ArticleFactory.create_batch(3, tag_names=["crm"])

    # computed, then read from the cache: the whole archive's counts, not a sample
    assert [client.get(LIST).context["facets_sampled"] for _ in range(2)] == [False, False]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?tag=", "?tag=&q="])
def test_a_list_without_tags_compiles_only_the_queries_it_runs(
    client, aggregate_cache, committed, monkeypatch, query
):
    with committed():
        ArticleFactory.create_batch(3, tag_names=["crm"])
    client.get(LIST + query)
    compiled = []
    execute_sql = SQLCompiler.execute_sql
    monkeypatch.setattr(
        SQLCompiler,
        "execute_sql",
        lambda self, *a, **kw: compiled.append(1) or execute_sql(self, *a, **kw),
    )

    run = queries(client, LIST + query)

    # An empty tag filter once compiled a query at every request, only to find it empty.
    assert (run, len(compiled)) == (1, 1)


@pytest.mark.django_db
def test_an_article_page_renders_its_content_once_per_change_and_the_same(
    client, settings, aggregate_cache, committed
):
    with committed():
        article = ArticleFactory(tag_names=["crm"], issue=IssueFactory())
        ArticleFactory(title="Voisin", tag_names=["crm"], issue=article.issue)
    url = article.get_absolute_url()
    client.get(url)
    kept = client.get(url)
    settings.AGGREGATE_CACHE = False
    rendered = client.get(url)

    assert (
        kept.text,
        [t.name for t in kept.templates if t.name == "articles/article_content.html"],
    ) == (rendered.text, [])


@pytest.mark.django_db
def test_a_list_whose_cards_are_kept_builds_no_article(client, aggregate_cache, committed):
    with committed():
        ArticleFactory.create_batch(3, tag_names=["crm"], section=SectionFactory())
    client.get(LIST)
    built = []

    def count(sender, instance, **kwargs):
        built.append(instance)

    post_init.connect(count, sender=Article)
    try:
        response = client.get(LIST)
    finally:
        post_init.disconnect(count, sender=Article)

    assert (built, len(response.context["articles"])) == ([], 3)
