"""The site and the back office work under the Content Security Policy, in a real browser.

Debian's Chromium, driven by Playwright against the live server, visits the reader's pages and
the editor's, and reports every `securitypolicyviolation` event, console error and uncaught
exception; there must be none. The policy (encontact/settings.py) allows scripts and styles
from the site itself only: no inline script, no `style` attribute, no handler attribute.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, TaggedArticle
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory, TagFactory

# Data fixtures come before `chromium`: Playwright's loop makes Django refuse queries after it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# Reported to Python as they happen, so that a violation on a page left at once still counts.
WATCH_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || document.location.pathname}:${event.lineNumber}) ${event.sample}`
  );
});
"""


class Watcher:
    """A browser page that remembers what went wrong, and where."""

    def __init__(self, browser, base_url):
        self.base_url = base_url
        self.problems = []
        self.policies = set()
        self.where, self.expected_error = "", False
        self.page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="fr-FR")
        self.page.expose_function("reportViolation", lambda text: self.note("CSP", text))
        self.page.add_init_script(WATCH_VIOLATIONS)
        self.page.on("console", self.console)
        self.page.on("pageerror", lambda error: self.note("exception", str(error)))

    def note(self, kind, text):
        self.problems.append(f"{self.where}: {kind}: {text}")

    def console(self, message):
        source = message.location.get("url", "").removeprefix(self.base_url)
        # Chrome logs a page's own error status; `visit()` checks that status itself.
        own_status = source == self.where and message.text.startswith("Failed to load resource")
        if own_status and self.expected_error:
            return
        if message.type in ("error", "warning") or "Content Security Policy" in message.text:
            self.note(f"console {message.type}", f"{message.text} [{source}]")

    def visit(self, path, status=200):
        self.where, self.expected_error = path, status >= 400
        response = self.page.goto(self.base_url + path)
        self.policies.add(response.headers.get("content-security-policy", ""))
        self.page.wait_for_load_state("networkidle")
        if response.status != status:
            self.note("status", f"{response.status} instead of {status}")


@pytest.fixture
def magazine():
    now = timezone.now()
    jacquinet = AuthorFactory(name="Manuel Jacquinet", role="Directeur de la rédaction")
    issue = IssueFactory(number=84, title="Spécial offshore", editorial="Un numéro dense.")
    section = SectionFactory(name="Actualité")
    articles = [
        ArticleFactory(
            title=title,
            body="Les téléconseillers et le CRM.\n\nUn second paragraphe.",
            authors=[jacquinet],
            tag_names=["CRM", "offshore"],
            issue=issue,
            issue_position=n,
            section=section,
            published_at=now - timedelta(days=n + 1),
        )
        for n, title in enumerate(
            ["Offshore : le Maroc attire les centres de contact", "La téléphonie sur IP"]
        )
    ]
    doubtful = ArticleFactory(
        title="A most violent year",
        status=Article.Status.REVIEW,
        authors=[AuthorFactory(name="Par la rédaction")],
        issue=issue,
        needs_review=True,
        import_warnings=["Signature douteuse."],
        source_file="001.txt",
        source_position=0,
        source_text="A most violent year\n\nPublié le 25 avril 2018 à 09:42…",
    )
    TaggedArticle.objects.create(
        content_object=doubtful, tag=TagFactory(name="marketing"), suggested=True
    )
    doubtful.title = "A most violent year (relu)"
    doubtful.save()
    return {
        "article": articles[0],
        "doubtful": doubtful,
        "issue": issue,
        "first_revision": doubtful.history.earliest().history_id,
        "tag": TagFactory(name="inutilisé"),
    }


def test_reader_pages_raise_no_csp_violation_or_console_error(live_server, magazine, chromium):
    watcher = Watcher(chromium, live_server.url)

    for path in [
        "/",
        "/articles/",
        "/articles/?tag=crm&tag=offshore",
        magazine["article"].get_absolute_url(),
        "/recherche/?q=telephonie",
        magazine["issue"].get_absolute_url(),
        "/mots-cles/crm/",
    ]:
        watcher.visit(path)
    watcher.visit("/page-inconnue/", status=404)
    watcher.where = "search box"
    watcher.page.get_by_label("Rechercher dans le magazine").fill("offshore")
    watcher.page.get_by_label("Rechercher dans le magazine").press("Enter")
    watcher.page.wait_for_load_state("networkidle")

    assert ("script-src 'self'" in "".join(watcher.policies), watcher.problems) == (True, [])


def test_back_office_raises_no_csp_violation_or_console_error(
    live_server, editor, magazine, chromium
):
    watcher = Watcher(chromium, live_server.url)
    doubtful = magazine["doubtful"]

    watcher.visit("/admin/login/")
    watcher.page.get_by_label("Nom d’utilisateur").fill("eve")
    watcher.page.get_by_label("Mot de passe").fill("pw-editor-123")
    watcher.page.get_by_role("button", name="Connexion").click()
    watcher.page.wait_for_load_state("networkidle")
    for path in [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/?statut=review&q=violent",
        f"/admin/articles/article/{doubtful.pk}/change/",
        f"/admin/articles/article/{doubtful.pk}/history/",
        f"/admin/articles/article/{doubtful.pk}/history/{magazine['first_revision']}/",
        f"/admin/articles/tag/{magazine['tag'].pk}/delete/",
        "/admin/articles/article/importer/",
        "/admin/articles/article/add/",
        f"/admin/articles/issue/{magazine['issue'].pk}/change/",
        "/admin/articles/tag/",
        "/admin/authors/author/",
    ]:
        watcher.visit(path)

    # What an editor clicks on the article form: the author autocomplete, the date shortcuts,
    # the folded import section.
    watcher.visit(f"/admin/articles/article/{doubtful.pk}/change/")
    watcher.where = "article form, in use"
    watcher.page.locator("#id_bylines-0-author + .select2").click()
    watcher.page.locator(".select2-search__field").fill("Jacq")
    watcher.page.locator(".select2-results__option", has_text="Manuel Jacquinet").click()
    watcher.page.get_by_role("heading", name="Provenance (import)").click()
    watcher.page.locator(".datetimeshortcuts a", has_text="Aujourd'hui").first.click()
    watcher.page.locator("#id_status").select_option("published")
    watcher.page.get_by_role("button", name="Enregistrer et marquer comme relu").click()
    watcher.page.wait_for_load_state("networkidle")
    saved = watcher.page.locator(".messagelist").inner_text()

    assert ("Article marqué comme relu" in saved, watcher.problems) == (True, [])


def test_the_watcher_sees_an_inline_script_blocked(live_server, magazine, chromium):
    """The control: a page that breaks the policy is reported, so silence above means something."""
    watcher = Watcher(chromium, live_server.url)
    watcher.visit("/")

    watcher.page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "document.body.dataset.ran = 'oui';";
          document.head.append(script);
        }"""
    )
    watcher.page.wait_for_timeout(200)

    assert (
        watcher.page.evaluate("document.body.dataset.ran || 'non'"),
        sorted({problem.split(": ")[1] for problem in watcher.problems}),
    ) == ("non", ["CSP", "console error"])
