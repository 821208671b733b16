"""Contributors write and change their own drafts only; editors change everything.

Any contributor could once edit another contributor's draft. The rule: a contributor changes
an article they created while it is a draft or in review; an editor, any article.
"""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.admin.helpers import article_form_data
from tests.conftest import staff_member
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_contributor(editorial_groups):
    return staff_member("otto", "pw-otto-123", "Rédacteur")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_a_contributor_creating_a_draft_owns_it(contributor_client, contributor):
    article = Article(title="Mon brouillon", status=Article.Status.DRAFT, body="Texte.")
    contributor_client.post(reverse("admin:articles_article_add"), article_form_data(article))

    assert Article.objects.get(title="Mon brouillon").created_by == contributor


def test_a_contributor_may_change_their_own_draft(contributor_client, contributor):
    article = ArticleFactory(status=Article.Status.DRAFT, created_by=contributor)

    response = contributor_client.get(change_url(article))

    assert response.context["has_change_permission"] is True


def test_a_contributor_may_not_change_another_contributors_draft(
    contributor_client, other_contributor
):
    article = ArticleFactory(
        title="Le sien", status=Article.Status.DRAFT, created_by=other_contributor
    )

    page = contributor_client.get(change_url(article))
    posted = contributor_client.post(change_url(article), {"title": "Pris"})

    article.refresh_from_db()
    assert (page.context["has_change_permission"], posted.status_code, article.title) == (
        False,
        403,
        "Le sien",
    )


def test_an_editor_may_change_any_draft(editor_client, other_contributor):
    article = ArticleFactory(status=Article.Status.DRAFT, created_by=other_contributor)

    response = editor_client.get(change_url(article))

    assert response.context["has_change_permission"] is True


def test_a_bulk_action_leaves_other_contributors_drafts_alone(
    contributor_client, contributor, other_contributor
):
    mine = ArticleFactory(status=Article.Status.DRAFT, created_by=contributor)
    theirs = ArticleFactory(status=Article.Status.DRAFT, created_by=other_contributor)

    contributor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "submit_for_review", "_selected_action": [mine.pk, theirs.pk]},
    )

    statuses = dict(Article.objects.values_list("pk", "status"))
    assert (statuses[mine.pk], statuses[theirs.pk]) == ("review", "draft")


def test_a_contributors_import_creates_drafts_they_own(contributor_client, contributor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = "Publié le 25 avril 2018 à 09:42 par Magazine En-Contact\n\nUn titre\n\nLe texte.\n"
    contributor_client.post(
        reverse("admin:articles_article_import"),
        {"files": [SimpleUploadedFile("001.txt", text.encode())], "status": "draft"},
    )

    assert set(Article.objects.values_list("created_by", flat=True)) == {contributor.pk}
