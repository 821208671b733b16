from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, Tag, reading_minutes
from articles.models.provenance import FINGERPRINTED, IMPORT_BOOKKEEPING
from authors.models import Author
from authors.names import name_key
from tests.factories import ArticleFactory, AuthorFactory


def test_name_key_folds_case_accents_and_spacing():
    assert name_key("Manuel JACQUINET") == name_key("  manuel   Jacquinet ")
    assert name_key("François Rouffiac") == name_key("FRANCOIS ROUFFIAC")


def test_name_key_keeps_different_people_apart():
    assert name_key("Anne Martin") != name_key("Anne Martine")


@pytest.mark.django_db
def test_two_spellings_of_a_name_are_one_author():
    first, created_first = Author.objects.get_or_create_by_name("Manuel Jacquinet")
    second, created_second = Author.objects.get_or_create_by_name("Manuel JACQUINET")
    assert (created_first, created_second, second.pk) == (True, False, first.pk)


@pytest.mark.django_db
def test_author_name_key_is_unique_in_the_database():
    Author.objects.create(name="Manuel Jacquinet")
    with pytest.raises(IntegrityError):
        Author.objects.create(name="MANUEL JACQUINET", slug="autre")


@pytest.mark.django_db
def test_article_slug_is_ascii_and_unique():
    first = ArticleFactory(title="Les téléconseillers à l'œuvre")
    second = ArticleFactory(title="Les téléconseillers à l'œuvre")
    assert (first.slug, second.slug) == (
        "les-teleconseillers-a-loeuvre",
        "les-teleconseillers-a-loeuvre-2",
    )


@pytest.mark.django_db
def test_tag_slug_is_ascii():
    tag = Tag.objects.create(name="téléconseillers")
    assert tag.slug == "teleconseillers"


@pytest.mark.django_db
def test_published_hides_drafts_reviews_archived_and_scheduled_articles():
    visible = ArticleFactory()
    undated = ArticleFactory(published_at=None)
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(status=Article.Status.REVIEW)
    ArticleFactory(status=Article.Status.ARCHIVED)
    ArticleFactory(published_at=timezone.now() + timedelta(hours=1))
    assert set(Article.objects.published()) == {visible, undated}


@pytest.mark.django_db
def test_scheduled_article_appears_once_its_date_has_passed():
    article = ArticleFactory(published_at=timezone.now() + timedelta(seconds=30))
    assert not Article.objects.published().filter(pk=article.pk).exists()
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())
    assert Article.objects.published().filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_newest_first_puts_undated_articles_last():
    old = ArticleFactory(published_at=timezone.now() - timedelta(days=300))
    undated = ArticleFactory(published_at=None)
    new = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    assert list(Article.objects.published().newest_first()) == [new, old, undated]


def test_reading_minutes_counts_words_at_230_a_minute():
    assert (reading_minutes(""), reading_minutes("mot " * 231), reading_minutes("a " * 460)) == (
        1,
        2,
        2,
    )


@pytest.mark.django_db
def test_reading_time_is_derived_on_save():
    article = ArticleFactory(body="mot " * 1000)
    assert article.reading_minutes == 5


@pytest.mark.django_db
def test_authors_keep_their_order():
    second, first = AuthorFactory(name="Zoé Bernard"), AuthorFactory(name="Alain Petit")
    article = ArticleFactory(authors=[second, first])
    assert [b.author for b in article.bylines.all()] == [second, first]


@pytest.mark.django_db
def test_content_fingerprint_changes_with_the_body():
    article = ArticleFactory()
    before = article.content_fingerprint()
    article.body += " Modifié."
    assert article.content_fingerprint() != before


def test_the_fingerprint_reads_every_field_an_editor_can_change_but_the_bookkeeping():
    editable = {
        field.name
        for field in Article._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in IMPORT_BOOKKEEPING
    }
    assert sorted(FINGERPRINTED) == sorted(editable)
