"""An editor writes an article in Markdown and watches it take shape beside the text.

Drives Debian's Chromium with Playwright against the live server, and takes the README's
screenshot of the body's editor with its preview (docs/screenshots/admin-markdown-preview.png,
with UPDATE_SCREENSHOTS=1).
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPED = """## Sous-titre

Un texte en *italique* avec [un lien](https://www.en-contact.fr/).

- premier point
- second point

> Le client est roi.

Que devient le centre d'appels ?

<script>document.title = "piégé"</script>"""


def test_editor_sees_the_markdown_body_rendered_as_it_is_typed(
    live_server, editor, chromium, screenshots
):
    page = chromium.new_page(viewport={"width": 1440, "height": 1100}, locale="fr-FR")
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Nom d’utilisateur").fill("eve")
    page.get_by_label("Mot de passe").fill("pw-editor-123")
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url("**/admin/")
    page.goto(live_server.url + "/admin/articles/article/add/")

    page.get_by_label("Titre").first.fill("Le centre d'appels de demain")
    page.locator("#id_kind").select_option("interview")
    page.locator("#id_body").fill(TYPED)
    preview = page.get_by_role("region", name="Aperçu du texte")
    preview.locator("blockquote").wait_for()
    page.locator("#id_body").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "admin-markdown-preview.png")
    shown = (
        preview.locator("h2").inner_text(),
        preview.locator("em").inner_text(),
        preview.locator("a").get_attribute("href"),
        preview.locator("li").all_inner_texts(),
        preview.locator("blockquote").inner_text(),
        preview.locator(".question").inner_text(),
        preview.locator("script").count(),
        page.title(),
    )

    page.locator("#id_body").fill("Plus qu'une *ligne*.")
    preview.locator("h2").wait_for(state="detached")
    rewritten = preview.locator(".body-preview-content").inner_html()

    assert shown == (
        "Sous-titre",
        "italique",
        "https://www.en-contact.fr/",
        ["premier point", "second point"],
        "Le client est roi.",
        "Que devient le centre d'appels ?",
        0,
        "Ajout de article | En-Contact",
    )
    assert rewritten == "<p>Plus qu'une <em>ligne</em>.</p>\n"
