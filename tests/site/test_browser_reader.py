"""A reader on a phone and on a desktop: filters by two tags, reads, searches without accents.

Drives Debian's Chromium with Playwright against the live server, and takes the screenshots
shown in the README (docs/screenshots/reader-*.png, with UPDATE_SCREENSHOTS=1).
"""

from datetime import datetime, timedelta
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from articles.bodies import from_plain_text
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory

WIDTHS = {"phone": (390, 844), "desktop": (1280, 860)}

INTERVIEW = """Bonjour Emmanuel, votre entreprise est spécialisée dans la relation client. \
Comment voyez-vous l'évolution des centres d'appels ?

Le centre d'appels des années 80 est mort. Les clients passent d'un canal à l'autre, \
la téléphonie n'est plus qu'un point de contact parmi d'autres.

Et l'offshore dans tout cela ?

Il reste pertinent pour certaines activités, à condition d'investir dans la formation \
des téléconseillers et dans des outils de CRM partagés.

* Propos recueillis en avril 2018.

PS : retrouvez l'intégralité de l'entretien dans le numéro 84."""


def cover_image(number):
    """A plain generated cover, so the home page shows one without any real asset."""
    image = Image.new("RGB", (240, 320), "#9b1c24")
    draw = ImageDraw.Draw(image)
    draw.rectangle((16, 16, 224, 304), outline="#ffffff", width=3)
    draw.text((32, 40), "En-Contact", fill="#ffffff")
    draw.text((32, 260), f"N° {number}", fill="#ffffff")
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name=f"couverture-{number}.png")


@pytest.fixture
def magazine_for_readers(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Fixed dates, so that the screenshots only change when the pages do.
    now = datetime(2018, 4, 25, 9, 42, tzinfo=timezone.get_current_timezone())
    jacquinet = AuthorFactory(name="Manuel Jacquinet", role="Directeur de la rédaction")
    klein = AuthorFactory(name="Romaine Klein", role="Journaliste")
    issue = IssueFactory(number=84, title="Spécial offshore", cover=cover_image(84))
    interview, edito, news = (
        SectionFactory(name=name) for name in ("Interview", "Édito", "Actualité")
    )
    pieces = [
        (
            "Le centre d'appel des années 80 est mort",
            interview,
            ["CRM", "offshore", "centres d'appels"],
            "Entretien exclusif avec Emmanuel Mignot, fondateur d'eb-Lab.",
            INTERVIEW,
        ),
        (
            "A most violent year",
            edito,
            ["économie de l'attention"],
            "Pourquoi vos campagnes ne déclenchent plus de réponses.",
            "Vous n'avez simplement pas entendu parler de l'économie de l'attention.\n\n"
            "Nous avons tous accès à plus d'informations que nous ne pouvons en lire.",
        ),
        (
            "Offshore : le Maroc attire les centres de contact",
            news,
            ["offshore", "CRM"],
            "Casablanca et Rabat accueillent de nouveaux plateaux.",
            "Les donneurs d'ordre français confient leurs appels entrants à des plateaux "
            "marocains.\n\nLa qualité de service progresse, les salaires aussi.",
        ),
        (
            "La téléphonie sur IP gagne les plateaux",
            news,
            ["téléphonie", "CRM"],
            "La voix sur IP devient la norme dans les centres d'appels.",
            "La téléphonie sur IP réduit les coûts et simplifie le routage des appels.\n\n"
            "Les éditeurs de CRM intègrent désormais la téléphonie à leurs outils.",
        ),
        (
            "Des paroles à la réalité",
            edito,
            ["centres d'appels"],
            "Le passage du centre de coûts au centre de profit devient réalité.",
            "Depuis le temps que l'on en parle, le centre de profit arrive enfin.",
        ),
        (
            "Recruter des téléconseillers en 2018",
            news,
            ["ressources humaines", "centres d'appels"],
            "Les plateaux peinent à recruter et à fidéliser.",
            "Le métier de téléconseiller attire peu ; la formation fait la différence.",
        ),
    ]
    for n, (title, section, tags, standfirst, body) in enumerate(pieces):
        ArticleFactory(
            title=title,
            standfirst=standfirst,
            body=from_plain_text(body),  # archive text, as the importer stores it
            kind=Article.Kind.INTERVIEW if section == interview else Article.Kind.ARTICLE,
            interviewee="Emmanuel Mignot" if section == interview else "",
            section=section,
            issue=issue,
            issue_position=n,
            published_at=now - timedelta(days=2 * n + 1),
            authors=[jacquinet] if section == edito else [klein],
            tag_names=tags,
        )
    ArticleFactory(
        title="Une réelle industrie",
        kind=Article.Kind.EDITO,
        section=edito,
        standfirst="De multiples signaux convergent.",
        authors=[jacquinet],
        published_at=now - timedelta(hours=6),
        tag_names=["centres d'appels"],
    )


@pytest.mark.browser
@pytest.mark.parametrize("device", WIDTHS)
def test_reader_filters_by_two_tags_reads_and_searches_without_accents(
    live_server, magazine_for_readers, chromium, screenshots, device
):
    width, height = WIDTHS[device]
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="fr-FR")

    page.goto(live_server.url + "/")
    page.screenshot(path=screenshots / f"reader-home-{device}.png")
    home_heading = page.get_by_role("heading", name="Derniers articles").is_visible()

    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Articles"
    ).click()
    page.wait_for_url("**/articles/")  # each click waits for its page before it is read
    facets = page.get_by_role("region", name="Affiner par mot-clé")
    facets.get_by_role("link", name="CRM").click()
    page.wait_for_url("**/articles/?*tag=crm*")
    page.get_by_role("region", name="Affiner par mot-clé").get_by_role(
        "link", name="offshore"
    ).click()
    page.wait_for_url("**/articles/?*tag=offshore*")
    chips = page.locator(".chips .chip-label").all_inner_texts()
    listed = page.locator(".listing-results .card-title").all_inner_texts()
    page.screenshot(path=screenshots / f"reader-list-{device}.png")

    page.get_by_role("link", name="Le centre d'appel des années 80 est mort").click()
    page.wait_for_url("**/articles/*-*/")
    title = page.get_by_role("heading", level=1).inner_text()
    questions = page.locator(".article-body .question").count()
    page.screenshot(path=screenshots / f"reader-article-{device}.png")

    page.get_by_label("Rechercher dans le magazine").fill("telephonie")
    page.get_by_label("Rechercher dans le magazine").press("Enter")
    page.wait_for_url("**/recherche/?q=telephonie*")  # a submitted form is not awaited
    found = page.locator(".listing-results .card-title").all_inner_texts()
    marks = page.locator(".excerpt mark").all_inner_texts()
    page.screenshot(path=screenshots / f"reader-search-{device}.png")

    assert (home_heading, chips, listed) == (
        True,
        ["CRM", "offshore"],
        [
            "Le centre d'appel des années 80 est mort",
            "Offshore : le Maroc attire les centres de contact",
        ],
    )
    assert (title, questions) == ("Le centre d'appel des années 80 est mort", 2)
    assert (found[0], {mark.lower() for mark in marks}) == (
        "La téléphonie sur IP gagne les plateaux",
        {"téléphonie"},
    )
