"""The paths tests/admin and tests/site leave open: who reaches what, by any door.

Already proven elsewhere: the contributor's form offers draft and review only and refuses a
publication or a schedule (tests/admin/test_permissions.py), as do the publishing actions, a
crafted POST that unpublishes, `save_model` itself, the import page with a crafted status and the
re-import of a live file (tests/admin/test_import_page.py), and a revert to a published revision
(tests/admin/test_history.py); a hidden article's page, its old slug and its preview answer 404
(tests/site/test_views_article.py). Here: the add form, the change actions, "select all", the
issue page, the real importer; anonymous visitors in the back office; hidden articles and a
coming issue on every public page and feed.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, TaggedArticle
from tests.admin.helpers import (
    apply_action,
    article_form_data,
    change_url,
    issue_contents_data,
    run_action,
)
from tests.conftest import logged_in, skip_or_fail
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    TagFactory,
)

pytestmark = pytest.mark.django_db

Status = Article.Status
CHANGELIST = reverse("admin:articles_article_changelist")
SECRET = "confidentiel"


def published_count():
    return Article.objects.filter(status=Status.PUBLISHED).count()


# Contributors never publish ---------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.ARCHIVED])
def test_contributor_add_form_refuses_a_crafted_status(contributor_client, status):
    data = article_form_data(ArticleFactory.build(status=status), title="Publié en douce")

    response = contributor_client.post(reverse("admin:articles_article_add"), data)

    assert (response.status_code, Article.objects.filter(status=status).count()) == (200, 0)


def test_contributor_cannot_archive_a_draft_through_the_form(contributor_client):
    article = ArticleFactory(status=Status.DRAFT)

    contributor_client.post(change_url(article), article_form_data(article, status="archived"))
    article.refresh_from_db()

    assert article.status == Status.DRAFT


def test_contributor_cannot_edit_a_live_article_by_a_crafted_post(contributor_client):
    """Keeping the status "published" does not make a silent edit of live content allowed."""
    article = ArticleFactory(status=Status.PUBLISHED, title="En ligne")

    response = contributor_client.post(
        change_url(article), article_form_data(article, title="Réécrit", body="Autre texte.")
    )
    article.refresh_from_db()

    assert (response.status_code, article.title) == (403, "En ligne")


@pytest.mark.parametrize(
    ("action", "fields"),
    [
        ("submit_for_review", {}),
        ("mark_reviewed", {}),
        ("accept_suggestions", {}),
        ("drop_suggestions", {}),
        ("assign_issue", {"issue": "issue"}),
        ("add_tag", {"name": "nouveau"}),
    ],
)
def test_contributor_change_actions_leave_a_live_article_alone(contributor_client, action, fields):
    issue = IssueFactory()
    article = ArticleFactory(status=Status.PUBLISHED, needs_review=True, issue=None)
    TaggedArticle.objects.create(content_object=article, tag=TagFactory(), suggested=True)
    before = (article.status, article.needs_review, article.issue_id, article.history.count())
    values = {key: issue.pk if value == "issue" else value for key, value in fields.items()}

    if fields:
        apply_action(contributor_client, action, [article], **values)
    else:
        run_action(contributor_client, action, [article])
    article.refresh_from_db()

    assert (
        (article.status, article.needs_review, article.issue_id, article.history.count()),
        list(article.taggedarticle_set.values_list("suggested", flat=True)),
    ) == (before, [True])


@pytest.mark.parametrize("action", ["publish", "unpublish", "archive"])
def test_contributor_select_across_cannot_run_a_publishing_action(contributor_client, action):
    articles = [ArticleFactory(status=Status.REVIEW), ArticleFactory(status=Status.PUBLISHED)]

    contributor_client.post(
        CHANGELIST,
        {
            "action": action,
            "select_across": "1",
            "index": 0,
            "_selected_action": [articles[0].pk],
        },
    )

    assert sorted(Article.objects.values_list("status", flat=True)) == sorted(
        [Status.PUBLISHED, Status.REVIEW]
    )


def issue_form_publishing(article):
    """The issue page's form, its contents row for `article` with a crafted status."""
    url = reverse("admin:articles_issue_change", args=[article.issue.pk])
    return url, issue_contents_data(article, status=Status.PUBLISHED)


