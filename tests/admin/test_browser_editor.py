"""An editor fixes an imported article's author, publishes it and finds it on the public site.

Drives Debian's Chromium with Playwright against the live server, and takes the screenshots
of the back office shown in the README (docs/screenshots/admin-*.png, with UPDATE_SCREENSHOTS=1).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, TaggedArticle
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory, TagFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def imported_article():
    """A newsroom's week, and an article the importer signed with the wrong name."""
    now = timezone.now()
    jacquinet = AuthorFactory(name="Manuel Jacquinet", role="Directeur de la rédaction")
    klein = AuthorFactory(name="Romaine Klein")
    issue = IssueFactory(number=84, title="Spécial offshore")
    news = SectionFactory(name="Actualité")
    for n, (title, tags) in enumerate(
        [
            ("Offshore : le Maroc attire les centres de contact", ["offshore", "BPO"]),
            ("La téléphonie sur IP gagne les plateaux", ["téléphonie", "CRM"]),
            ("Recruter des téléconseillers en 2018", ["ressources humaines"]),
            ("Des paroles à la réalité", ["centres d'appels"]),
        ]
    ):
        ArticleFactory(
            title=title,
            issue=issue,
            section=news,
            authors=[klein if n % 2 else jacquinet],
            tag_names=tags,
            published_at=now - timedelta(days=n + 1),
        )
    ArticleFactory(
        title="Le CRM à l'heure de l'IA",
        status=Article.Status.PUBLISHED,
        published_at=now + timedelta(days=3),
        authors=[klein],
        tag_names=["CRM"],
    )
    wrong = AuthorFactory(name="Par la rédaction", role="")
    article = ArticleFactory(
        title="A most violent year",
        status=Article.Status.REVIEW,
        published_at=None,
        issue=issue,
        section=SectionFactory(name="Édito"),
        standfirst="Pourquoi vos campagnes ne déclenchent plus de réponses.",
        authors=[wrong],
        tag_names=["économie de l'attention"],
        needs_review=True,
        import_warnings=["Signature douteuse : « Par la rédaction » n'est pas un nom de personne."],
        source_file="001_bddfb86fe70a540c.txt",
        source_position=0,
        source_text="A most violent year\n\nPublié le 25 avril 2018 à 09:42 par la rédaction\n…",
    )
    TaggedArticle.objects.create(
        content_object=article, tag=TagFactory(name="marketing"), suggested=True
    )
    return article


def test_editor_fixes_an_imported_author_publishes_and_sees_it_online(
    live_server, editor, imported_article, chromium, screenshots
):
    page = chromium.new_page(viewport={"width": 1440, "height": 900}, locale="fr-FR")

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("eve")
    page.get_by_label("Mot de passe").fill("pw-editor-123")
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url("**/admin/")  # the login's redirect, before leaving the page
    page.goto(live_server.url + "/admin/articles/article/")
    page.locator("#toggle-nav-sidebar").click()  # remembered: the list gets the whole width
    page.goto(live_server.url + "/admin/articles/article/")
    page.screenshot(path=screenshots / "admin-article-list.png")

    page.get_by_role("link", name="A most violent year").click()
    page.locator("#article_form").wait_for()
    page.screenshot(path=screenshots / "admin-article-form.png")
    page.locator("#id_bylines-0-author + .select2").click()
    page.locator(".select2-search__field").fill("Jacq")
    page.locator(".select2-results__option", has_text="Manuel Jacquinet").click()
    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Enregistrer et marquer comme relu").click()
    saved = page.locator(".messagelist").inner_text()

    page.goto(live_server.url + f"/articles/{imported_article.slug}/")
    title = page.get_by_role("heading", level=1).inner_text()
    online = page.locator("main").inner_text()

    assert "Article marqué comme relu" in saved
    assert (title, "Manuel Jacquinet" in online, "Par la rédaction" in online) == (
        "A most violent year",
        True,
        False,
    )
