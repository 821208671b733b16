"""The article page, its metadata, old addresses, and the newsroom's preview."""

import json
import re
from datetime import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from articles.bodies import from_plain_text
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory

# An interview as the importer stores it: plain text, escaped as Markdown.
BODY = """Bonjour Emmanuel, où en est le centre d'appels ?

Il a beaucoup changé.
Vraiment.

<script>alert("x")</script> & les autres.

* Lequel avait prévu la fin du monde.

PS : rendez-vous au salon."""


def json_ld(response):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    return json.loads(found.group(1))


@pytest.fixture
def interview(db):
    paris = timezone.get_current_timezone()
    return ArticleFactory(
        title="Le centre d'appel des années 80 est mort",
        kind=Article.Kind.INTERVIEW,
        interviewee="Emmanuel Mignot",
        standfirst="Un entretien exclusif.",
        body=from_plain_text(BODY),
        photo_credit="Studio Lumière",
        published_at=datetime(2018, 4, 25, 9, 42, tzinfo=paris),
        authors=[AuthorFactory(name="Romaine Klein", role="Journaliste")],
        tag_names=["crm"],
        section=SectionFactory(name="Interview"),
        issue=IssueFactory(number=84),
    )


def test_article_page_shows_title_standfirst_authors_with_roles_and_french_date(client, interview):
    text = client.get(interview.get_absolute_url()).text

    assert [
        "Le centre d&#x27;appel des années 80 est mort" in text,
        "Un entretien exclusif." in text,
        '<a href="/auteurs/romaine-klein/">Romaine Klein</a>, <span class="role">Journaliste'
        in text,
        '<time datetime="2018-04-25T09:42:00+02:00">25 avril 2018</time>' in text,
        "1 min de lecture" in text,
        "Photo : Studio Lumière" in text,
        '<a href="/mots-cles/crm/">crm</a>' in text,
        '<a href="/numeros/84/">numéro 84</a>' in text,
    ] == [True] * 8


def test_article_body_marks_questions_footnotes_and_postscript(client, interview):
    text = client.get(interview.get_absolute_url()).text

    assert [
        '<p class="question">Bonjour Emmanuel, où en est le centre d\'appels ?</p>' in text,
        "<p>Il a beaucoup changé.<br>\nVraiment.</p>" in text,
        '<p class="note">* Lequel avait prévu la fin du monde.</p>' in text,
        '<p class="note note-ps">PS : rendez-vous au salon.</p>' in text,
    ] == [True] * 4


def test_article_body_is_escaped(client, interview):
    text = client.get(interview.get_absolute_url()).text

    assert (
        "<script>alert" in text,
        '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; les autres.</p>' in text,
    ) == (
        False,
        True,
    )


def test_questions_are_marked_in_interviews_only(client, db):
    article = ArticleFactory(body="Faut-il externaliser ?\n\nOui.")

    text = client.get(article.get_absolute_url()).text

    assert ('class="question"' in text, "<p>Faut-il externaliser ?</p>" in text) == (False, True)


def test_article_page_has_canonical_url_and_open_graph(client, interview):
    text = client.get(interview.get_absolute_url()).text
    url = f"http://testserver{interview.get_absolute_url()}"

    assert [
        f'<link rel="canonical" href="{url}">' in text,
        f'<meta property="og:url" content="{url}">' in text,
        '<meta property="og:type" content="article">' in text,
        '<meta property="og:description" content="Un entretien exclusif.">' in text,
        '<meta property="article:tag" content="crm">' in text,
    ] == [True] * 5


def test_article_page_describes_itself_as_a_news_article_in_json_ld(client, interview):
    data = json_ld(client.get(interview.get_absolute_url()))

    assert (
        data["@type"],
        data["headline"],
        data["datePublished"],
        data["author"],
        data["keywords"],
    ) == (
        "NewsArticle",
        "Le centre d'appel des années 80 est mort",
        "2018-04-25T09:42:00+02:00",
        [
            {
                "@type": "Person",
                "name": "Romaine Klein",
                "url": "http://testserver/auteurs/romaine-klein/",
            }
        ],
        ["crm"],
    )


def test_json_ld_cannot_be_closed_by_a_title(client, db):
    article = ArticleFactory(title="</script><script>alert(1)</script>")

    response = client.get(article.get_absolute_url())

    assert (json_ld(response)["headline"], "<script>alert(1)" in response.text) == (
        "</script><script>alert(1)</script>",
        False,
    )


def test_related_articles_share_most_tags_and_are_published(client, db):
    article = ArticleFactory(tag_names=["crm", "bpo", "offshore"])
    ArticleFactory(title="Un tag", tag_names=["crm"])
    ArticleFactory(title="Trois tags", tag_names=["crm", "bpo", "offshore"])
    ArticleFactory(title="Deux tags", tag_names=["bpo", "offshore"])
    ArticleFactory(title="Brouillon", tag_names=["crm", "bpo", "offshore"], status="draft")
    ArticleFactory(title="Sans rapport", tag_names=["cx"])

    response = client.get(article.get_absolute_url())

    assert [other.title for other in response.context["related"]] == [
        "Trois tags",
        "Deux tags",
        "Un tag",
    ]


