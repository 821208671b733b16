"""Issues with their contents, sections, authors, the thesaurus and the furniture list."""

import pytest
from django.urls import reverse

from articles.models import Article, FurnitureLine, Subject
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "admin:articles_article_changelist",
    "admin:articles_article_add",
    "admin:articles_issue_changelist",
    "admin:articles_issue_add",
    "admin:articles_section_changelist",
    "admin:articles_tag_changelist",
    "admin:articles_subject_changelist",
    "admin:articles_furnitureline_changelist",
    "admin:authors_author_changelist",
    "admin:authors_author_add",
]


@pytest.mark.parametrize("page", PAGES)
def test_editor_opens_every_content_page(editor_client, page):
    assert editor_client.get(reverse(page)).status_code == 200


def test_issue_list_counts_articles_and_links_to_the_public_page(editor_client):
    issue = IssueFactory(number=84)
    ArticleFactory.create_batch(3, issue=issue)
    response = editor_client.get(reverse("admin:articles_issue_changelist"))
    assert (
        response.context["cl"].result_list[0].article_count,
        "/numeros/84/" in response.text,
    ) == (
        3,
        True,
    )


def test_issue_page_lists_its_contents_in_order(editor_client):
    issue = IssueFactory()
    ArticleFactory(issue=issue, issue_position=2, title="Deuxième")
    ArticleFactory(issue=issue, issue_position=1, title="Premier")
    response = editor_client.get(reverse("admin:articles_issue_change", args=[issue.pk]))
    formset = response.context["inline_admin_formsets"][0].formset
    assert [form.instance.title for form in formset] == ["Premier", "Deuxième"]


def test_issue_contents_are_reordered_and_new_articles_start_as_drafts(editor_client):
    issue = IssueFactory(number=90, title="")
    first = ArticleFactory(issue=issue, issue_position=1)
    second = ArticleFactory(issue=issue, issue_position=2)
    prefix = "articles"
    data = {
        "number": 90,
        "title": "",
        "published_on": "",
        "editorial": "",
        f"{prefix}-TOTAL_FORMS": 3,
        f"{prefix}-INITIAL_FORMS": 2,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for i, (article, position) in enumerate([(first, 2), (second, 1)]):
        data.update(
            {
                f"{prefix}-{i}-id": article.pk,
                f"{prefix}-{i}-issue": issue.pk,
                f"{prefix}-{i}-issue_position": position,
                f"{prefix}-{i}-title": article.title,
                f"{prefix}-{i}-kind": article.kind,
                f"{prefix}-{i}-section": "",
            }
        )
    data.update(
        {
            f"{prefix}-2-issue": issue.pk,
            f"{prefix}-2-issue_position": 3,
            f"{prefix}-2-title": "Nouvel article du numéro",
            f"{prefix}-2-kind": "article",
            f"{prefix}-2-section": "",
        }
    )
    response = editor_client.post(reverse("admin:articles_issue_change", args=[issue.pk]), data)
    contents = issue.articles.order_by("issue_position").values_list("title", "status")
    assert response.status_code == 302
    assert list(contents) == [
        (second.title, Article.Status.PUBLISHED),
        (first.title, Article.Status.PUBLISHED),
        ("Nouvel article du numéro", Article.Status.DRAFT),
    ]


def test_section_list_counts_articles(editor_client):
    ArticleFactory(section=SectionFactory(name="Interview"))
    response = editor_client.get(reverse("admin:articles_section_changelist"))
    assert response.context["cl"].result_list[0].article_count == 1


def test_author_list_counts_articles_and_links_to_them(editor_client):
    author = AuthorFactory(name="Manuel Jacquinet")
    ArticleFactory.create_batch(2, authors=[author])
    response = editor_client.get(reverse("admin:authors_author_changelist"))
    assert (
        response.context["cl"].result_list[0].article_count,
        f"?auteur={author.pk}" in response.text,
    ) == (2, True)


def test_author_autocomplete_finds_authors_for_a_contributor(contributor_client):
    AuthorFactory(name="Manuel Jacquinet")
    response = contributor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "jacq",
            "app_label": "articles",
            "model_name": "articleauthor",
            "field_name": "author",
        },
    )
    assert [row["text"] for row in response.json()["results"]] == ["Manuel Jacquinet"]


def test_thesaurus_entry_is_edited_in_the_admin(editor_client):
    response = editor_client.post(
        reverse("admin:articles_subject_add"),
        {
            "name": "Téléphonie",
            "variants": "téléphonie\nVoIP",
            "active": "on",
        },
    )
    subject = Subject.objects.get(name="Téléphonie")
    assert (response.status_code, subject.variant_list()) == (302, ["téléphonie", "VoIP"])


def test_furniture_line_is_added_in_the_admin(editor_client):
    editor_client.post(
        reverse("admin:articles_furnitureline_add"), {"text": "Abonnez-vous à la newsletter"}
    )
    assert FurnitureLine.objects.filter(text="Abonnez-vous à la newsletter").exists()