def test_contributor_cannot_publish_through_the_issue_contents(contributor_client):
    article = ArticleFactory(status=Status.REVIEW, issue=IssueFactory(number=84))

    response = contributor_client.post(*issue_form_publishing(article))
    article.refresh_from_db()

    assert (response.status_code, article.status) == (403, Status.REVIEW)


def test_editor_cannot_publish_through_the_issue_contents_either(editor):
    """The contents' status column is read-only: publishing goes through the article."""
    article = ArticleFactory(status=Status.REVIEW, issue=IssueFactory(number=84))

    logged_in(editor).post(*issue_form_publishing(article))
    article.refresh_from_db()

    assert article.status == Status.REVIEW


IMPORTED_PAGE = """Le magazine indépendant du BPO, du CRM et de l'expérience client.

Un article importé

Publié le 25 avril 2018 à 09:42 par Magazine En-Contact
Un article importé

Le téléconseiller lit le texte et la relation client continue son chemin.

Par Jean Dupont
"""


@pytest.fixture
def real_importer():
    try:
        import articles.importing.writer  # noqa: F401
    except ImportError as error:
        skip_or_fail(f"Importer unavailable: {error}")


def test_contributor_crafted_import_with_the_real_importer_creates_drafts_only(
    contributor_client, real_importer
):
    upload = SimpleUploadedFile("001.txt", IMPORTED_PAGE.encode(), "text/plain")

    for status in ("published", "review", "archived"):
        contributor_client.post(
            reverse("admin:articles_article_import"), {"files": [upload], "status": status}
        )
        upload.seek(0)
    contributor_client.post(
        reverse("admin:articles_article_import"), {"files": [upload], "status": "draft"}
    )

    assert (Article.objects.count(), published_count()) == (1, 0)


# Anonymous visitors never reach the back office ------------------------------------------


def admin_pages(article):
    pk = article.pk
    return [
        reverse("admin:index"),
        CHANGELIST,
        reverse("admin:articles_article_add"),
        change_url(article),
        reverse("admin:articles_article_history", args=[pk]),
        reverse("admin:articles_article_delete", args=[pk]),
        reverse("admin:articles_article_import"),
        reverse("admin:autocomplete"),
        reverse("admin:authors_author_changelist"),
        reverse("admin:articles_tag_changelist"),
        reverse("admin:articles_issue_changelist"),
        reverse("admin:auth_user_changelist"),
    ]


def test_anonymous_visitor_is_sent_to_the_login_page_from_every_back_office_page(client):
    article = ArticleFactory(status=Status.DRAFT, title="Brouillon secret")

    answers = {url: client.get(url) for url in admin_pages(article)}

    assert {
        url: (response.status_code, response.get("Location", "").split("?")[0])
        for url, response in answers.items()
        if (response.status_code, response.get("Location", "").split("?")[0])
        != (302, "/admin/login/")
    } == {}
    assert [
        url for url, response in answers.items() if b"Brouillon secret" in response.content
    ] == []


def test_anonymous_posts_to_the_back_office_change_nothing(client):
    article = ArticleFactory(status=Status.REVIEW, title="En relecture")
    upload = SimpleUploadedFile("001.txt", IMPORTED_PAGE.encode(), "text/plain")

    answers = [
        run_action(client, "publish", [article]),
        client.post(change_url(article), article_form_data(article, status=Status.PUBLISHED)),
        client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}),
        client.post(
            reverse("admin:articles_article_import"), {"files": [upload], "status": "published"}
        ),
    ]
    article.refresh_from_db()

    assert (
        [response.status_code for response in answers],
        article.status,
        Article.objects.count(),
    ) == ([302, 302, 302, 302], Status.REVIEW, 1)


# Anonymous readers never see a hidden article ---------------------------------------------


HIDDEN = {
    "draft": {"status": Status.DRAFT},
    "review": {"status": Status.REVIEW},
    "archived": {"status": Status.ARCHIVED},
    "scheduled": {"published_at": timezone.now() + timedelta(days=2)},
}
# A search for SECRET shows the reader's own word back: pages are searched for these instead.
HIDDEN_TEXTS = [f"{SECRET} {name}" for name in HIDDEN] + [f"Chapô {SECRET}", f"Texte {SECRET}"]


