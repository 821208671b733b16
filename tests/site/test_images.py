"""Lead images: made in three widths when saved, shown on cards, pages, Open Graph, JSON-LD
and feeds, with nothing read from the files while a page is served."""

import json
import re

import pytest
from imagekit import ImageSpec
from PIL import Image

from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    IssueFactory,
    SectionFactory,
    file_access_forbidden,
    image_file,
)


@pytest.fixture
def pictured(media, db):
    """A published article with a 1600 × 1000 lead image, in a section, issue, tag and author."""
    return ArticleFactory(
        title="Le plateau de Casablanca",
        image=image_file("plateau.jpg", (1600, 1000)),
        image_alt="Un plateau d'appels vu d'en haut",
        image_caption="Le plateau, un matin de mars.",
        photo_credit="Studio Lumière",
        section=SectionFactory(name="Reportage"),
        issue=IssueFactory(number=90),
        authors=[AuthorFactory(name="Romaine Klein")],
        tag_names=["offshore"],
    )


def version_urls(article):
    return [file.url for file, _size in article.lead_image.versions]


def test_three_widths_are_made_when_the_image_is_saved(pictured, media):
    sizes = [Image.open(media / file.name).size for file, _size in pictured.lead_image.versions]

    assert (sizes, [size for _file, size in pictured.lead_image.versions]) == (
        [(400, 250), (800, 500), (1200, 750)],
        [(400, 250), (800, 500), (1200, 750)],
    )


def test_a_small_image_is_one_version_never_enlarged(media, db):
    article = ArticleFactory(image=image_file("petit.png", (300, 200)), image_alt="Petit")
    (file, size), *others = article.lead_image.versions

    assert (Image.open(media / file.name).size, size, others) == ((300, 200), (300, 200), [])


def card_image(text, article):
    small, medium, large = version_urls(article)
    return (
        f'<img src="{small}" srcset="{small} 400w, {medium} 800w, {large} 1200w" '
        'sizes="(min-width: 64rem) 26rem, (min-width: 40rem) 50vw, 100vw" width="400" '
        'height="250" alt="Un plateau d&#x27;appels vu d&#x27;en haut" loading="lazy" '
        'decoding="async">'
    ) in text


@pytest.mark.parametrize(
    "page",
    [
        lambda a: "/",
        lambda a: "/articles/",
        lambda a: "/recherche/?q=Casablanca",
        lambda a: a.section.get_absolute_url(),
        lambda a: a.issue.get_absolute_url(),
        lambda a: a.tags.get().get_absolute_url(),
        lambda a: a.authors.get().get_absolute_url(),
        lambda a: f"/archives/{a.published_at.year}/",
    ],
    ids=["home", "list", "search", "section", "issue", "tag", "author", "year"],
)
def test_cards_show_the_lead_image_lazily_at_its_size(client, pictured, page):
    assert card_image(client.get(page(pictured)).text, pictured) is True


def test_article_page_shows_the_image_with_caption_and_credit(client, pictured):
    text = client.get(pictured.get_absolute_url()).text
    small, medium, large = version_urls(pictured)

    assert [
        f'<img src="{medium}" srcset="{small} 400w, {medium} 800w, {large} 1200w" '
        'sizes="(min-width: 44rem) 40rem, 100vw" width="800" height="500" '
        'alt="Un plateau d&#x27;appels vu d&#x27;en haut" decoding="async">' in text,
        "<figcaption>Le plateau, un matin de mars. "
        '<span class="credit">Photo : Studio Lumière</span></figcaption>' in text,
        text.count('class="credit"'),
    ] == [True, True, 1]


def test_open_graph_and_json_ld_share_the_largest_version(client, pictured):
    text = client.get(pictured.get_absolute_url()).text
    large = "http://testserver" + version_urls(pictured)[-1]
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', text, re.S).group(1))

    assert [
        f'<meta property="og:image" content="{large}">' in text,
        '<meta property="og:image:width" content="1200">' in text,
        '<meta property="og:image:height" content="750">' in text,
        '<meta property="og:image:alt" content="Un plateau d&#x27;appels vu d&#x27;en haut">'
        in text,
        data["image"],
    ] == [
        True,
        True,
        True,
        True,
        {
            "@type": "ImageObject",
            "url": large,
            "width": 1200,
            "height": 750,
            "caption": "Le plateau, un matin de mars.",
            "creditText": "Studio Lumière",
        },
    ]


