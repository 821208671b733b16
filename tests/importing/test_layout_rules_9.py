"""Rules taught by the blind rounds 114-119 (2 December 2026): a title that names a place and
its number, an interviewee's role in capitals under their name, a picture's name glued to the
newer template's one-sentence chapô, a chapô quoting a title that asks a question, a scene's
caption under a subheading. Each with a near neighbour; every page here is made up."""

import pytest

from articles.importing.metadata import read_issue
from tests.importing.test_layout_rules import CLOSING, LONG, glued, only, page
from textkit.folding import fold
from textkit.paragraphs import without_quotations

AMBUSH_HEADER = (
    "AMBUSH",
    "Information",
    "This article was written on 9 Oct 2008, and is filled under Editos du magazine En-Contact.",
    "Current post is tagged",
    ", ,",
)


@pytest.mark.parametrize("line", ["Gênes, môle numéro 9.", "Lisbonne, quai numéro 4"])
def test_a_place_and_its_number_is_no_issue_line(line):
    assert read_issue(line, fold(line)) is None


@pytest.mark.parametrize(
    ("line", "number"),
    [("Edito du magazine #48", 48), ("Archive du N°61 d’En-Contact, 2012", 61), ("N° 95", 95)],
)
def test_issue_lines_keep_their_number(line, number):
    assert read_issue(line, fold(line)).issue_number == number


def test_a_title_naming_a_place_and_its_number_stays_the_title():
    title = "Gênes, môle numéro 9."
    article = only(page(*AMBUSH_HEADER, title, LONG, CLOSING))
    assert (article.title, article.issue_number) == (title, None)


INTERVIEW = (
    "« Nous gardons nos plateaux en région »",
    "JULIETTE ROUSSEL-AMAR",
)
INTRODUCTION = (
    "Longtemps discret, le prestataire a vécu deux années agitées, entre un actionnaire qui "
    "s’en va, un autre qui arrive et des rumeurs de fermeture jamais confirmées ni démenties."
)


def test_a_role_in_capitals_under_the_interviewees_name_is_their_caption():
    role = "DIRECTRICE DES OPÉRATIONS DE TELIANE"
    article = only(glued(*INTERVIEW, role, INTRODUCTION, LONG, CLOSING))
    assert role not in article.body
    assert article.body.startswith("Longtemps discret")


def test_a_short_sentence_under_the_name_is_no_role():
    line = "Une équipe de direction renouvelée"  # no role word: the text's, not the caption's
    article = only(glued(*INTERVIEW, line, INTRODUCTION, LONG, CLOSING))
    assert article.body.startswith(line)


NEWER_TEMPLATE = (
    "Un prestataire nantais s’offre un concurrent à Cracovie",
    "Publié le 21 février 2018 à 09:15 par Magazine En-Contact\n"
    "Un prestataire nantais s’offre un concurrent à Cracovie",
)
SUMMARY = "Ce que ce rachat discret dit des ambitions européennes des sous-traitants du secteur."


def test_a_pictures_name_glued_to_the_newer_templates_one_sentence_chapo():
    article = only(page(*NEWER_TEMPLATE, f"Q8_zL4pX2{SUMMARY}", LONG, CLOSING))
    assert (article.standfirst, article.body) == (SUMMARY, f"{LONG}\n\n{CLOSING}")


def test_a_pictures_name_glued_to_a_paragraph_of_sentences_is_the_texts_start():
    paragraph = f"{SUMMARY} Le montant n’a pas été communiqué."
    article = only(page(*NEWER_TEMPLATE, f"Q8_zL4pX2{paragraph}", LONG, CLOSING))
    assert (article.standfirst, article.body.split("\n\n")[0]) == (None, paragraph)


BOOK = "L’anthologie « Vous m’entendez ? » rassemble les lettres de clients à leur après-vente."


def test_a_question_quoted_inside_a_summary_asks_nothing():
    assert (
        without_quotations(BOOK)
        == "L’anthologie  rassemble les lettres de clients à leur après-vente."
    )
    article = only(page(*AMBUSH_HEADER, "Un recueil de lettres de clients", BOOK, LONG, CLOSING))
    assert article.standfirst == BOOK


def test_a_summary_that_asks_is_no_chapo():
    asking = "Faut-il vraiment publier les lettres que des clients adressent à leur après-vente ?"
    article = only(page(*AMBUSH_HEADER, "Un recueil de lettres de clients", asking, LONG, CLOSING))
    assert (article.standfirst, article.body.split("\n\n")[0]) == (None, asking)


SUBHEADING = "Le tiroir ouvert"


def test_a_scene_and_its_place_under_a_subheading_is_a_caption():
    scene = "Lecture publique au théâtre de Vannes"
    article = only(page("Un recueil de lettres", LONG, SUBHEADING, scene, LONG, CLOSING))
    assert scene not in article.body
    assert SUBHEADING in article.body


@pytest.mark.parametrize(
    "second",
    [
        "Pourquoi lire les lettres de Vannes ?",  # a reader's question: the text's
        "Une lecture publique au théâtre.",  # a sentence: the text's
        "(Avec le concours du théâtre de Vannes)",  # a note in brackets: the text's
    ],
)
def test_a_second_line_under_a_subheading_that_shows_no_scene_stays(second):
    article = only(page("Un recueil de lettres", LONG, SUBHEADING, second, LONG, CLOSING))
    assert second in article.body
