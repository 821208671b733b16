"""The page cache never shows a reader stale content, and never caches an editor's pages.

Each test's transaction never commits, so data changes are made inside `committed()`, which
runs their on-commit hooks as a real COMMIT does.
"""

import contextlib
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from articles import caching
from articles.caching import (
    GENERATION_KEY,
    GenerationBump,
    current_generation,
    is_cacheable_request,
    is_cacheable_response,
)
from articles.models import Article, Tag
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    TagFactory,
)

HOME = "/"


@pytest.fixture
def clock(monkeypatch):
    """Move this process's clock forward: the cache's expiry and Django's now() both follow."""

    class Clock:
        offset = 0.0

        def advance(self, seconds):
            self.offset += seconds

    clock = Clock()
    real_time, real_now = time.time, timezone.now
    monkeypatch.setattr(time, "time", lambda: real_time() + clock.offset)
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=clock.offset))
    return clock


def fetch(client, url):
    response = client.get(url)
    return response.get("X-Page-Cache"), response.content.decode()


@pytest.mark.django_db
def test_a_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, page_cache, committed, django_assert_num_queries
):
    with committed():
        ArticleFactory()
    client.get(HOME)
    with django_assert_num_queries(0):
        response = client.get(HOME)
    assert (response.status_code, response["X-Page-Cache"]) == (200, "hit")


@pytest.mark.django_db
def test_publishing_an_article_shows_it_at_once_on_the_home_page_and_the_list(
    client, page_cache, committed
):
    with committed():
        draft = ArticleFactory(title="Le retour du téléconseiller", status=Article.Status.DRAFT)
    client.get(HOME), client.get(reverse("articles:list"))
    with committed():
        draft.status = Article.Status.PUBLISHED
        draft.save()
    pages = [fetch(client, HOME)[1], fetch(client, reverse("articles:list"))[1]]
    assert ["Le retour du téléconseiller" in page for page in pages] == [True, True]


@pytest.mark.django_db
def test_editing_a_title_shows_at_once_on_the_article_page(client, page_cache, committed):
    with committed():
        article = ArticleFactory(title="Ancien titre")
    client.get(article.get_absolute_url())
    with committed():
        article.title = "Nouveau titre"
        article.save()
    assert "Nouveau titre" in fetch(client, article.get_absolute_url())[1]


@pytest.mark.django_db
def test_unpublishing_an_article_removes_it_at_once(client, page_cache, committed):
    with committed():
        article = ArticleFactory(title="Bientôt retiré")
    client.get(HOME)
    with committed():
        article.status = Article.Status.DRAFT
        article.save()
    assert "Bientôt retiré" not in fetch(client, HOME)[1]


@pytest.mark.django_db
def test_tagging_an_article_shows_it_at_once_on_the_tag_page(client, page_cache, committed):
    with committed():
        article = ArticleFactory(title="Le SVI vocal")
        tag = TagFactory(name="serveur vocal")
    client.get(tag.get_absolute_url())
    with committed():
        article.tags.add(tag)
    assert "Le SVI vocal" in fetch(client, tag.get_absolute_url())[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: ArticleFactory(), id="article"),
        pytest.param(lambda: AuthorFactory(), id="author"),
        pytest.param(lambda: IssueFactory(), id="issue"),
        pytest.param(lambda: SectionFactory(), id="section"),
        pytest.param(lambda: TagFactory(), id="tag"),
        pytest.param(lambda: ArticleFactory(authors=[AuthorFactory()]), id="byline"),
        pytest.param(lambda: ArticleFactory().tags.add("omnicanal"), id="tagged-article"),
        pytest.param(lambda: ArticleFactory().delete(), id="deleted-article"),
        pytest.param(lambda: Tag.objects.create(name="x", slug="x").delete(), id="deleted-tag"),
    ],
)
def test_any_change_a_public_page_shows_starts_a_new_generation(page_cache, committed, change):
    before = current_generation()
    with committed():
        change()
    assert current_generation() != before


@pytest.mark.django_db
def test_a_back_office_bulk_update_without_signals_shows_at_once(page_cache, rf, committed, editor):
    with committed():
        article = ArticleFactory(status=Article.Status.DRAFT)

    def bulk_publish(request):
        request.user = editor  # as the authentication middleware does
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
        return HttpResponse(status=302)

    before = current_generation()
    with committed():
        caching.PageCacheMiddleware(bulk_publish)(rf.post("/admin/articles/article/"))
    assert current_generation() != before


@pytest.mark.django_db
def test_a_rolled_back_change_keeps_the_cached_pages(page_cache, committed):
    before = current_generation()
    with committed(), contextlib.suppress(RuntimeError), transaction.atomic():
        ArticleFactory()
        raise RuntimeError
    assert current_generation() == before


