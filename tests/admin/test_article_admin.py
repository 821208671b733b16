"""The article list and form: columns, filters, search, query counts, provenance, buttons."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, TaggedArticle
from tests.admin.helpers import CHANGELIST, article_form_data, change_url
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

Status = Article.Status
# Session, user, permissions (user's, groups'), the four filters' choices (latest issues, sections,
# most published authors, most used tags), count, the page of articles, its bylines, its tags,
# and the date hierarchy (date range, then the dates).
CHANGELIST_QUERIES = 14


def make_articles(count):
    authors = AuthorFactory.create_batch(3)
    issue, section = IssueFactory(), SectionFactory(name="Interview")
    for i in range(count):
        article = ArticleFactory(
            issue=issue,
            section=section,
            authors=[authors[i % 3], authors[(i + 1) % 3]],
            tag_names=["relation client", "bpo"],
        )
        TaggedArticle.objects.create(
            content_object=article, tag=TagFactory(name="centre d'appels"), suggested=True
        )


def changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    return len(queries)


def test_issue_filter_offers_the_latest_issues_an_older_chosen_one_and_no_issue(editor_client):
    issues = [IssueFactory(number=number, title="") for number in range(1, 16)]
    ArticleFactory(title="Du numéro 1", issue=issues[0])
    ArticleFactory(title="Sans numéro", issue=None)

    def shown(query):
        response = editor_client.get(reverse(CHANGELIST) + query)
        choices = next(
            spec for spec in response.context["cl"].filter_specs if spec.title.startswith("numéro")
        ).lookup_choices
        titles = [article.title for article in response.context["cl"].result_list]
        return [label for _pk, label in choices], titles

    latest, _ = shown("")
    older, in_issue_1 = shown(f"?issue__id__exact={issues[0].pk}")
    _, without = shown("?issue__id__exact=aucun")

    assert (latest, older[-2], in_issue_1, without) == (
        [f"N° {number}" for number in range(15, 3, -1)] + ["Sans numéro"],
        "N° 1",
        ["Du numéro 1"],
        ["Sans numéro"],
    )


def test_changelist_of_100_articles_runs_a_fixed_number_of_queries_for_a_page_of_50(
    editor_client, django_assert_num_queries
):
    make_articles(100)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = editor_client.get(reverse(CHANGELIST))
    assert len(response.context["cl"].result_list) == 50


def test_changelist_queries_do_not_grow_with_rows(editor_client):
    make_articles(3)
    few = changelist_queries(editor_client)
    make_articles(40)
    assert changelist_queries(editor_client) == few


def test_changelist_shows_authors_tags_and_pending_suggestions(editor_client):
    ArticleFactory(
        title="Le BPO au Maroc",
        authors=[AuthorFactory(name="Manuel Jacquinet")],
        tag_names=["offshore"],
    )
    TaggedArticle.objects.create(
        content_object=Article.objects.get(), tag=TagFactory(name="bpo"), suggested=True
    )
    response = editor_client.get(reverse(CHANGELIST))
    assert ("Manuel Jacquinet" in response.text, "(suggérés : bpo)" in response.text) == (
        True,
        True,
    )


def test_changelist_search_finds_author_names(editor_client):
    ArticleFactory(title="Trouvé", authors=[AuthorFactory(name="Nathalie Virzi")])
    ArticleFactory(title="Ignoré", authors=[AuthorFactory(name="Autre Plume")])
    response = editor_client.get(reverse(CHANGELIST), {"q": "virzi"})
    assert [a.title for a in response.context["cl"].result_list] == ["Trouvé"]


def test_changelist_filters_by_author(editor_client):
    author = AuthorFactory()
    ArticleFactory(title="De lui", authors=[author])
    ArticleFactory(title="D'un autre", authors=[AuthorFactory()])
    response = editor_client.get(reverse(CHANGELIST), {"auteur": author.pk})
    assert [a.title for a in response.context["cl"].result_list] == ["De lui"]


def test_changelist_filters_by_tag(editor_client):
    ArticleFactory(title="Sur le CRM", tag_names=["crm"])
    ArticleFactory(title="Sur autre chose", tag_names=["bpo"])
    tag = TagFactory(name="crm")
    response = editor_client.get(reverse(CHANGELIST), {"mot_cle": tag.pk})
    assert [a.title for a in response.context["cl"].result_list] == ["Sur le CRM"]


def test_changelist_tells_scheduled_articles_apart(editor_client):
    ArticleFactory(title="Demain", published_at=timezone.now() + timedelta(days=1))
    ArticleFactory(title="Hier")
    response = editor_client.get(reverse(CHANGELIST), {"statut": "scheduled"})
    assert [a.title for a in response.context["cl"].result_list] == ["Demain"]


def test_changelist_filters_articles_needing_review(editor_client):
    ArticleFactory(title="Douteux", needs_review=True)
    ArticleFactory(title="Sûr")
    response = editor_client.get(reverse(CHANGELIST), {"needs_review__exact": "1"})
    assert [a.title for a in response.context["cl"].result_list] == ["Douteux"]


def test_changelist_links_to_the_import_page(editor_client):
    response = editor_client.get(reverse(CHANGELIST))
    assert reverse("admin:articles_article_import") in response.text


def test_change_form_links_to_the_preview(editor_client):
    article = ArticleFactory(status=Status.DRAFT)
    response = editor_client.get(change_url(article))
    assert reverse("articles:preview", args=[article.pk]) in response.text


def test_view_on_site_is_offered_for_a_published_article(editor_client):
    article = ArticleFactory(status=Status.PUBLISHED)
    response = editor_client.get(change_url(article))
    assert response.context["has_absolute_url"] is True


def test_view_on_site_is_not_offered_for_a_draft(editor_client):
    article = ArticleFactory(status=Status.DRAFT)
    response = editor_client.get(change_url(article))
    assert response.context["has_absolute_url"] is False


def test_change_form_shows_import_warnings_and_source_text(editor_client):
    article = ArticleFactory(
        needs_review=True,
        import_warnings=["Auteur incertain : « Par la rédaction »"],
        source_text="Publié le 25 avril 2018 à 09:42 par Magazine En-Contact",
    )
    response = editor_client.get(change_url(article))
    assert (
        "Auteur incertain : « Par la rédaction »" in response.text,
        "Publié le 25 avril 2018 à 09:42" in response.text,
    ) == (True, True)


def test_change_form_shows_each_source_line_with_its_role_and_reason(editor_client):
    source = "AMBUSH\n\nUn titre court\n\n" + "Une phrase de texte assez longue ici. " * 8
    article = ArticleFactory(source_text=source)
    response = editor_client.get(change_url(article))
    reading = response.text[response.text.index('class="source-reading"') :]
    assert (
        '<tr class="role-décor"><td>1</td><td>AMBUSH</td>' in reading,
        '<tr class="role-titre"><td>3</td><td>Un titre court</td><td>titre</td>' in reading,
        "titre possible, score" in reading,
    ) == (True, True, True)


def test_mark_reviewed_button_clears_the_doubts(editor_client):
    article = ArticleFactory(needs_review=True, import_conflict=True)
    response = editor_client.post(
        change_url(article), article_form_data(article, _mark_reviewed="1")
    )
    article.refresh_from_db()
    assert (response.status_code, article.needs_review, article.import_conflict) == (
        302,
        False,
        False,
    )


def test_tag_inline_shows_the_importer_suggestions(editor_client):
    article = ArticleFactory()
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="ia"), suggested=True)
    response = editor_client.get(change_url(article))
    assert response.context["pending_suggestions"] is True


def test_accept_suggestions_button_confirms_them(editor_client):
    article = ArticleFactory(tag_names=["crm"])
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="ia"), suggested=True)
    editor_client.post(change_url(article), article_form_data(article, _accept_suggestions="1"))
    assert list(article.taggedarticle_set.values_list("tag__name", "suggested")) == [
        ("crm", False),
        ("ia", False),
    ]


def test_drop_suggestions_button_removes_them(editor_client):
    article = ArticleFactory(tag_names=["crm"])
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(name="ia"), suggested=True)
    editor_client.post(change_url(article), article_form_data(article, _drop_suggestions="1"))
    assert list(article.tags.names()) == ["crm"]


def test_changing_the_author_through_the_byline_inline(editor_client):
    wrong, right = AuthorFactory(name="Mauvais Nom"), AuthorFactory(name="Bon Nom")
    article = ArticleFactory(authors=[wrong])
    data = article_form_data(article, **{"bylines-0-author": right.pk})
    editor_client.post(change_url(article), data)
    assert [b.author.name for b in article.bylines.all()] == ["Bon Nom"]
