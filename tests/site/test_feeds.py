"""Atom and RSS feeds, sitemap.xml and robots.txt: well-formed, complete, and public only."""

from xml.etree import ElementTree

import pytest

from articles.models import TaggedArticle
from tests.factories import ArticleFactory

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PUBLISHED = [f"Article publié {n}" for n in range(5)]


def rss_titles(response):
    channel = ElementTree.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.iter("item")]


def atom_titles(response):
    feed = ElementTree.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def sitemap_paths(response):
    root = ElementTree.fromstring(response.content)
    return {loc.text.removeprefix("http://testserver") for loc in root.iter(f"{SITEMAP}loc")}


def test_rss_feed_lists_published_articles_newest_first(client, magazine):
    response = client.get("/flux/rss/")

    assert (response["Content-Type"], rss_titles(response)) == (
        "application/rss+xml; charset=utf-8",
        PUBLISHED,
    )


def test_atom_feed_lists_published_articles_newest_first(client, magazine):
    response = client.get("/flux/atom/")

    assert (response["Content-Type"], atom_titles(response)) == (
        "application/atom+xml; charset=utf-8",
        PUBLISHED,
    )


def test_rss_item_carries_link_date_authors_and_tags(client, magazine):
    channel = ElementTree.fromstring(client.get("/flux/rss/").content).find("channel")
    item = channel.find("item[title='Article publié 1']")

    assert (
        item.findtext("link"),
        item.findtext("{http://purl.org/dc/elements/1.1/}creator"),
        [category.text for category in item.findall("category")],
        bool(item.findtext("pubDate")),
    ) == (
        "http://testserver/articles/article-publie-1/",
        "Manuel Jacquinet, Romaine Klein",
        ["crm", "offshore"],
        True,
    )


def test_atom_entry_of_an_undated_archive_piece_still_has_its_updated_date(client, db):
    ArticleFactory(title="Archive sans date", published_at=None)
    feed = ElementTree.fromstring(client.get("/flux/atom/").content)

    entry = feed.find(f"{ATOM}entry")

    assert (entry.findtext(f"{ATOM}published"), bool(entry.findtext(f"{ATOM}updated"))) == (
        None,
        True,
    )


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_tag_feed_lists_the_tags_published_articles(client, magazine, kind):
    response = client.get(f"/flux/mots-cles/offshore/{kind}/")
    titles = rss_titles(response) if kind == "rss" else atom_titles(response)

    assert titles == PUBLISHED[:3]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_author_feed_lists_the_authors_published_articles(client, magazine, kind):
    response = client.get(f"/flux/auteurs/manuel-jacquinet/{kind}/")
    titles = rss_titles(response) if kind == "rss" else atom_titles(response)

    assert titles == ["Article publié 1", "Article publié 3"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_issue_feed_lists_the_issue_in_its_order(client, magazine, kind):
    response = client.get(f"/flux/numeros/84/{kind}/")
    titles = rss_titles(response) if kind == "rss" else atom_titles(response)

    assert titles == PUBLISHED


def test_feed_lists_suggested_tags_among_categories(client, magazine):
    TaggedArticle.objects.filter(tag__name="offshore").update(suggested=True)
    channel = ElementTree.fromstring(client.get("/flux/rss/").content).find("channel")

    item = channel.find("item[title='Article publié 1']")

    assert sorted(category.text for category in item.findall("category")) == ["crm", "offshore"]


@pytest.mark.parametrize(
    "url",
    ["/flux/mots-cles/inconnu/rss/", "/flux/auteurs/personne/atom/", "/flux/numeros/999/rss/"],
)
def test_feed_of_an_unknown_object_answers_404(client, magazine, url):
    assert client.get(url).status_code == 404


def test_feed_runs_a_fixed_number_of_queries(client, magazine, django_assert_num_queries):
    ArticleFactory.create_batch(20, tag_names=["crm", "cx"], authors=[magazine["author"]])

    # tag · articles · bylines · tags
    with django_assert_num_queries(4):
        client.get("/flux/mots-cles/crm/atom/")


def test_sitemap_lists_public_pages_only(client, magazine):
    paths = sitemap_paths(client.get("/sitemap.xml"))

    assert paths == {
        "/",
        "/articles/",
        "/numeros/",
        "/rubriques/",
        "/auteurs/",
        "/mots-cles/",
        *(f"/articles/article-publie-{n}/" for n in range(5)),
        "/numeros/84/",
        "/rubriques/edito/",
        "/auteurs/manuel-jacquinet/",
        "/auteurs/romaine-klein/",
        "/mots-cles/crm/",
        "/mots-cles/offshore/",
    }


def test_sitemap_runs_a_fixed_number_of_queries(client, magazine, django_assert_num_queries):
    ArticleFactory.create_batch(20, tag_names=["crm", "cx"], authors=[magazine["author"]])

    with django_assert_num_queries(5):
        client.get("/sitemap.xml")


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_back_office(client, db):
    response = client.get("/robots.txt")

    assert (
        response["Content-Type"],
        "Disallow: /admin/" in response.text,
        "Disallow: /apercu/" in response.text,
        "Sitemap: http://testserver/sitemap.xml" in response.text,
    ) == ("text/plain; charset=utf-8", True, True, True)
