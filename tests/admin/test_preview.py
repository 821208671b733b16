"""The editor-only preview the change form links to."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_editor_previews_a_draft(editor_client):
    article = ArticleFactory(title="Brouillon en cours", status=Article.Status.DRAFT)
    response = editor_client.get(reverse("articles:preview", args=[article.pk]))
    assert (response.status_code, "Brouillon en cours" in response.text) == (200, True)


def test_anonymous_reader_gets_404_for_a_draft_preview(client):
    article = ArticleFactory(status=Article.Status.DRAFT)
    response = client.get(reverse("articles:preview", args=[article.pk]))
    assert response.status_code == 404
