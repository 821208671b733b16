"""Revisions: every change is kept, can be compared and restored (django-simple-history)."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin.helpers import article_form_data, change_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

Status = Article.Status


def revert_url(article, record):
    return reverse("admin:articles_article_simple_history", args=[article.pk, record.history_id])


@pytest.fixture
def edited_article(editor_client):
    article = ArticleFactory(title="Le titre initial", status=Status.DRAFT)
    editor_client.post(change_url(article), article_form_data(article, title="Un titre raté"))
    article.refresh_from_db()
    return article


def test_an_admin_edit_is_kept_as_a_revision_with_its_author(edited_article, editor):
    latest = edited_article.history.latest()
    assert (latest.title, latest.history_user, edited_article.history.count()) == (
        "Un titre raté",
        editor,
        2,
    )


def test_history_page_shows_what_changed(editor_client, edited_article):
    response = editor_client.get(
        reverse("admin:articles_article_history", args=[edited_article.pk])
    )
    assert ("Le titre initial" in response.text, "Un titre raté" in response.text) == (
        True,
        True,
    )


def test_editor_restores_an_earlier_revision(editor_client, edited_article):
    original = edited_article.history.earliest()
    editor_client.post(revert_url(edited_article, original), article_form_data(original.instance))
    edited_article.refresh_from_db()
    assert (edited_article.title, edited_article.history.count()) == ("Le titre initial", 3)


def test_contributor_cannot_restore_a_published_article(contributor_client, editor_client):
    article = ArticleFactory(title="En ligne", status=Status.PUBLISHED)
    editor_client.post(change_url(article), article_form_data(article, title="Corrigé"))
    original = article.history.earliest()
    response = contributor_client.post(
        revert_url(article, original), article_form_data(original.instance)
    )
    article.refresh_from_db()
    assert (response.status_code, article.title) == (403, "Corrigé")


def test_contributor_cannot_restore_a_published_revision_onto_a_draft(
    contributor_client, editor_client
):
    article = ArticleFactory(status=Status.PUBLISHED)
    editor_client.post(change_url(article), article_form_data(article, status=Status.DRAFT))
    published = article.history.earliest()
    contributor_client.post(revert_url(article, published), article_form_data(published.instance))
    article.refresh_from_db()
    assert article.status == Status.DRAFT
