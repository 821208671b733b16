"""Merging duplicate authors and tags, renaming tags, and deletes that would lose content."""

import pytest
from django.urls import reverse

from articles.models import ArticleAuthor, Tag, TaggedArticle
from authors.models import Author
from tests.admin.helpers import apply_action, run_action
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

AUTHORS = "admin:authors_author_changelist"
TAGS = "admin:articles_tag_changelist"


def test_author_merge_first_asks_which_author_to_keep(editor_client):
    authors = [AuthorFactory(name="J. Dupont"), AuthorFactory(name="Jean Dupont")]
    response = run_action(editor_client, "merge", authors, url=AUTHORS)
    assert (response.status_code, "Jean Dupont (0 article)" in response.text) == (200, True)


def test_author_merge_moves_every_article_to_the_author_kept(editor_client):
    kept, duplicate = AuthorFactory(name="Jean Dupont"), AuthorFactory(name="J. Dupont")
    ArticleFactory(authors=[duplicate])
    ArticleFactory(authors=[duplicate, AuthorFactory()])
    apply_action(editor_client, "merge", [kept, duplicate], url=AUTHORS, target=kept.pk)
    assert (
        Author.objects.filter(pk=duplicate.pk).exists(),
        ArticleAuthor.objects.filter(author=kept).count(),
    ) == (False, 2)


def test_author_merge_keeps_one_byline_when_both_signed_the_article(editor_client):
    kept, duplicate = AuthorFactory(name="Jean Dupont"), AuthorFactory(name="J. Dupont")
    article = ArticleFactory(authors=[duplicate, kept])
    apply_action(editor_client, "merge", [kept, duplicate], url=AUTHORS, target=kept.pk)
    assert list(article.bylines.values_list("author__name", "position")) == [("Jean Dupont", 0)]


def test_author_merge_keeps_one_byline_when_two_duplicates_signed_the_article(editor_client):
    kept = AuthorFactory(name="Jean Dupont")
    first, second = AuthorFactory(name="J. Dupont"), AuthorFactory(name="Jean Dupond")
    article = ArticleFactory(authors=[first, second])
    apply_action(editor_client, "merge", [kept, first, second], url=AUTHORS, target=kept.pk)
    assert list(article.bylines.values_list("author__name", flat=True)) == ["Jean Dupont"]


def test_author_merge_completes_the_profile_kept(editor_client):
    kept = AuthorFactory(name="Jean Dupont", role="", handle="")
    duplicate = AuthorFactory(name="J. Dupont", role="Rédacteur en chef", handle="@jdupont")
    apply_action(editor_client, "merge", [kept, duplicate], url=AUTHORS, target=kept.pk)
    kept.refresh_from_db()
    assert (kept.role, kept.handle) == ("Rédacteur en chef", "@jdupont")


def test_contributor_cannot_merge_authors(contributor_client):
    authors = [AuthorFactory(), AuthorFactory()]
    apply_action(contributor_client, "merge", authors, url=AUTHORS, target=authors[0].pk)
    assert Author.objects.count() == 2


def test_tag_merge_moves_articles_and_deletes_the_duplicates(editor_client):
    kept, duplicate = TagFactory(name="centre d'appels"), TagFactory(name="centres d'appels")
    both = ArticleFactory(tag_names=["centre d'appels", "centres d'appels"])
    only_duplicate = ArticleFactory(tag_names=["centres d'appels"])
    apply_action(editor_client, "merge", [kept, duplicate], url=TAGS, target=kept.pk)
    assert (
        Tag.objects.filter(pk=duplicate.pk).exists(),
        list(both.tags.names()),
        list(only_duplicate.tags.names()),
    ) == (False, ["centre d'appels"], ["centre d'appels"])


def test_tag_merge_confirms_a_suggestion_confirmed_under_the_other_name(editor_client):
    kept, duplicate = TagFactory(name="crm"), TagFactory(name="CRM social")
    article = ArticleFactory(tag_names=["CRM social"])
    TaggedArticle.objects.create(content_object=article, tag=kept, suggested=True)
    apply_action(editor_client, "merge", [kept, duplicate], url=TAGS, target=kept.pk)
    assert list(article.taggedarticle_set.values_list("tag__name", "suggested")) == [("crm", False)]


def test_merge_needs_two_rows(editor_client):
    response = run_action(editor_client, "merge", [TagFactory()], url=TAGS, follow=True)
    assert "Sélectionnez de 2 à" in response.text


def test_tag_rename_keeps_the_slug_unless_asked(editor_client):
    tag = TagFactory(name="teleconseillers")
    url = reverse("admin:articles_tag_change", args=[tag.pk])
    editor_client.post(url, {"name": "téléconseillers", "slug": tag.slug})
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("téléconseillers", "teleconseillers")


def test_tag_rename_recomputes_the_slug_when_asked(editor_client):
    tag = TagFactory(name="relation clients")
    url = reverse("admin:articles_tag_change", args=[tag.pk])
    editor_client.post(url, {"name": "Relation client", "slug": tag.slug, "regenerate_slug": "on"})
    tag.refresh_from_db()
    assert tag.slug == "relation-client"


def test_tag_rename_to_an_existing_name_points_to_merge(editor_client):
    TagFactory(name="bpo")
    tag = TagFactory(name="BPO offshore")
    url = reverse("admin:articles_tag_change", args=[tag.pk])
    response = editor_client.post(url, {"name": "BPO", "slug": tag.slug})
    assert "Fusionner" in response.text


def test_tag_list_counts_articles_and_suggestions(editor_client):
    ArticleFactory(tag_names=["crm"])
    TaggedArticle.objects.create(
        content_object=ArticleFactory(), tag=Tag.objects.get(), suggested=True
    )
    response = editor_client.get(reverse(TAGS))
    tag = response.context["cl"].result_list[0]
    assert (tag.article_count, tag.suggestion_count) == (1, 1)


def test_tag_accept_suggestions_action_confirms_every_article(editor_client):
    tag = TagFactory(name="ia")
    for article in ArticleFactory.create_batch(2):
        TaggedArticle.objects.create(content_object=article, tag=tag, suggested=True)
    run_action(editor_client, "accept_suggestions", [tag], url=TAGS)
    assert list(TaggedArticle.objects.values_list("suggested", flat=True)) == [False, False]


def test_deleting_a_tag_in_use_is_refused_with_a_message(editor_client):
    ArticleFactory(tag_names=["crm"])
    tag = Tag.objects.get()
    url = reverse("admin:articles_tag_delete", args=[tag.pk])
    response = editor_client.post(url, {"post": "yes"})
    assert (response.status_code, Tag.objects.count(), "fusionnez-le" in response.text) == (
        200,
        1,
        True,
    )


def test_deleting_an_unused_tag_works(editor_client):
    tag = TagFactory()
    editor_client.post(reverse("admin:articles_tag_delete", args=[tag.pk]), {"post": "yes"})
    assert Tag.objects.count() == 0


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        (
            "admin:authors_author_delete",
            lambda: ArticleFactory(authors=[AuthorFactory()]).authors.get(),
        ),
        ("admin:articles_issue_delete", lambda: ArticleFactory(issue=IssueFactory()).issue),
        ("admin:articles_section_delete", lambda: ArticleFactory(section=SectionFactory()).section),
    ],
)
def test_deleting_something_articles_use_explains_why_not(editor_client, url_name, make):
    obj = make()
    response = editor_client.post(reverse(url_name, args=[obj.pk]), {"post": "yes"})
    assert (
        response.status_code,
        type(obj).objects.filter(pk=obj.pk).exists(),
        len(response.context["protected"]),
    ) == (200, True, 1)
