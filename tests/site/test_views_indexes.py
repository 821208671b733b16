"""The indexes of the magazine: issues, sections, authors and tags, linked from every page."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    image_file,
)

INDEXES = ["/numeros/", "/rubriques/", "/auteurs/", "/mots-cles/", "/mots-cles/?tri=a-z"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def issues(db):
    """Issues over two years and one undated, each with published articles, plus hidden ones."""
    made = {
        number: IssueFactory(number=number, title=title, published_on=day)
        for number, title, day in [
            (80, "Spécial offshore", date(2024, 3, 1)),
            (81, "Les métiers", date(2024, 9, 1)),
            (82, "L'IA au plateau", date(2025, 2, 1)),
            (83, "Le nearshore", date(2025, 6, 1)),
            (79, "", None),
        ]
    }
    for number, count in [(80, 2), (81, 1), (82, 3), (83, 1), (79, 1)]:
        ArticleFactory.create_batch(count, issue=made[number])
    # Hidden articles count nowhere, and an issue with only hidden ones is not listed.
    ArticleFactory(issue=made[83], status=Article.Status.DRAFT)
    ArticleFactory(issue=made[83], published_at=timezone.now() + timedelta(days=1))
    ArticleFactory(issue=IssueFactory(number=84, published_on=date(2025, 9, 1)), status="review")
    return made


def numbers(issues):
    return [issue.number for issue in issues]


def test_issues_show_the_current_one_first_then_the_others_by_year(client, issues):
    response = client.get("/numeros/")

    assert (
        response.context["current"].number,
        [(year, numbers(run)) for year, run in response.context["years"]],
    ) == (83, [(2025, [82]), (2024, [81, 80]), (None, [79])])


def test_issues_count_their_published_articles_only(client, issues):
    response = client.get("/numeros/")
    listed = [
        response.context["current"],
        *(i for _y, run in response.context["years"] for i in run),
    ]

    assert {issue.number: issue.count for issue in listed} == {83: 1, 82: 3, 81: 1, 80: 2, 79: 1}


def test_issue_list_shows_number_title_date_and_count(client, issues):
    text = client.get("/numeros/").text

    assert (
        "N° 82</span> L&#x27;IA au plateau" in text,
        '<time datetime="2025-02-01">1er février 2025</time>' in text,
        "3 articles" in text,
        "Sans date" in text,
    ) == (True, True, True, True)


def test_issue_without_cover_shows_a_typographic_placeholder(client, issues):
    text = client.get("/numeros/").text

    assert re.search(r'cover-placeholder-number">82<', text) is not None


def test_issue_with_cover_shows_its_thumbnail_at_a_fixed_size(client, media, db):
    issue = IssueFactory(number=90, cover=image_file("couverture.jpg", (1200, 1700)))
    ArticleFactory(issue=issue)

    text = client.get("/numeros/").text
    src = re.search(r'<img src="/media/([^"]+)" width="240" height="320"', text).group(1)

    assert Image.open(media / src).size == (240, 320)


def test_issue_list_without_issues_answers_a_clean_page(client, db):
    response = client.get("/numeros/")

    assert (response.status_code, "Aucun numéro publié" in response.text) == (200, True)


def test_issue_page_keeps_its_contents_in_order_and_has_breadcrumbs(client, issues):
    first, second = ArticleFactory(issue=issues[81], issue_position=2), None
    second = ArticleFactory(issue=issues[81], issue_position=1)

    response = client.get("/numeros/81/")

    assert [a.pk for a in response.context["articles"]][-2:] == [second.pk, first.pk]
    assert 'href="/numeros/">Numéros</a>' in response.text


def test_authors_are_listed_a_to_z_with_role_count_and_initials(client, db):
    jacquinet = AuthorFactory(name="Manuel Jacquinet", role="Directeur de la rédaction")
    ArticleFactory.create_batch(2, authors=[jacquinet])
    ArticleFactory(authors=[AuthorFactory(name="Élodie Durand"), AuthorFactory(name="Zoé Faure")])
    hidden = AuthorFactory(name="Plume Cachée")
    ArticleFactory(authors=[hidden], status=Article.Status.DRAFT)

    response = client.get("/auteurs/")

    assert [
        (letter, [(author.name, author.count) for author in run])
        for letter, run in response.context["initials"]
    ] == [
        ("E", [("Élodie Durand", 1)]),
        ("M", [("Manuel Jacquinet", 2)]),
        ("Z", [("Zoé Faure", 1)]),
    ]
    assert ("Directeur de la rédaction" in response.text, ">MJ<" in response.text) == (True, True)


def test_author_with_photo_shows_its_portrait(client, media, db):
    author = AuthorFactory(name="Romaine Klein", photo=image_file("klein.jpg", (600, 900)))
    ArticleFactory(authors=[author])

    text = client.get("/auteurs/").text
    src = re.search(r'<img class="person-photo" src="/media/([^"]+)"', text).group(1)

    assert (Image.open(media / src).size, ">RK<" in text) == ((160, 160), False)


@pytest.fixture
def tagged(db):
    ArticleFactory.create_batch(3, tag_names=["relation client", "offshore"])
    ArticleFactory(tag_names=["Émotions", "téléconseillers"])
    ArticleFactory(tag_names=["3D"])
    ArticleFactory(tag_names=["secret"], status=Article.Status.DRAFT)


def test_tags_are_listed_most_used_first(client, tagged):
    response = client.get("/mots-cles/")

    assert [(tag.name, tag.count) for tag in response.context["tags"]] == [
        ("offshore", 3),
        ("relation client", 3),
        ("3D", 1),
        ("Émotions", 1),
        ("téléconseillers", 1),
    ]


def test_tags_are_listed_a_to_z_by_initial(client, tagged):
    response = client.get("/mots-cles/?tri=a-z")

    assert [
        (letter, [tag.name for tag in run]) for letter, run in response.context["initials"]
    ] == [
        ("#", ["3D"]),
        ("E", ["Émotions"]),
        ("O", ["offshore"]),
        ("R", ["relation client"]),
        ("T", ["téléconseillers"]),
    ]


def test_tag_list_marks_the_order_shown(client, tagged):
    text = client.get("/mots-cles/?tri=a-z").text

    assert '<a href="/mots-cles/?tri=a-z" aria-current="page">' in text


@pytest.mark.parametrize("order", ["alpha", "", "a-z&tri=zz"])
def test_tag_list_answers_404_or_its_default_for_other_orders(client, tagged, order):
    expected = 200 if order == "" else 404

    assert client.get(f"/mots-cles/?tri={order}").status_code == expected


def test_sections_are_listed_a_to_z_with_their_counts(client, db):
    for name, count in [("Tribune", 1), ("Édito", 2), ("Actualité", 1)]:
        ArticleFactory.create_batch(count, section=SectionFactory(name=name))
    ArticleFactory(section=SectionFactory(name="Cachée"), status=Article.Status.DRAFT)

    response = client.get("/rubriques/")

    assert [(s.name, s.count) for s in response.context["sections"]] == [
        ("Actualité", 1),
        ("Édito", 2),
        ("Tribune", 1),
    ]


@pytest.fixture
def everything(issues):
    for n in range(12):
        ArticleFactory(
            issue=issues[82],
            section=SectionFactory(name=f"Rubrique {n % 3}"),
            authors=[AuthorFactory(), AuthorFactory()],
            tag_names=[f"sujet {n}", "crm"],
        )


@pytest.mark.parametrize("url", INDEXES)
def test_index_pages_run_one_query(client, everything, django_assert_num_queries, url):
    with django_assert_num_queries(1):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("url", INDEXES)
def test_index_pages_keep_their_list_with_the_aggregates(
    client, everything, aggregate_cache, django_assert_num_queries, url
):
    client.get(url)

    # Only the next scheduled publication is looked up again, once per generation: not here.
    with django_assert_num_queries(0):
        client.get(url)


def test_index_pages_show_a_change_at_once(client, db, aggregate_cache, committed):
    # Changes are made in committed(): the cache forgets what they change once they commit.
    with committed():
        ArticleFactory(issue=IssueFactory(number=98, published_on=date(2025, 1, 1)))
    client.get("/numeros/")
    with committed():
        ArticleFactory(issue=IssueFactory(number=99, published_on=date(2026, 1, 1)))

    assert client.get("/numeros/").context["current"].number == 99


@pytest.mark.parametrize("url", INDEXES)
def test_index_pages_are_served_from_the_page_cache(client, everything, page_cache, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert (response["X-Page-Cache"], len(queries)) == ("hit", 0)


def test_page_cache_forgets_an_index_when_an_author_is_renamed(client, db, page_cache, committed):
    with committed():
        author = AuthorFactory(name="Manuel Jacquinet")
        ArticleFactory(authors=[author])
    client.get("/auteurs/")
    with committed():
        author.name = "Manuel Jacquinet-Durand"
        author.save()

    assert "Manuel Jacquinet-Durand" in client.get("/auteurs/").text


@pytest.mark.parametrize("url", ["/", "/articles/", "/numeros/", "/recherche/?q=x"])
def test_every_page_links_to_the_four_indexes(client, issues, url):
    text = client.get(url).text

    assert [
        text.count(f'href="{index}"') >= 2
        for index in ["/numeros/", "/rubriques/", "/auteurs/", "/mots-cles/"]
    ] == [True] * 4


def test_the_header_marks_the_index_shown(client, issues):
    text = client.get("/auteurs/").text

    assert re.findall(r'<a href="([^"]+)" aria-current="page">', text) == ["/auteurs/"]


@pytest.fixture
def filed(db):
    return ArticleFactory(
        title="Le plateau de Tunis",
        section=SectionFactory(name="Tribune"),
        issue=IssueFactory(number=84),
        authors=[AuthorFactory(name="Manuel Jacquinet")],
        tag_names=["offshore"],
    )


@pytest.mark.parametrize(
    ("url", "trail"),
    [
        ("/articles/le-plateau-de-tunis/", ["/", "/rubriques/", "/rubriques/tribune/"]),
        ("/auteurs/manuel-jacquinet/", ["/", "/auteurs/"]),
        ("/mots-cles/offshore/", ["/", "/mots-cles/"]),
        ("/numeros/84/", ["/", "/numeros/"]),
        ("/rubriques/tribune/", ["/", "/rubriques/"]),
    ],
)
def test_detail_pages_have_breadcrumbs_back_to_their_index(client, filed, url, trail):
    text = client.get(url).text
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', text, re.S).group(0)

    assert re.findall(r'href="([^"]+)"', crumbs) == trail


def test_article_without_section_has_breadcrumbs_through_the_list(client, db):
    ArticleFactory(title="Hors rubrique")
    text = client.get("/articles/hors-rubrique/").text
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', text, re.S).group(0)

    assert re.findall(r'href="([^"]+)"', crumbs) == ["/", "/articles/"]


def test_card_without_author_or_date_starts_with_the_reading_time(client, db):
    ArticleFactory(title="Archive anonyme", published_at=None)

    text = client.get("/articles/").text
    meta = re.search(r'<p class="meta">(.*?)</p>', text, re.S).group(1)

    assert meta.strip().startswith("1 min de lecture")
