"""The article list's bulk actions, each kept in the article's history."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, TaggedArticle
from tests.admin.helpers import apply_action, run_action
from tests.factories import ArticleFactory, IssueFactory, TagFactory

pytestmark = pytest.mark.django_db

Status = Article.Status


def statuses(*articles):
    return [Article.objects.get(pk=article.pk).status for article in articles]


def test_submit_for_review_moves_drafts_only(contributor_client, contributor):
    draft = ArticleFactory(status=Status.DRAFT, created_by=contributor)
    review = ArticleFactory(status=Status.REVIEW, created_by=contributor)
    run_action(contributor_client, "submit_for_review", [draft, review])
    assert statuses(draft, review) == [Status.REVIEW, Status.REVIEW]


def test_mark_reviewed_clears_needs_review_and_conflict(editor_client):
    article = ArticleFactory(needs_review=True, import_conflict=True)
    run_action(editor_client, "mark_reviewed", [article])
    article.refresh_from_db()
    assert (article.needs_review, article.import_conflict) == (False, False)


def test_publish_action_publishes_and_dates_undated_articles(editor_client):
    article = ArticleFactory(status=Status.REVIEW, published_at=None)
    run_action(editor_client, "publish", [article])
    article.refresh_from_db()
    assert (article.status, article.is_public) == (Status.PUBLISHED, True)


def test_publish_action_keeps_a_future_date_as_a_schedule(editor_client):
    article = ArticleFactory(status=Status.REVIEW, published_at=timezone.now() + timedelta(days=5))
    response = run_action(editor_client, "publish", [article], follow=True)
    article.refresh_from_db()
    assert (article.is_scheduled, "dont 1 programmé" in response.text) == (True, True)


def test_unpublish_action_returns_articles_to_draft(editor_client):
    article = ArticleFactory(status=Status.PUBLISHED)
    run_action(editor_client, "unpublish", [article])
    assert statuses(article) == [Status.DRAFT]


def test_archiving_action_sets_archived_instead_of_deleting(editor_client):
    article = ArticleFactory(status=Status.PUBLISHED)
    run_action(editor_client, "archive", [article])
    assert statuses(article) == [Status.ARCHIVED]


def test_bulk_actions_are_kept_as_revisions_by_their_author(editor_client, editor):
    article = ArticleFactory(status=Status.REVIEW)
    run_action(editor_client, "publish", [article])
    latest = article.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        Status.PUBLISHED,
        editor,
        "Publication",
    )


def test_assign_issue_first_asks_which_issue(editor_client):
    IssueFactory(number=84)
    response = run_action(editor_client, "assign_issue", [ArticleFactory()])
    assert (response.status_code, "N° 84" in response.text) == (200, True)


def test_assign_issue_appends_articles_to_the_contents(editor_client):
    issue = IssueFactory()
    ArticleFactory(issue=issue, issue_position=4)
    first, second = ArticleFactory(), ArticleFactory()
    apply_action(editor_client, "assign_issue", [first, second], issue=issue.pk)
    positions = sorted(
        Article.objects.filter(pk__in=[first.pk, second.pk]).values_list(
            "issue_id", "issue_position"
        )
    )
    assert positions == [(issue.pk, 5), (issue.pk, 6)]


def test_add_tag_creates_the_tag_and_confirms_existing_suggestions(editor_client):
    tagged = ArticleFactory()
    TaggedArticle.objects.create(content_object=tagged, tag=TagFactory(name="IA"), suggested=True)
    untagged = ArticleFactory()
    apply_action(editor_client, "add_tag", [tagged, untagged], name="ia")
    rows = TaggedArticle.objects.order_by("content_object_id").values_list("tag__name", "suggested")
    assert list(rows) == [("IA", False), ("IA", False)]


def test_add_tag_creates_an_unknown_tag(editor_client):
    article = ArticleFactory()
    apply_action(editor_client, "add_tag", [article], name="Expérience client")
    assert list(article.tags.names()) == ["Expérience client"]


def test_accept_suggestions_action_confirms_them(editor_client):
    article = ArticleFactory()
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="crm"), suggested=True)
    run_action(editor_client, "accept_suggestions", [article])
    assert list(TaggedArticle.objects.values_list("suggested", flat=True)) == [False]


def test_drop_suggestions_action_removes_only_suggestions(editor_client):
    article = ArticleFactory(tag_names=["bpo"])
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="crm"), suggested=True)
    run_action(editor_client, "drop_suggestions", [article])
    assert list(article.tags.names()) == ["bpo"]


def test_delete_action_is_replaced_by_archiving_for_editors(editor_client):
    article = ArticleFactory()
    run_action(editor_client, "delete_selected", [article])
    assert Article.objects.filter(pk=article.pk).exists()


def test_superuser_keeps_the_delete_action(client, admin_user):
    client.force_login(admin_user)
    article = ArticleFactory()
    response = run_action(client, "delete_selected", [article])
    assert "delete_selected" in response.text
