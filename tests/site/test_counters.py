"""The site's counts (articles.counters) stay equal to a recount whatever changes them."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles import counters
from articles.models import ArchiveCount, Article, ArticleAuthor, TaggedArticle
from tests.admin.helpers import apply_action, run_action
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

Status = Article.Status
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@pytest.fixture
def mixed_articles():
    """Published, scheduled and draft articles sharing tags, authors, an issue, a section."""
    issue, section = IssueFactory(), SectionFactory()
    first, second = AuthorFactory(), AuthorFactory()
    published = ArticleFactory(
        issue=issue, section=section, authors=[first, second], tag_names=["relation client"]
    )
    other = ArticleFactory(authors=[first], tag_names=["relation client", "CRM"])
    draft = ArticleFactory(status=Status.DRAFT, section=section, authors=[second])
    draft.tags.add("CRM")
    return {"published": published, "other": other, "draft": draft, "authors": (first, second)}


def assert_counts_exact():
    assert counters.stored() == counters.recount()


def test_counts_follow_articles_created_with_their_links(mixed_articles):
    assert counters.stored()[ArchiveCount.Kind.TOTAL, 0] == 2
    assert_counts_exact()


def test_counts_follow_publishing_and_unpublishing_through_save(mixed_articles):
    draft = mixed_articles["draft"]
    draft.status = Status.PUBLISHED
    draft.save()
    mixed_articles["published"].status = Status.DRAFT
    mixed_articles["published"].save()
    assert_counts_exact()


def test_counts_follow_the_publish_and_unpublish_actions(mixed_articles, editor_client):
    run_action(editor_client, "publish", [mixed_articles["draft"]])
    run_action(editor_client, "unpublish", [mixed_articles["published"]])
    assert_counts_exact()


def test_counts_follow_a_new_date_section_and_issue(mixed_articles):
    article = mixed_articles["other"]
    article.published_at = timezone.now() - timedelta(days=800)
    article.section, article.issue = SectionFactory(), IssueFactory()
    article.save()
    assert_counts_exact()


def test_counts_follow_deletions_one_by_one_and_from_the_back_office(mixed_articles, admin_client):
    mixed_articles["published"].delete()
    apply_action(admin_client, "delete_selected", [mixed_articles["other"]], post="yes")
    assert counters.stored() == counters.recount() == {}


def test_counts_follow_bylines_added_moved_and_removed(mixed_articles):
    first, second = mixed_articles["authors"]
    article = mixed_articles["other"]
    ArticleAuthor.objects.create(article=article, author=second, position=1)
    ArticleAuthor.objects.filter(article=mixed_articles["published"], author=first).delete()
    article.authors.remove(first)
    assert_counts_exact()


def test_counts_follow_tags_added_removed_and_cleared(mixed_articles):
    mixed_articles["other"].tags.add("Téléconseillers", "Centres d'appels")
    mixed_articles["other"].tags.remove("CRM")
    mixed_articles["published"].tags.clear()
    TaggedArticle.objects.create(content_object=mixed_articles["published"], tag=TagFactory())
    assert_counts_exact()


def test_counts_follow_the_add_tag_action_and_dropped_suggestions(mixed_articles, editor_client):
    apply_action(editor_client, "add_tag", [mixed_articles["published"]], name="Qualité")
    mixed_articles["other"].taggedarticle_set.update(suggested=True)
    run_action(editor_client, "drop_suggestions", [mixed_articles["other"]])
    assert_counts_exact()


def test_counts_follow_author_and_tag_merges(mixed_articles, editor_client):
    first, second = mixed_articles["authors"]
    apply_action(
        editor_client,
        "merge",
        [first, second],
        url="admin:authors_author_changelist",
        target=first.pk,
    )
    tags = list(mixed_articles["other"].tags.all())
    apply_action(
        editor_client, "merge", tags, url="admin:articles_tag_changelist", target=tags[0].pk
    )
    assert_counts_exact()


def test_counts_follow_an_import_written_in_bulk(mixed_articles, tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(CORPUS, folder)
    call_command("import_corpus", str(folder), "--report", str(tmp_path / "report.json"))
    assert counters.stored()[ArchiveCount.Kind.TOTAL, 0] > 2
    assert_counts_exact()


def test_visible_counts_leave_out_scheduled_articles(mixed_articles):
    ArticleFactory(tag_names=["relation client"], published_at=timezone.now() + timedelta(days=3))
    tag = mixed_articles["other"].tags.get(name="relation client")
    assert (
        counters.visible_count(ArchiveCount.Kind.TOTAL),
        counters.visible_count(ArchiveCount.Kind.TAG, tag.pk),
    ) == (2, 2)


def test_rebuild_counts_repairs_counts_changed_behind_the_application(mixed_articles):
    ArchiveCount.objects.filter(kind=ArchiveCount.Kind.TOTAL).update(articles=99)
    Article.objects.filter(pk=mixed_articles["draft"].pk).update(status=Status.PUBLISHED)
    call_command("rebuild_counts")
    assert_counts_exact()


def test_a_list_no_count_describes_is_counted_up_to_a_cap(client, monkeypatch):
    monkeypatch.setattr(counters, "COUNT_CAP", 2)
    for _ in range(3):
        ArticleFactory(tag_names=["relation client", "CRM"])
    response = client.get("/articles/?tag=relation-client&tag=crm")
    assert "Plus de 1 000 articles pour ces filtres" in response.text


def test_a_list_one_count_describes_is_not_capped(client, monkeypatch):
    monkeypatch.setattr(counters, "COUNT_CAP", 2)
    for _ in range(3):
        ArticleFactory(tag_names=["relation client"])
    response = client.get("/articles/?tag=relation-client")
    assert "3 articles pour ces filtres" in response.text


def test_a_filtered_lists_facets_count_its_newest_articles(client, monkeypatch):
    monkeypatch.setattr(counters, "FACET_SAMPLE", 2)
    ArticleFactory(tag_names=["relation client", "CRM"], published_at=timezone.now() - timedelta(9))
    for _ in range(2):
        ArticleFactory(tag_names=["relation client", "Qualité"])
    response = client.get("/articles/?tag=relation-client")
    facets = [(tag.name, tag.count) for tag in response.context["facets"]]
    assert (facets, response.context["facets_sampled"]) == ([("Qualité", 2)], True)
