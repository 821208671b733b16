"""A reader finds their way by the magazine's indexes: issues, authors, subjects, sections.

Drives Debian's Chromium with Playwright against the live server, and takes the screenshots of
/numeros/ shown in the README (docs/screenshots/reader-issues-*.png, with UPDATE_SCREENSHOTS=1).
"""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory
from tests.site.test_browser_reader import WIDTHS, cover_image

ISSUES = [
    # number, title, date, with a cover, articles
    (84, "Spécial offshore", date(2018, 4, 1), True, 4),
    (83, "Les métiers de la relation client", date(2018, 1, 15), True, 3),
    (82, "Intelligence artificielle : la voix du client", date(2017, 10, 2), False, 5),
    (81, "Nearshore, le retour", date(2017, 6, 12), True, 2),
    (80, "Les 30 ans du centre d'appels", date(2017, 3, 1), False, 3),
    (79, "", date(2016, 11, 20), False, 2),
    (78, "Le guide des salons", date(2016, 9, 5), False, 1),
]


@pytest.fixture
def magazine_for_readers(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # Fixed dates, so that the screenshots only change when the pages do.
    now = datetime(2018, 4, 25, 9, 42, tzinfo=timezone.get_current_timezone())
    authors = [
        AuthorFactory(name="Manuel Jacquinet", role="Directeur de la rédaction"),
        AuthorFactory(name="Romaine Klein", role="Journaliste"),
        AuthorFactory(name="Élodie Durand", role="Consultante"),
    ]
    sections = [SectionFactory(name=name) for name in ("Édito", "Interview", "Actualité")]
    tags = ["offshore", "CRM", "centres d'appels", "téléphonie", "ressources humaines"]
    n = 0
    for number, title, day, with_cover, count in ISSUES:
        issue = IssueFactory(
            number=number,
            title=title,
            published_on=day,
            cover=cover_image(number) if with_cover else "",
        )
        for position in range(count):
            n += 1
            ArticleFactory(
                title=f"Article {n} du numéro {number}",
                issue=issue,
                issue_position=position,
                section=sections[n % 3],
                authors=[authors[n % 3]],
                tag_names=tags[: 1 + n % len(tags)],
                published_at=now - timedelta(days=10 * n),
            )


@pytest.mark.browser
@pytest.mark.parametrize("device", WIDTHS)
def test_reader_browses_issues_authors_subjects_and_sections(
    live_server, magazine_for_readers, chromium, screenshots, device
):
    width, height = WIDTHS[device]
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="fr-FR")
    nav = page.get_by_role("navigation", name="Navigation principale")

    page.goto(live_server.url + "/")
    nav.get_by_role("link", name="Numéros").click()
    page.wait_for_url("**/numeros/")
    current = page.locator(".current-issue .issue-tile-title").inner_text()
    years = page.locator("main h2.section-title").all_inner_texts()
    placeholders = page.locator(".cover-placeholder").count()
    covers_loaded = page.evaluate(
        "[...document.querySelectorAll('.issue-tile-cover img')].every(i => i.naturalWidth > 0)"
    )
    page.screenshot(path=screenshots / f"reader-issues-{device}.png", full_page=True)

    page.get_by_role("link", name="N° 82 Intelligence artificielle").click()
    page.wait_for_url("**/numeros/82/")  # each click below waits for its page before reading it
    contents = page.locator(".issue-contents .card-title").all_inner_texts()
    page.get_by_role("navigation", name="Fil d'Ariane").get_by_role("link", name="Numéros").click()
    page.wait_for_url("**/numeros/")
    back_on_issues = page.url.endswith("/numeros/")

    nav.get_by_role("link", name="Auteurs").click()
    page.wait_for_url("**/auteurs/")
    authors = page.locator(".person-name").all_inner_texts()
    page.get_by_role("link", name="Manuel Jacquinet").click()
    page.wait_for_url("**/auteurs/*/")
    author_title = page.get_by_role("heading", level=1).inner_text()

    nav.get_by_role("link", name="Mots-clés").click()
    page.wait_for_url("**/mots-cles/")
    most_used = page.locator("ol.tag-cloud a").first.inner_text()
    page.get_by_role("link", name="De A à Z").click()
    page.get_by_role("navigation", name="Initiales").get_by_role("link", name="T").click()
    page.locator("section", has=page.get_by_role("heading", name="T", exact=True)).get_by_role(
        "link", name="téléphonie"
    ).click()
    page.wait_for_url("**/mots-cles/t*/")
    tag_title = page.get_by_role("heading", level=1).inner_text()

    nav.get_by_role("link", name="Rubriques").click()
    page.get_by_role("link", name="Interview").click()
    page.wait_for_url("**/rubriques/*/")
    section_crumbs = page.get_by_role("navigation", name="Fil d'Ariane").inner_text()

    assert (current.split("\n"), years, placeholders, covers_loaded) == (
        ["N° 84", "Spécial offshore"],
        ["Le numéro en cours", "2018", "2017", "2016"],
        4,
        True,
    )
    assert (contents[:2], back_on_issues) == (
        ["Article 8 du numéro 82", "Article 9 du numéro 82"],
        True,
    )
    assert (authors, author_title) == (
        ["Élodie Durand", "Manuel Jacquinet", "Romaine Klein"],
        "Manuel Jacquinet",
    )
    assert (most_used.split()[0], tag_title) == ("offshore", "téléphonie")
    assert section_crumbs.split("\n") == ["À la une", "Rubriques", "Interview"]
