"""Article bodies: Markdown to safe HTML, and plain imported text that stays as it was.

No database: articles.bodies is plain Python around markdown-it-py and nh3.
"""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articles.bodies import SANITISER, from_plain_text, render
from articles.importing.parser import parse_bytes
from tests.security.inert import html_problems

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"

EDITOR_BODY = """## Sous-titre

Un texte en *italique* avec [un lien](https://www.en-contact.fr/numeros/).

- premier point
- second point

> Le client est roi.

![Un plateau d'appels](/media/articles/corps/plateau.jpg)"""


def test_editor_markdown_renders_to_the_expected_html():
    assert render(EDITOR_BODY) == (
        "<h2>Sous-titre</h2>\n"
        '<p>Un texte en <em>italique</em> avec <a href="https://www.en-contact.fr/numeros/">'
        "un lien</a>.</p>\n"
        "<ul>\n<li>premier point</li>\n<li>second point</li>\n</ul>\n"
        "<blockquote>\n<p>Le client est roi.</p>\n</blockquote>\n"
        '<p><img src="/media/articles/corps/plateau.jpg" alt="Un plateau d\'appels" '
        'loading="lazy"></p>\n'
    )


def test_known_body_images_get_their_width_and_height():
    sizes = {"/media/articles/corps/plateau.jpg": (800, 533)}

    assert (
        '<img src="/media/articles/corps/plateau.jpg" alt="Un plateau d\'appels" '
        'loading="lazy" width="800" height="533">'
    ) in render(EDITOR_BODY, images=sizes)


def test_a_first_level_heading_becomes_a_subheading_under_the_page_title():
    assert render("# Grand titre") == "<h2>Grand titre</h2>\n"


def test_footnotes_link_to_their_note_and_back():
    rendered = render("Un chiffre[^1].\n\n[^1]: Selon l'Insee.")

    assert (
        '<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>' in rendered,
        '<li id="fn1" class="footnote-item"><p>Selon l\'Insee. '
        '<a href="#fnref1" class="footnote-backref">' in rendered,
    ) == (True, True)


def test_a_single_line_break_stays_a_line_break():
    assert render("Il a beaucoup changé.\nVraiment.") == (
        "<p>Il a beaucoup changé.<br>\nVraiment.</p>\n"
    )


def test_interview_questions_notes_and_postscript_keep_their_classes():
    body = (
        "Où en est le centre d'appels ?\n\nIl a changé.\n\n\\*Selon nos sources.\n\nPS : à bientôt."
    )

    assert render(body, kind="interview") == (
        '<p class="question">Où en est le centre d\'appels ?</p>\n'
        "<p>Il a changé.</p>\n"
        '<p class="note">*Selon nos sources.</p>\n'
        '<p class="note note-ps">PS : à bientôt.</p>\n'
    )


def test_a_question_outside_an_interview_is_a_plain_paragraph():
    assert render("Faut-il externaliser ?", kind="article") == "<p>Faut-il externaliser ?</p>\n"


HOSTILE_BODIES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="https://x.fr" onclick="alert(1)">x</a>',
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](java\tscript:alert(1))",
    "[clic](vbscript:msgbox(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](/a.jpg)',
    "<javascript:alert(1)>",
    "<iframe src=https://x.fr></iframe>",
    "<style>body{display:none}</style>",
    "<!-- <script>alert(1)</script> -->",
    "```\n<script>alert(1)</script>\n```",
]


class Elements(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.found = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


@pytest.mark.parametrize("body", HOSTILE_BODIES)
def test_no_script_handler_dangerous_url_or_raw_html_survives_rendering(body):
    rendered = render(body)
    elements = Elements(rendered).found

    assert (
        html_problems(rendered),
        [tag for tag, _ in elements if tag not in {"p", "a", "img", "pre", "code", "br"}],
        [attrs for _, attrs in elements if "data:" in attrs.get("href", "")],
    ) == ([], [], [])


def test_raw_html_is_shown_as_text():
    assert render("<b>gras</b> & <i>co</i>") == (
        "<p>&lt;b&gt;gras&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;</p>\n"
    )


PLAIN_LINES = [
    "1. Premier point",
    "2) Second point",
    "* Selon nos sources",
    "**Lequel avait prévu",
    "# 1 du marché",
    "> cité",
    "- tiret",
    "+ plus",
    "---",
    "===",
    "    en retrait",
    "Un _mot_ et un `code` et [crochets](pas un lien) et <balise> et R&D et &amp; et \\",
    "![pas une image](x.jpg)",
]


@pytest.mark.parametrize("line", PLAIN_LINES)
def test_plain_text_that_looks_like_markup_stays_text(line):
    rendered = render(from_plain_text(line))

    assert (rendered.startswith("<p"), visible_text(rendered)) == (True, line.strip())


def visible_text(rendered):
    """What a reader sees of rendered paragraphs: their text, a paragraph per blank line."""
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", rendered, re.S)
    return "\n\n".join(
        html.unescape(re.sub(r"<[^>]+>", "", p.replace("<br>\n", "\n"))) for p in paragraphs
    )


paragraph = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"]),
    min_size=1,
).map(lambda text: " ".join(text.split()))


@given(st.lists(st.lists(paragraph.filter(bool), min_size=1, max_size=3), max_size=4))
def test_any_plain_text_renders_exactly_as_written(blocks):
    text = "\n\n".join("\n".join(lines) for lines in blocks)

    assert visible_text(render(from_plain_text(text))) == text


def test_the_archive_footnotes_of_an_editorial_stay_notes():
    parsed = parse_bytes(next(CORPUS.glob("001_*.txt")).read_bytes())
    article = parsed.articles[0]

    rendered = render(from_plain_text(article.body), kind=article.kind)

    assert (
        '<p class="note">*Selon nos sources, l’un des plus grands opérateurs' in rendered,
        '<p class="note">**Lequel avait prévu la fin du monde' in rendered,
        "\\" in rendered,
    ) == (True, True, False)


def test_the_sanitiser_strips_what_a_renderer_would_let_through():
    """Defence in depth: were markdown-it to pass raw HTML, nh3 would still clean it."""
    dirty = (
        '<p class="note evil" onclick="alert(1)">a<script>alert(1)</script><!-- x --></p>'
        '<a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)><iframe></iframe>'
    )

    assert SANITISER.clean(dirty) == '<p class="note">a</p><a>b</a><img src="x">'
