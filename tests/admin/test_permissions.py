"""Who may do what: contributors write and submit, editors publish, nobody bypasses it."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.admin.helpers import article_form_data, change_url, run_action
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_editor_group_may_publish_and_contributor_group_may_not(editor, contributor):
    assert (
        editor.has_perm("articles.publish_article"),
        contributor.has_perm("articles.publish_article"),
    ) == (True, False)


def test_editors_get_no_user_management_permission():
    editor_group = Group.objects.get(name="Éditeur")
    assert not editor_group.permissions.filter(content_type__app_label="auth").exists()


def test_contributor_creates_a_draft_through_the_add_form(contributor_client):
    response = contributor_client.post(
        reverse("admin:articles_article_add"),
        {
            **article_form_data(ArticleFactory.build(status=Status.DRAFT, published_at=None)),
            "title": "Le télétravail au centre d'appels",
            "slug": "",
        },
    )
    article = Article.objects.get()
    assert (response.status_code, article.status, article.slug) == (
        302,
        Status.DRAFT,
        "le-teletravail-au-centre-dappels",
    )


def test_contributor_submits_a_draft_for_review_through_the_form(contributor_client, contributor):
    article = ArticleFactory(status=Status.DRAFT, published_at=None, created_by=contributor)
    contributor_client.post(change_url(article), article_form_data(article, status=Status.REVIEW))
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_contributor_form_offers_only_draft_and_review(contributor_client, contributor):
    article = ArticleFactory(status=Status.DRAFT, created_by=contributor)
    response = contributor_client.get(change_url(article))
    choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert choices == [Status.DRAFT, Status.REVIEW]


def test_contributor_cannot_publish_through_the_form(contributor_client, contributor):
    article = ArticleFactory(status=Status.REVIEW, created_by=contributor)
    response = contributor_client.post(
        change_url(article), article_form_data(article, status=Status.PUBLISHED)
    )
    article.refresh_from_db()
    assert (response.status_code, article.status) == (200, Status.REVIEW)


def test_contributor_cannot_schedule_through_the_form(contributor_client):
    article = ArticleFactory(status=Status.DRAFT, published_at=timezone.now() + timedelta(days=3))
    contributor_client.post(
        change_url(article), article_form_data(article, status=Status.PUBLISHED)
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_published_article_is_read_only_for_a_contributor(contributor_client):
    article = ArticleFactory(status=Status.PUBLISHED)
    response = contributor_client.get(change_url(article))
    assert response.context["has_change_permission"] is False


def test_contributor_crafted_post_cannot_unpublish(contributor_client):
    article = ArticleFactory(status=Status.PUBLISHED, title="En ligne")
    response = contributor_client.post(
        change_url(article), article_form_data(article, status=Status.DRAFT, title="Retiré")
    )
    article.refresh_from_db()
    assert (response.status_code, article.status, article.title) == (
        403,
        Status.PUBLISHED,
        "En ligne",
    )


def test_save_model_refuses_a_publication_the_form_let_through(rf, contributor):
    # Defence in depth: even a form that accepted "published" cannot save it.
    from django.contrib.admin.sites import site
    from django.core.exceptions import PermissionDenied

    article = ArticleFactory(status=Status.DRAFT)
    article.status = Status.PUBLISHED
    request = rf.post("/")
    request.user = contributor
    with pytest.raises(PermissionDenied):
        site.get_model_admin(Article).save_model(request, article, form=None, change=True)


@pytest.mark.parametrize("action", ["publish", "unpublish", "archive"])
def test_contributor_cannot_run_publishing_actions(contributor_client, action):
    article = ArticleFactory(status=Status.REVIEW if action == "publish" else Status.PUBLISHED)
    before = article.status
    run_action(contributor_client, action, [article])
    article.refresh_from_db()
    assert article.status == before


def test_publishing_actions_are_not_offered_to_a_contributor(contributor_client):
    ArticleFactory(status=Status.DRAFT)
    response = contributor_client.get(reverse("admin:articles_article_changelist"))
    offered = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert offered & {"publish", "unpublish", "archive", "delete_selected"} == set()


def test_contributor_bulk_changes_leave_published_articles_alone(contributor_client, contributor):
    draft = ArticleFactory(status=Status.DRAFT, needs_review=True, created_by=contributor)
    live = ArticleFactory(status=Status.PUBLISHED, needs_review=True)
    run_action(contributor_client, "mark_reviewed", [draft, live])
    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.needs_review, live.needs_review) == (False, True)


def test_editor_publishes_through_the_form_and_gets_a_date(editor_client):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    editor_client.post(change_url(article), article_form_data(article, status=Status.PUBLISHED))
    article.refresh_from_db()
    assert (article.status, article.published_at is not None, article.is_public) == (
        Status.PUBLISHED,
        True,
        True,
    )


def test_editor_schedules_with_a_future_date(editor_client):
    later = timezone.now() + timedelta(days=2)
    article = ArticleFactory(status=Status.REVIEW, published_at=later)
    response = editor_client.post(
        change_url(article), article_form_data(article, status=Status.PUBLISHED), follow=True
    )
    article.refresh_from_db()
    assert (article.is_scheduled, "programmé" in response.text) == (True, True)


def test_nobody_but_a_superuser_sees_delete_for_articles(editor_client):
    article = ArticleFactory()
    response = editor_client.get(reverse("admin:articles_article_delete", args=[article.pk]))
    assert response.status_code == 403


def test_contributor_can_view_but_not_edit_issues(contributor_client):
    response = contributor_client.get(reverse("admin:articles_issue_changelist"))
    add = contributor_client.get(reverse("admin:articles_issue_add"))
    assert (response.status_code, add.status_code) == (200, 403)


def test_contributor_cannot_open_user_management(contributor_client):
    response = contributor_client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403
