"""The template filters that turn stored text into reader-facing HTML (no database)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from articles.search import START, STOP
from articles.templatetags.reader import date_fr, highlight, json_ld, paragraphs


def test_paragraphs_are_split_on_blank_lines_whatever_the_line_ends():
    text = "Un.\r\n\r\nDeux,\nsuite.\n  \n\nTrois."

    assert [p.text for p in paragraphs(text)] == ["Un.", "Deux,\nsuite.", "Trois."]


@pytest.mark.parametrize(
    ("paragraph", "kind", "css_class"),
    [
        ("* Lequel avait prévu la fin du monde.", "article", "note"),
        ("** Selon l'Insee.", "article", "note"),
        ("PS : à bientôt.", "article", "note note-ps"),
        ("P.S. : à bientôt.", "article", "note note-ps"),
        ("Que pensez-vous de l'offshore ?", "interview", "question"),
        ("Et demain ? »", "interview", "question"),
        ("Que pensez-vous de l'offshore ?", "article", ""),
        ("Psychologie du client.", "article", ""),
    ],
)
def test_paragraph_roles(paragraph, kind, css_class):
    assert paragraphs(paragraph, kind)[0].css_class == css_class


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2018, 4, 25, 9, 42, tzinfo=ZoneInfo("Europe/Paris")), "25 avril 2018"),
        (datetime(2019, 4, 30, 23, 30, tzinfo=ZoneInfo("UTC")), "1er mai 2019"),
        (date(2020, 2, 1), "1er février 2020"),
        (None, ""),
    ],
)
def test_dates_are_written_the_french_way_in_paris_time(value, expected):
    assert date_fr(value) == expected


def test_highlight_escapes_the_text_and_marks_the_matches():
    excerpt = f"<b>3 < 5</b> {START}Téléphonie{STOP} & co"

    assert highlight(excerpt) == "&lt;b&gt;3 &lt; 5&lt;/b&gt; <mark>Téléphonie</mark> &amp; co"


def test_json_ld_cannot_close_its_script_element():
    assert json_ld({"headline": "</script>&"}) == '{"headline": "\\u003c/script\\u003e\\u0026"}'
