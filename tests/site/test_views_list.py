"""Home, the filtered article list and the pages of a tag, section, issue, author and year."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article, TaggedArticle
from articles.site.cards import with_card_links
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory

HIDDEN = ["Brouillon secret", "Relecture secrète", "Archive retirée", "Programmé demain"]


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_home_shows_latest_articles_current_issue_top_tags_and_editorial(client, magazine):
    editorial = ArticleFactory(title="Une réelle industrie", kind=Article.Kind.EDITO)

    response = client.get("/")

    assert (
        titles(response)[:2],
        response.context["issue"].number,
        [tag.name for tag in response.context["top_tags"]][:2],
        response.context["editorial"],
    ) == (["Une réelle industrie", "Article publié 0"], 84, ["crm", "offshore"], editorial)


def test_home_shows_no_hidden_article_anywhere(client, magazine):
    text = client.get("/").text

    assert [title for title in HIDDEN if title in text] == []


def test_home_counts_tags_on_published_articles_only(client, magazine):
    response = client.get("/")

    assert {tag.name: tag.count for tag in response.context["top_tags"]} == {
        "crm": 5,
        "offshore": 3,
    }


def test_home_runs_a_fixed_number_of_queries(client, magazine, django_assert_num_queries):
    ArticleFactory.create_batch(8, tag_names=["crm", "bpo"], authors=[AuthorFactory()])

    with django_assert_num_queries(7):
        client.get("/")


def test_list_shows_published_articles_newest_first_undated_last(client, magazine):
    ArticleFactory(title="Archive sans date", published_at=None)

    response = client.get("/articles/")

    assert titles(response) == [f"Article publié {n}" for n in range(5)] + ["Archive sans date"]


def test_list_filters_by_two_tags_at_once(client, magazine):
    response = client.get("/articles/?tag=crm&tag=offshore")

    assert titles(response) == ["Article publié 0", "Article publié 1", "Article publié 2"]


def test_list_filters_by_author_issue_section_and_year(client, magazine):
    paris = timezone.get_current_timezone()
    Article.objects.filter(title="Article publié 3").update(
        published_at=datetime(2018, 4, 25, 9, 42, tzinfo=paris)
    )

    response = client.get("/articles/?author=manuel-jacquinet&issue=84&section=edito&year=2018")

    assert titles(response) == ["Article publié 3"]


def test_list_filters_by_words(client, magazine):
    ArticleFactory(title="La téléphonie en centre de contact")

    response = client.get("/articles/?q=telephonie")

    assert titles(response) == ["La téléphonie en centre de contact"]


def test_list_shows_active_filters_as_chips_that_remove_one_filter(client, magazine):
    response = client.get("/articles/?tag=crm&tag=offshore&author=manuel-jacquinet&page=1")

    assert [(chip.label, chip.remove_url) for chip in response.context["chips"]] == [
        ("crm", "/articles/?tag=offshore&author=manuel-jacquinet"),
        ("offshore", "/articles/?tag=crm&author=manuel-jacquinet"),
        ("Par Manuel Jacquinet", "/articles/?tag=crm&tag=offshore"),
    ]


def test_list_tag_facets_count_the_current_result(client, magazine):
    ArticleFactory(tag_names=["bpo", "offshore"])

    response = client.get("/articles/?tag=offshore")

    assert [(tag.name, tag.count, tag.add_url) for tag in response.context["facets"]] == [
        ("crm", 3, "/articles/?tag=offshore&tag=crm"),
        ("bpo", 1, "/articles/?tag=offshore&tag=bpo"),
    ]


def test_list_shows_and_filters_by_the_importers_tag_suggestions(client, magazine):
    TaggedArticle.objects.filter(tag__name="offshore").update(suggested=True)

    unfiltered = client.get("/articles/?tag=crm")
    filtered = client.get("/articles/?tag=offshore")

    assert [tag.name for tag in unfiltered.context["facets"]] == ["offshore"]
    assert titles(filtered) == titles(client.get("/articles/?tag=offshore&tag=offshore"))
    assert titles(filtered) != []


def test_list_pagination_keeps_the_filters(client, magazine):
    ArticleFactory.create_batch(25, tag_names=["crm", "offshore"])

    response = client.get("/articles/?tag=crm&tag=offshore&q=&page=1")

    assert 'href="?tag=crm&amp;tag=offshore&amp;q=&amp;page=2"' in response.text


def test_list_second_page_shows_the_rest(client, magazine):
    ArticleFactory.create_batch(20)

    response = client.get("/articles/?page=2")

    assert len(titles(response)) == 5


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=99999",
        "page=0",
        "tag=does-not-exist",
        "tag=crm&tag=does-not-exist",
        "author=nobody",
        "issue=9999",
        "issue=abc",
        "section=nowhere",
        "year=zz",
        "year=99999999",
        "year=-1",
    ],
)
def test_list_answers_404_to_a_filter_that_designates_nothing(client, magazine, query):
    response = client.get(f"/articles/?{query}")

    assert (response.status_code, "Cette page n'existe pas" in response.text) == (404, True)


def test_list_filters_by_an_issue_once_its_scheduled_article_appears(client, db):
    """The filter form is built once per process: its issue choices still follow the clock."""
    issue = IssueFactory(number=321)
    article = ArticleFactory(issue=issue, published_at=timezone.now() + timedelta(hours=1))
    before = client.get("/articles/?issue=321").status_code

    # Its time comes after the first request built the form, before the second one.
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())

    assert (before, client.get("/articles/?issue=321").status_code) == (404, 200)


def test_list_filter_by_a_tag_of_hidden_articles_only_answers_404(client, magazine):
    assert client.get("/articles/?tag=secret").status_code == 404


def test_list_filters_by_a_tag_once_its_scheduled_article_appears(client, db):
    """The tag filter reads the archive's counts: a scheduled article's tag counts from its
    time on, without any write."""
    article = ArticleFactory(tag_names=["nearshore"], published_at=timezone.now() + timedelta(1))
    before = client.get("/articles/?tag=nearshore").status_code

    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())

    assert (before, client.get("/articles/?tag=nearshore").status_code) == (404, 200)


def test_list_answers_a_5000_character_query_with_a_clean_page(client, magazine):
    response = client.get("/articles/", {"q": "zyzzyva " * 625})

    assert (response.status_code, titles(response)) == (200, [])


def test_list_takes_the_last_of_repeated_single_parameters(client, magazine):
    response = client.get("/articles/?author=nobody&author=manuel-jacquinet&page=7&page=1")

    assert (response.status_code, titles(response)) == (
        200,
        ["Article publié 1", "Article publié 3"],
    )


@pytest.mark.parametrize(
    ("query", "count"),
    [("tag=", 5), ("tag=&tag=offshore&q=+", 3), ("author=&issue=&section=&year=&page=", 5)],
)
def test_list_ignores_empty_parameters(client, magazine, query, count):
    response = client.get(f"/articles/?{query}")

    assert (response.status_code, len(titles(response))) == (200, count)


def test_list_ignores_unknown_parameters(client, magazine):
    response = client.get("/articles/?utm_source=lettre&tag=offshore")

    assert [chip.remove_url for chip in response.context["chips"]] == ["/articles/"]


def test_list_with_filters_runs_a_fixed_number_of_queries(
    client, magazine, django_assert_num_queries
):
    ArticleFactory.create_batch(
        12, tag_names=["crm", "offshore", "bpo"], authors=[magazine["author"], AuthorFactory()]
    )

    # tags, author · count · page · bylines · tags · facets · sections
    with django_assert_num_queries(8):
        client.get("/articles/?tag=crm&tag=offshore&author=manuel-jacquinet")


def test_list_without_filters_runs_a_fixed_number_of_queries(
    client, magazine, django_assert_num_queries
):
    ArticleFactory.create_batch(30, tag_names=["crm", "bpo"], authors=[AuthorFactory()])

    with django_assert_num_queries(6):
        client.get("/articles/")


def test_tag_page_lists_the_tags_published_articles(client, magazine):
    response = client.get("/mots-cles/offshore/")

    assert (titles(response), [t.name for t in response.context["related_tags"]]) == (
        ["Article publié 0", "Article publié 1", "Article publié 2"],
        ["crm"],
    )


def test_tag_page_runs_a_fixed_number_of_queries(client, magazine, django_assert_num_queries):
    ArticleFactory.create_batch(10, tag_names=["crm", "bpo", "cx"], authors=[AuthorFactory()])

    with django_assert_num_queries(6):
        client.get("/mots-cles/crm/")


def test_tag_of_hidden_articles_only_answers_404(client, magazine):
    assert client.get("/mots-cles/secret/").status_code == 404


def test_unknown_tag_page_answers_404(client, magazine):
    assert client.get("/mots-cles/inconnu/").status_code == 404


def test_section_page_lists_its_published_articles(client, magazine):
    response = client.get("/rubriques/edito/")

    assert titles(response) == [f"Article publié {n}" for n in range(5)]


def test_section_page_runs_a_fixed_number_of_queries(client, magazine, django_assert_num_queries):
    ArticleFactory.create_batch(10, section=magazine["section"], tag_names=["crm", "cx"])

    with django_assert_num_queries(5):
        client.get("/rubriques/edito/")


def test_issue_page_shows_cover_editorial_and_contents_in_order(client, magazine):
    issue = magazine["issue"]
    issue.editorial = "Un numéro consacré au nearshore."
    issue.save()
    magazine["published"][0].issue_position = 9
    magazine["published"][0].save()

    response = client.get("/numeros/84/")

    assert (titles(response), "Un numéro consacré au nearshore." in response.text) == (
        ["Article publié 1", "Article publié 2", "Article publié 3", "Article publié 4"]
        + ["Article publié 0"],
        True,
    )


def test_issue_page_runs_a_fixed_number_of_queries(client, magazine, django_assert_num_queries):
    ArticleFactory.create_batch(10, issue=magazine["issue"], tag_names=["crm", "cx"])

    with django_assert_num_queries(4):
        client.get("/numeros/84/")


def test_issue_without_published_articles_answers_404(client, magazine):
    ArticleFactory(issue=IssueFactory(number=85), status=Article.Status.DRAFT)

    assert client.get("/numeros/85/").status_code == 404


def test_author_page_shows_bio_and_published_articles(client, magazine):
    author = magazine["author"]
    author.bio = "Fondateur du magazine."
    author.save()

    response = client.get("/auteurs/manuel-jacquinet/")

    assert (titles(response), "Fondateur du magazine." in response.text) == (
        ["Article publié 1", "Article publié 3"],
        True,
    )


def test_author_page_runs_a_fixed_number_of_queries(client, magazine, django_assert_num_queries):
    ArticleFactory.create_batch(10, authors=[magazine["author"]], tag_names=["crm", "cx"])

    with django_assert_num_queries(5):
        client.get("/auteurs/manuel-jacquinet/")


def test_author_of_hidden_articles_only_answers_404(client, magazine):
    ghost = AuthorFactory(name="Plume Cachée")
    magazine["draft"].authors.add(ghost, through_defaults={"position": 1})

    assert client.get(f"/auteurs/{ghost.slug}/").status_code == 404


def test_year_page_lists_that_years_articles(client, db):
    paris = timezone.get_current_timezone()
    ArticleFactory(title="Réveillon", published_at=datetime(2018, 12, 31, 23, 30, tzinfo=paris))
    ArticleFactory(title="Nouvel an", published_at=datetime(2019, 1, 1, 0, 30, tzinfo=paris))

    response = client.get("/archives/2018/")

    assert (titles(response), response.context["years"]) == (["Réveillon"], [2019, 2018])


def test_year_page_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    paris = timezone.get_current_timezone()
    ArticleFactory.create_batch(
        10, published_at=datetime(2018, 5, 1, tzinfo=paris), tag_names=["crm", "cx"]
    )

    with django_assert_num_queries(5):
        client.get("/archives/2018/")


@pytest.mark.parametrize("year", ["1850", "2017", "99999"])
def test_year_page_without_articles_answers_404(client, magazine, year):
    assert client.get(f"/archives/{year}/").status_code == 404


def test_section_without_published_articles_answers_404(client, magazine):
    SectionFactory(name="Tribune")

    assert client.get("/rubriques/tribune/").status_code == 404


def test_cards_show_authors_in_byline_order_and_tags_by_name(client, db):
    first, second = AuthorFactory(name="Zoé Dernier"), AuthorFactory(name="Anne Première")
    article = ArticleFactory(authors=[first, second], tag_names=["offshore", "bpo", "crm"])

    card = client.get("/articles/").context["articles"][0]

    assert (
        [(author.name, author.get_absolute_url()) for author in card.byline_links],
        [(tag.name, tag.get_absolute_url()) for tag in card.tag_links],
    ) == (
        [
            ("Zoé Dernier", first.get_absolute_url()),
            ("Anne Première", second.get_absolute_url()),
        ],
        [(name, f"/mots-cles/{name}/") for name in ["bpo", "crm", "offshore"]],
    )
    assert article.get_absolute_url() in client.get("/articles/").text


def test_card_links_reach_every_copy_of_an_article_and_cost_nothing_when_empty(
    db, django_assert_num_queries
):
    """The home page passes an article twice (latest and the issue's contents)."""
    ArticleFactory(tag_names=["crm"], authors=[AuthorFactory(name="Manuel Jacquinet")])
    one, again = Article.objects.all(), Article.objects.all()
    copies = [one[0], again[0]]

    with django_assert_num_queries(2):
        with_card_links(copies)
    with django_assert_num_queries(0):
        with_card_links([])

    assert [([a.name for a in c.byline_links], [t.name for t in c.tag_links]) for c in copies] == [
        (["Manuel Jacquinet"], ["crm"])
    ] * 2
