"""Migration 0010: the plain bodies written before Markdown become escaped Markdown."""

import importlib

import pytest
from django.apps import apps

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("articles.migrations.0010_markdown_bodies")

PLAIN = "1. Premier point\n\n*Selon nos sources."


def plain_article(**fields):
    """An article as it was before Markdown: plain body, no HTML."""
    article = ArticleFactory(**fields)
    Article.objects.filter(pk=article.pk).update(body=PLAIN, body_html="")
    article.refresh_from_db()
    return article


def test_plain_bodies_become_markdown_that_shows_them_as_they_were():
    article = plain_article(kind=Article.Kind.EDITO)

    migration.to_markdown(apps, None)
    article.refresh_from_db()

    assert (article.body, article.body_html) == (
        "1\\. Premier point\n\n\\*Selon nos sources.",
        '<p>1. Premier point</p>\n<p class="note">*Selon nos sources.</p>\n',
    )


def test_an_article_unchanged_since_import_stays_unchanged_and_an_edited_one_edited():
    untouched, edited = plain_article(), plain_article()
    # The fingerprint as this migration knew it (frozen there: the model's may change later).
    Article.objects.filter(pk=untouched.pk).update(
        import_fingerprint=migration.fingerprint(untouched)
    )
    Article.objects.filter(pk=edited.pk).update(import_fingerprint="edited by the newsroom")

    migration.to_markdown(apps, None)
    untouched.refresh_from_db()
    edited.refresh_from_db()

    assert (
        untouched.import_fingerprint == migration.fingerprint(untouched),
        edited.import_fingerprint,
    ) == (True, "edited by the newsroom")


def test_revisions_become_markdown_too():
    article = plain_article()
    article.history.update(body=PLAIN)

    migration.to_markdown(apps, None)

    assert set(article.history.values_list("body", flat=True)) == {
        "1\\. Premier point\n\n\\*Selon nos sources."
    }
