"""A reader opens an article with its lead image and Markdown body, on a phone and a desktop.

Drives Debian's Chromium with Playwright against the live server; images arrive late on
purpose, and the page must not move when they do. Takes the README's screenshots of an
article with its image (docs/screenshots/reader-image-*.png, with UPDATE_SCREENSHOTS=1).
"""

import time
from datetime import datetime
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory

pytestmark = pytest.mark.browser

WIDTHS = {"phone": (390, 844), "desktop": (1280, 860)}

BODY = """Casablanca compte désormais plus de **60 000 téléconseillers**[^1], et les donneurs \
d'ordre français y confient une part croissante de leurs appels entrants.

## Des plateaux qui montent en gamme

La qualité de service progresse, les salaires aussi. Trois raisons reviennent chez les \
directeurs de centres que nous avons rencontrés :

- la formation, désormais assurée sur place ;
- des outils de *CRM* partagés avec le client ;
- une rotation des équipes enfin maîtrisée.

> « Nous ne vendons plus des minutes, nous vendons de la satisfaction client. »

## Et demain ?

Le [baromètre de l'offshore](https://www.en-contact.fr/) publié chaque année par la rédaction \
le confirme : la zone reste attractive.

[^1]: Selon les chiffres de la fédération marocaine de l'outsourcing, 2018."""

# The page's layout shifts since it started, as Chromium measures them (CLS).
RECORD_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""


def photo():
    """A generated picture of a call centre's floor: rows of desks under a sky-blue wall."""
    image = Image.new("RGB", (1600, 1000), "#cfe3f2")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 620, 1600, 1000), fill="#5b6770")
    for row in range(3):
        top = 520 + row * 150
        for column in range(7):
            left = 80 + column * 215 + row * 20
            draw.rectangle((left, top, left + 150, top + 60), fill="#f4f1ea")
            draw.rectangle((left + 45, top - 70, left + 105, top - 10), fill="#1d4e89")
            draw.ellipse((left + 55, top - 130, left + 95, top - 90), fill="#9b1c24")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="plateau-casablanca.jpg")


@pytest.fixture
def pictured_article(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ArticleFactory(
        title="Casablanca, capitale des centres de contact",
        standfirst="Les plateaux marocains montent en gamme et attirent les donneurs d'ordre.",
        body=BODY,
        image=photo(),
        image_alt="Des rangées de postes de téléconseillers sur un plateau",
        image_caption="Un plateau d'appels entrants à Casablanca.",
        photo_credit="Studio Lumière",
        section=SectionFactory(name="Reportage"),
        issue=IssueFactory(number=84, title="Spécial offshore"),
        authors=[AuthorFactory(name="Romaine Klein", role="Journaliste")],
        tag_names=["offshore", "CRM"],
        published_at=datetime(2018, 4, 25, 9, 42, tzinfo=timezone.get_current_timezone()),
    )


def late(route):
    """Images arrive after the text, as on a slow connection."""
    time.sleep(0.4)
    route.continue_()


@pytest.mark.parametrize("device", WIDTHS)
def test_reader_sees_the_lead_image_and_the_formatted_body_without_the_page_moving(
    live_server, pictured_article, chromium, screenshots, device
):
    width, height = WIDTHS[device]
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="fr-FR")
    page.add_init_script(RECORD_SHIFTS)
    page.route("**/media/**", late)

    page.goto(live_server.url + pictured_article.get_absolute_url())
    lead = page.locator(".lead-image img")
    lead.evaluate("image => image.decode()")
    box = lead.bounding_box()
    shown = lead.evaluate("image => [image.naturalWidth, image.currentSrc.includes('/media/')]")
    body = page.locator(".article-body")
    formatted = (
        body.locator("h2").all_inner_texts(),
        body.locator("li").count(),
        body.locator("blockquote").count(),
        body.locator("strong").inner_text(),
        body.locator(".footnotes li").count(),
    )
    caption = page.locator(".lead-image figcaption").inner_text()
    page.screenshot(path=screenshots / f"reader-image-{device}.png", full_page=True)
    shift = page.evaluate("window.layoutShift")

    assert (
        shown[0] > 0,
        shown[1],
        round(box["height"] * 16 / box["width"]),  # the image's 16:10
        formatted,
        caption,
        shift,
    ) == (
        True,
        True,
        10,
        (["Des plateaux qui montent en gamme", "Et demain ?"], 4, 1, "60 000 téléconseillers", 1),
        "Un plateau d'appels entrants à Casablanca. Photo : Studio Lumière",
        0,
    )