@pytest.mark.django_db
def test_a_transaction_of_many_changes_bumps_the_generation_once(
    page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        ArticleFactory(authors=[AuthorFactory(), AuthorFactory()], tag_names=["crm", "bpo"])
        ArticleFactory(tag_names=["crm"])
    assert sum(isinstance(callback, GenerationBump) for callback in callbacks) == 1


@pytest.mark.django_db
def test_a_scheduled_article_appears_on_time_although_the_page_was_cached(
    client, page_cache, committed, clock
):
    with committed():
        ArticleFactory(title="Déjà en ligne")
        ArticleFactory(title="Programmé", published_at=timezone.now() + timedelta(minutes=10))
    before = fetch(client, HOME)[1]
    clock.advance(10 * 60 + 1)
    after = fetch(client, HOME)[1]
    assert ("Programmé" in before, "Programmé" in after) == (False, True)


@pytest.mark.django_db
def test_a_page_is_kept_for_page_cache_seconds_when_nothing_is_scheduled(
    client, page_cache, committed, clock
):
    with committed():
        ArticleFactory()
    client.get(HOME)
    clock.advance(3600 - 5)
    assert fetch(client, HOME)[0] == "hit"


@pytest.mark.django_db
def test_a_logged_in_editor_is_never_served_nor_stores_a_cached_page(
    client, page_cache, committed, editor
):
    with committed():
        ArticleFactory()
    client.get(HOME)
    client.force_login(editor)
    response = client.get(HOME)
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "editor"])
def test_admin_pages_are_never_cached(client, page_cache, editor, logged_in):
    if logged_in:
        client.force_login(editor)
    url = reverse("admin:index") if logged_in else reverse("admin:login")
    responses = [client.get(url), client.get(url)]
    assert ["X-Page-Cache" in response for response in responses] == [False, False]


@pytest.mark.django_db
def test_pages_are_computed_afresh_when_the_page_cache_is_off(client, page_cache, settings):
    settings.PAGE_CACHE = False
    client.get(HOME)
    assert "X-Page-Cache" not in client.get(HOME)


@pytest.mark.django_db
def test_a_lost_generation_never_revives_old_pages(client, page_cache, committed):
    with committed():
        ArticleFactory()
    client.get(HOME)
    cache.delete(GENERATION_KEY)
    assert fetch(client, HOME)[0] == "miss"


@pytest.mark.django_db
def test_a_cache_outage_serves_pages_uncached(client, page_cache, monkeypatch):
    class BrokenCache:
        def get(self, *args, **kwargs):
            raise ConnectionError("Redis est injoignable")

    monkeypatch.setattr(caching, "cache", BrokenCache())
    response = client.get(HOME)
    assert (response.status_code, "X-Page-Cache" in response) == (200, False)


def cookie_response():
    response = HttpResponse("x")
    response.set_cookie("csrftoken", "abc")
    return response


def never_cached_response():
    response = HttpResponse("x")
    add_never_cache_headers(response)
    return response


def language_response():
    response = HttpResponse("x")
    patch_vary_headers(response, ["Accept-Language"])
    return response


@pytest.mark.parametrize(
    "make_response",
    [
        pytest.param(cookie_response, id="sets-a-cookie"),
        pytest.param(never_cached_response, id="never-cache"),
        pytest.param(language_response, id="varies-on-language"),
        pytest.param(lambda: HttpResponse("x", status=404), id="not-found"),
    ],
)
def test_responses_that_could_differ_between_readers_are_not_stored(make_response):
    assert is_cacheable_response(make_response()) is False


def test_a_page_varying_only_on_the_cookie_header_is_stored():
    response = HttpResponse("x")
    patch_vary_headers(response, ["Cookie"])
    assert is_cacheable_response(response) is True


@pytest.mark.parametrize(
    "make_request",
    [
        pytest.param(lambda rf: rf.post(HOME), id="post"),
        pytest.param(lambda rf: rf.head(HOME), id="head"),
        pytest.param(lambda rf: rf.get(HOME, HTTP_COOKIE="sessionid=abc"), id="session"),
        pytest.param(lambda rf: rf.get(HOME, HTTP_AUTHORIZATION="Basic eA=="), id="auth"),
        pytest.param(lambda rf: rf.get("/admin/articles/article/"), id="admin"),
    ],
)
def test_only_anonymous_get_requests_for_public_pages_use_the_cache(page_cache, make_request):
    assert is_cacheable_request(make_request(RequestFactory())) is False


def test_an_import_bumps_the_generation_at_most_every_few_seconds_and_once_at_the_end(db):
    before = current_generation()
    with caching.bumps_at_most_every(3600):
        caching.content_changed()
        caching.bump_if_due()  # not due yet: readers keep their caches
        caching.content_changed()
        during = current_generation()
    assert (during, current_generation()) == (before, before + 1)


def test_the_import_command_defers_bumps_until_the_end(db, tmp_path):
    from django.core.management import call_command

    (tmp_path / "a.txt").write_text(
        "Un titre\n\n" + "Une phrase de prose assez longue pour faire un vrai paragraphe. " * 3
    )
    before = current_generation()
    call_command("import_corpus", str(tmp_path), "--report", str(tmp_path / "r.json"))
    assert current_generation() == before + 1