def test_previous_and_next_follow_the_issue_order_among_published_articles(client, db):
    issue = IssueFactory()
    first, _, middle, _, last = [
        ArticleFactory(title=f"Page {n}", issue=issue, issue_position=n, status=status)
        for n, status in enumerate(["published", "draft", "published", "review", "published"])
    ]

    response = client.get(middle.get_absolute_url())

    assert (response.context["previous"], response.context["next"]) == (first, last)


def test_article_page_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    issue = IssueFactory()
    authors = AuthorFactory.create_batch(3)
    tags = ["crm", "bpo", "offshore", "cx"]
    article, *_ = [
        ArticleFactory(issue=issue, issue_position=n, authors=authors, tag_names=tags)
        for n in range(8)
    ]

    # article · bylines · tags · related · issue neighbours
    with django_assert_num_queries(5):
        client.get(article.get_absolute_url())


@pytest.mark.parametrize("status", ["draft", "review", "archived"])
def test_unpublished_article_answers_404(client, db, status):
    article = ArticleFactory(status=status)

    assert client.get(article.get_absolute_url()).status_code == 404


def test_scheduled_article_answers_404_until_its_date(client, db):
    article = ArticleFactory(published_at=timezone.now() + timezone.timedelta(hours=1))

    assert client.get(article.get_absolute_url()).status_code == 404


def test_unknown_slug_answers_404(client, db):
    assert client.get("/articles/nulle-part/").status_code == 404


def test_old_slug_redirects_permanently_to_the_new_one(client, db):
    article = ArticleFactory(title="Ancien titre")
    article.slug = "nouveau-titre"
    article.save()

    response = client.get("/articles/ancien-titre/")

    assert (response.status_code, response["Location"]) == (301, "/articles/nouveau-titre/")


def test_every_past_slug_redirects_to_the_current_one(client, db):
    article = ArticleFactory(title="Premier")
    for slug in ("deuxieme", "troisieme"):
        article.slug = slug
        article.save()

    response = client.get("/articles/premier/")

    assert (response.status_code, response["Location"]) == (301, "/articles/troisieme/")


def test_old_slug_of_an_unpublished_article_answers_404(client, db):
    article = ArticleFactory(title="Ancien titre")
    article.slug = "nouveau-titre"
    article.status = Article.Status.DRAFT
    article.save()

    assert client.get("/articles/ancien-titre/").status_code == 404


def test_preview_shows_a_draft_to_an_editor_with_a_banner(client, editor):
    draft = ArticleFactory(title="Brouillon du jour", status=Article.Status.DRAFT)
    client.force_login(editor)

    response = client.get(f"/apercu/{draft.pk}/")

    assert [
        response.status_code,
        "Brouillon du jour" in response.text,
        '<div class="preview-banner" role="status">' in response.text,
        "<strong>Aperçu</strong>" in response.text,
        '<meta name="robots" content="noindex, nofollow">' in response.text,
        "no-cache" in response["Cache-Control"],
    ] == [200, True, True, True, True, True]


def test_preview_says_when_a_scheduled_article_will_appear(client, editor):
    paris = timezone.get_current_timezone()
    article = ArticleFactory(published_at=datetime(2099, 5, 1, 8, 0, tzinfo=paris))
    client.force_login(editor)

    response = client.get(f"/apercu/{article.pk}/")

    assert "programmé pour le 1er mai 2099 à 08:00" in response.text


def test_preview_is_open_to_a_contributor_who_may_view_articles(client, contributor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(contributor)

    assert client.get(f"/apercu/{draft.pk}/").status_code == 200


def test_preview_answers_404_to_anonymous_readers(client, db):
    draft = ArticleFactory(status=Article.Status.DRAFT)

    assert client.get(f"/apercu/{draft.pk}/").status_code == 404


def test_preview_answers_404_to_a_user_who_is_not_staff(client, django_user_model):
    reader = django_user_model.objects.create_user("lecteur", password="pw-reader-123")
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(reader)

    assert client.get(f"/apercu/{draft.pk}/").status_code == 404


def test_preview_answers_404_to_staff_without_the_view_permission(client, django_user_model):
    staff = django_user_model.objects.create_user("stagiaire", password="pw", is_staff=True)
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(staff)

    assert client.get(f"/apercu/{draft.pk}/").status_code == 404


def test_preview_of_an_unknown_article_answers_404(client, editor):
    client.force_login(editor)

    assert client.get("/apercu/999999/").status_code == 404


def test_old_slug_redirect_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    article = ArticleFactory(title="Ancien titre", tag_names=["crm", "bpo"])
    for n in range(5):
        article.slug = f"titre-{n}"
        article.save()

    # the article at this slug · the article that had it
    with django_assert_num_queries(2):
        client.get("/articles/ancien-titre/")