def test_feed_items_carry_the_image_as_an_enclosure(client, pictured):
    large = "http://testserver" + version_urls(pictured)[-1]

    assert (
        f'<enclosure length="0" type="image/jpeg" url="{large}"/>' in client.get("/flux/rss/").text,
        f'<link href="{large}" length="0" rel="enclosure" type="image/jpeg"/>'
        in client.get("/flux/atom/").text,
    ) == (True, True)


def test_an_article_without_image_has_no_image_frame(client, db):
    article = ArticleFactory(title="Sans image", photo_credit="Archives En-Contact")
    card = client.get("/articles/").text
    page = client.get(article.get_absolute_url()).text

    assert (
        "<img" in card,
        "card-image" in card,
        "<figure" in page,
        "og:image" in page,
        '<p class="credit">Photo : Archives En-Contact</p>' in page,
        "<enclosure" in client.get("/flux/rss/").text,
    ) == (False, False, False, False, True, False)


def test_pages_never_read_nor_write_an_image_file(client, pictured):
    """Versions were made at save time: serving a page only builds their addresses."""
    urls = [
        *("/", "/articles/", "/mots-cles/offshore/", pictured.get_absolute_url()),
        *("/flux/rss/", "/flux/atom/", "/flux/mots-cles/offshore/rss/"),
    ]
    with file_access_forbidden() as untouchable:
        statuses = [client.get(url).status_code for url in urls]

    assert (statuses, untouchable.call_count) == ([200] * 7, 0)


def test_a_row_without_its_image_size_never_reads_the_file(client, pictured, media):
    """Only raw SQL or a bulk update can empty the size: pages go on without the file."""
    type(pictured).objects.filter(pk=pictured.pk).update(image_width=None, image_height=None)
    (media / pictured.image.name).unlink()
    with file_access_forbidden() as untouchable:
        statuses = [client.get(url).status_code for url in ("/", pictured.get_absolute_url())]
        sizes = [size for _file, size in type(pictured).objects.get().lead_image.versions]

    assert (statuses, untouchable.call_count, sizes) == (
        [200, 200],
        0,
        [(400, 266), (800, 533), (1200, 800)],
    )


def test_an_image_given_to_a_saved_article_is_measured(pictured):
    pictured.image = image_file("portrait.jpg", (600, 900))
    pictured.save()
    pictured.refresh_from_db()

    assert (pictured.image_width, pictured.image_height) == (600, 900)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/", 7),
        ("/articles/", 6),
        ("/mots-cles/crm/", 6),
        ("/flux/rss/", 3),
        ("/flux/mots-cles/crm/atom/", 4),
    ],
    ids=["home", "list", "tag", "feed", "tag_feed"],
)
def test_images_cost_no_query(client, media, magazine, django_assert_num_queries, url, queries):
    """The counts pinned in test_views_list and test_feeds, with pictured cards (the article
    page's below)."""
    for n in range(12):
        ArticleFactory(
            image=image_file(f"photo-{n}.jpg", (900, 600)),
            image_alt=f"Photo {n}",
            tag_names=["crm"],
            authors=[magazine["author"]],
        )

    with django_assert_num_queries(queries):
        response = client.get(url)

    assert response.text.count("photo-") >= 12


def test_article_page_with_an_image_costs_no_query(client, pictured, django_assert_num_queries):
    # article · bylines · tags · related · issue neighbours, as pinned in test_views_article
    with django_assert_num_queries(5):
        response = client.get(pictured.get_absolute_url())

    assert "<figure" in response.text


def test_version_names_are_imagekits_own_digest(pictured):
    """The memoised digest (articles.images.Version) names files as imagekit would."""
    version = pictured.image_small.generator

    assert (
        version.get_hash(),
        pictured.image_small.name.endswith(f"/{version.get_hash()}.jpg"),
    ) == (
        ImageSpec.get_hash(version),
        True,
    )
