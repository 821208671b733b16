"""Imported bodies are plain text: stored as the Markdown that shows them, rendered at once."""

import pytest
from django.core.management import call_command

from articles.models import Article

EDITORIAL = "001_bddfb86fe70a540c.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(archive):
    """The demo archive, imported."""
    call_command("import_corpus", str(archive), verbosity=0)
    return archive


def test_imported_footnotes_are_escaped_markdown_shown_as_notes(archive, client):
    article = Article.objects.get(source_file=EDITORIAL)
    page = client.get(article.get_absolute_url()).text

    assert (
        "\n\n\\*Selon nos sources" in article.body,
        "\n\n\\*\\*Lequel avait prévu" in article.body,
        '<p class="note">*Selon nos sources' in page,
        '<p class="note">**Lequel avait prévu' in page,
    ) == (True, True, True, True)


def test_imported_interview_questions_keep_their_style(archive, client):
    interview = Article.objects.get(kind=Article.Kind.INTERVIEW)

    assert interview.body_html.count('<p class="question">') >= 3


def test_a_changed_source_renders_its_new_body(archive):
    path = archive / EDITORIAL
    path.write_text(path.read_text().replace("*Selon nos sources", "*D'après nos sources"))

    call_command("import_corpus", str(archive), verbosity=0)
    article = Article.objects.get(source_file=EDITORIAL)

    assert (
        '<p class="note">*D\'après nos sources' in article.body_html,
        article.import_conflict,
    ) == (True, False)


def test_search_excerpts_show_imported_text_without_its_markdown_escapes(archive, client):
    """The editorial's "Paco Rabanne**" (a footnote call) is stored escaped, "Rabanne\\*\\*"."""
    response = client.get("/recherche/", {"q": "Rabanne"})
    excerpt = response.context["articles"][0].excerpt

    assert (
        "\\*\\* à deux sous" in excerpt,
        "</mark>** à deux sous" in response.text,
        "\\*" in response.text,
    ) == (True, True, False)