@pytest.fixture
def newsroom(db):
    """Published articles, and hidden ones sharing their author, tags, issue and section.

    The hidden ones carry SECRET in their title, standfirst and body (HIDDEN_TEXTS).
    """
    author, issue, section = AuthorFactory(), IssueFactory(number=84), SectionFactory()
    visible = [
        ArticleFactory(
            title=f"Visible {n}",
            authors=[author],
            tag_names=["crm"],
            issue=issue,
            issue_position=n,
            section=section,
        )
        for n in range(3)
    ]
    hidden = {
        name: ArticleFactory(
            title=f"{SECRET} {name}",
            standfirst=f"Chapô {SECRET}",
            body=f"Texte {SECRET} du téléconseiller.",
            authors=[author],
            tag_names=["crm"],
            issue=issue,
            issue_position=1,
            section=section,
            **fields,
        )
        for name, fields in HIDDEN.items()
    }
    return {"author": author, "issue": issue, "section": section, "visible": visible, **hidden}


def public_pages(newsroom):
    author, issue, section = newsroom["author"], newsroom["issue"], newsroom["section"]
    article = newsroom["visible"][1]
    return [
        "/",
        "/articles/",
        f"/articles/?tag=crm&author={author.slug}&issue=84&section={section.slug}",
        f"/recherche/?q={SECRET}",
        "/recherche/?q=teleconseiller",
        article.get_absolute_url(),
        "/mots-cles/crm/",
        author.get_absolute_url(),
        issue.get_absolute_url(),
        section.get_absolute_url(),
        f"/archives/{timezone.localtime().year}/",
        "/flux/rss/",
        "/flux/atom/",
        "/flux/mots-cles/crm/rss/",
        f"/flux/auteurs/{author.slug}/atom/",
        "/flux/numeros/84/rss/",
        "/sitemap.xml",
    ]


def test_hidden_articles_appear_on_no_public_page_or_feed(client, newsroom):
    pages = {url: client.get(url) for url in public_pages(newsroom)}

    assert (
        {
            url: response.status_code
            for url, response in pages.items()
            if response.status_code != 200
        },
        [
            (url, text)
            for url, response in pages.items()
            for text in HIDDEN_TEXTS
            if text in response.content.decode()
        ],
    ) == ({}, [])


@pytest.mark.parametrize("hidden", HIDDEN)
def test_hidden_article_answers_404_to_readers_signed_in_or_not(
    client, newsroom, django_user_model, hidden
):
    article = newsroom[hidden]
    reader = logged_in(django_user_model.objects.create_user("lecteur", password="x" * 12))
    urls = [article.get_absolute_url(), reverse("articles:preview", args=[article.pk])]

    assert [
        (who, client_.get(url).status_code)
        for who, client_ in (("anonymous", client), ("reader", reader))
        for url in urls
    ] == [("anonymous", 404)] * 2 + [("reader", 404)] * 2


@pytest.fixture
def coming_issue(db):
    """Issue 85, whose articles are scheduled or still drafts, with its own author and tag."""
    ArticleFactory(title="Visible", issue=IssueFactory(number=84), tag_names=["crm"])
    issue = IssueFactory(number=85, title=f"Spécial {SECRET}")
    author = AuthorFactory(name=f"Plume {SECRET}")
    for fields in HIDDEN.values():
        ArticleFactory(issue=issue, authors=[author], tag_names=[f"{SECRET} sujet"], **fields)
    return {"issue": issue, "author": author, "tag": "confidentiel-sujet"}


def test_a_coming_issue_is_unknown_to_readers(client, coming_issue):
    """Issue numbers follow each other: its title must not show before its first article."""
    urls = [
        "/numeros/85/",
        "/flux/numeros/85/rss/",
        "/flux/numeros/85/atom/",
        "/articles/?issue=85",
        "/recherche/?q=centre&issue=85",
    ]
    answers = {url: client.get(url) for url in urls}

    assert (
        {url: response.status_code for url, response in answers.items()},
        [url for url, response in answers.items() if SECRET.encode() in response.content],
    ) == (dict.fromkeys(urls, 404), [])


def test_feeds_of_an_author_or_tag_with_only_hidden_articles_answer_404(client, coming_issue):
    urls = [
        f"/flux/auteurs/{coming_issue['author'].slug}/rss/",
        f"/flux/auteurs/{coming_issue['author'].slug}/atom/",
        f"/flux/mots-cles/{coming_issue['tag']}/rss/",
        f"/flux/mots-cles/{coming_issue['tag']}/atom/",
        coming_issue["author"].get_absolute_url(),
        f"/mots-cles/{coming_issue['tag']}/",
    ]

    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 404)
