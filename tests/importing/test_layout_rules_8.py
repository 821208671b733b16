"""Rules taught by the endings rounds 100 and 101 (2 December 2026) above the text: a section's
label over the title, a byline set apart by a dash, the writer's e-mail under the byline, a
newsletter's pitch under its button, a numbered picture's name glued to the first word. Each
with a near neighbour; every page here is made up."""

import pytest

from articles.importing import parse_text
from tests.importing.test_layout_rules import CLOSING, LONG, only, page

TITLE = "Les plateaux de Dakar changent de clients"
DATED = "Publié le 12 mars 2019 par Magazine En-Contact"


@pytest.mark.parametrize("label", ["International", "Brèves", "Tribune"])
def test_a_sections_label_over_the_title_is_its_category_not_the_title(label):
    article = only(page(label, TITLE, LONG, CLOSING))
    assert (article.title, article.category, article.body) == (
        TITLE,
        label,
        f"{LONG}\n\n{CLOSING}",
    )


def test_a_sections_label_over_the_dated_header_is_the_category_too():
    article = only(page(label := "Brèves", "Mis en ligne le 14/06/2022", TITLE, LONG, CLOSING))
    assert (article.title, article.category) == (TITLE, label)


def test_a_one_word_title_over_prose_stays_the_title():
    article = only(page("Turbulences", LONG, CLOSING))
    assert (article.title, article.category) == ("Turbulences", None)


def test_a_sites_banner_in_capitals_is_no_category():
    article = only(page("MAGAZINE", TITLE, LONG, CLOSING))
    assert (article.title, article.category) == (TITLE, None)


@pytest.mark.parametrize("byline", ["– par Julien Morvan", "— Par Julien Morvan"])
def test_a_byline_set_apart_by_a_dash_under_the_title(byline):
    article = only(page(TITLE, DATED, byline, LONG, CLOSING))
    assert ([a.name for a in article.authors], article.body) == (
        ["Julien Morvan"],
        f"{LONG}\n\n{CLOSING}",
    )


def test_a_dash_then_a_sentence_is_no_byline():
    line = "– parfois, les meilleures idées viennent des conseillers eux-mêmes, dit-elle."
    assert line in only(page(TITLE, DATED, LONG, line, CLOSING)).body


@pytest.mark.parametrize(
    "address", ["julien.morvan(at)en-contact.com", "julien.morvan@en-contact.com"]
)
def test_the_writers_e_mail_under_the_byline_is_furniture(address):
    article = only(page(TITLE, DATED, "Par Julien Morvan", address, LONG, CLOSING))
    assert article.body == f"{LONG}\n\n{CLOSING}"


def test_an_e_mail_address_at_the_end_of_the_text_stays():
    address = "contact@asso-exemple.fr"
    assert only(page(TITLE, DATED, LONG, CLOSING, address)).body.endswith(address)


def test_a_newsletters_pitch_under_its_button_at_the_top_is_no_title():
    pitch = "La newsletter hebdomadaire, libre et gratuite, des métiers du service client"
    article = only(page(f"S'abonner à la lettre d'En-Contact\n{pitch}", TITLE, LONG, CLOSING))
    assert (article.title, pitch in article.body) == (TITLE, False)


def test_a_heading_under_a_subscribe_button_after_a_blank_stays_a_candidate():
    """Only the pitch printed right under the button, without a blank, is the box's."""
    parsed = parse_text(page("S'abonner à la lettre d'En-Contact", TITLE, LONG, CLOSING))
    assert [a.title for a in parsed.articles] == [TITLE]


@pytest.mark.parametrize("name", ["IMG_0412-edito97", "DSC_2231-plateau2", "IMG_5521-1024x683"])
def test_a_numbered_pictures_name_glued_to_the_first_word_goes(name):
    article = only(page(TITLE, DATED, f"{name}{LONG}", CLOSING))
    assert article.body == f"{LONG}\n\n{CLOSING}"


def test_the_bylines_name_closing_the_text_again_is_a_signature():
    article = only(page(TITLE, DATED, "Par Julien Morvan", LONG, CLOSING, "Julien Morvan"))
    assert ([a.name for a in article.authors], article.body) == (
        ["Julien Morvan"],
        f"{LONG}\n\n{CLOSING}",
    )


def test_another_name_closing_a_bylined_text_stays():
    article = only(page(TITLE, DATED, "Par Julien Morvan", LONG, CLOSING, "Chantal Méry"))
    assert ([a.name for a in article.authors], article.body.endswith("Chantal Méry")) == (
        ["Julien Morvan"],
        True,
    )


def test_a_two_part_numbered_slug_glued_to_the_first_word_goes():
    article = only(page(TITLE, DATED, f"edito74-standard{LONG}", CLOSING))
    assert article.body == f"{LONG}\n\n{CLOSING}"


def test_a_hyphenated_number_in_a_sentence_stays():
    line = f"Le covid-19 a tout changé. {LONG}"
    assert only(page(TITLE, DATED, line, CLOSING)).body.startswith("Le covid-19")


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Un plateau de rappel à Nantes. Crédit photo : Louis Merlet", "Louis Merlet"),
        ("Sur le plateau de Tence, à l’automne 2009. Photo : Olivier Brassac", "Olivier Brassac"),
        ("Béatrice Lanoë dans les locaux, à Niort. Photo Marc Delorme", "Marc Delorme"),
    ],
)
def test_a_caption_then_its_credit_on_one_line_between_paragraphs(caption, credit):
    article = only(page(TITLE, DATED, LONG, caption, CLOSING))
    assert (article.photo_credit, article.body) == (credit, f"{LONG}\n\n{CLOSING}")


def test_a_sentence_then_photos_in_the_text_is_no_credit():
    line = "Le salon a fermé ses portes hier soir. Photo souvenir pour les exposants du hall."
    article = only(page(TITLE, DATED, LONG, line, CLOSING))
    assert (article.photo_credit, line in article.body) == (None, True)


QUOTE = "« Un client qui se plaint est un client qui croit encore en vous. »"


def test_a_quotation_above_its_source_under_the_title_is_an_epigraph_of_the_text():
    source = "Affiche de la salle de pause d’un plateau nantais"
    article = only(page(TITLE, DATED, QUOTE, source, LONG, CLOSING))
    assert (article.standfirst, article.body.startswith(QUOTE)) == (None, True)


def test_a_quotation_right_above_the_text_stays_the_standfirst():
    article = only(page(TITLE, DATED, QUOTE, LONG, CLOSING))
    assert (article.standfirst, article.body) == (QUOTE[2:-2], f"{LONG}\n\n{CLOSING}")


AMBUSH_HEAD = [
    "AMBUSH",
    "Information",
    "This article was written on 16 Jun 2008, and is filled under Editos du magazine En-Contact.",
    "Current post is tagged",
    ", , ,",
]


def test_an_issue_label_standing_as_the_only_title_is_the_title():
    article = only(page(*AMBUSH_HEAD, "Edito En-Contact 43", LONG, CLOSING))
    assert (article.title, article.issue_number, article.body) == (
        "Edito En-Contact 43",
        43,
        f"{LONG}\n\n{CLOSING}",
    )


def test_an_issue_label_under_a_title_stays_its_issue_line():
    article = only(page(*AMBUSH_HEAD, TITLE, "Edito – En-Contact 57", LONG, CLOSING))
    assert (article.title, article.issue_number) == (TITLE, 57)


def test_a_file_name_glued_before_a_capital_a_with_its_accent_goes():
    article = only(page(TITLE, DATED, f"Dakar_plateau_nuitÀ Ouakam, {LONG}", CLOSING))
    assert article.body.startswith("À Ouakam, ")


def test_a_category_footer_glued_under_a_post_stays_with_it_on_an_archive_page():
    second = "Antananarivo : la fibre tombe, les plateaux basculent"
    text = page(
        TITLE,
        "Publié le 21 avril 2017 à 09:10 par Magazine En-Contact",
        LONG,
        "Par Anaïs Perrot\nPublié dans Offshore",
        second,
        "Publié le 6 avril 2017 à 17:42 par Magazine En-Contact",
        CLOSING,
        "Publié dans Actualités",
    )
    assert [(a.title, a.category) for a in parse_text(text).articles] == [
        (TITLE, "Offshore"),
        (second, "Actualités"),
    ]


def test_a_category_set_apart_above_a_title_heads_that_post():
    second = "Antananarivo : la fibre tombe, les plateaux basculent"
    text = page(
        TITLE,
        "Publié le 21 avril 2017 à 09:10 par Magazine En-Contact",
        LONG,
        "Par Anaïs Perrot",
        "Publié dans Offshore\n" + second,
        "Publié le 6 avril 2017 à 17:42 par Magazine En-Contact",
        CLOSING,
    )
    assert [a.category for a in parse_text(text).articles] == [None, "Offshore"]


def test_a_signer_with_a_role_above_the_pages_last_credit_signs():
    ending = [
        "Isabelle Naudin, consultante associée chez Orfée Conseil",
        "Crédit photo : M. Rolland",
    ]
    article = only(page(TITLE, DATED, LONG, CLOSING, *ending))
    assert ([a.name for a in article.authors], article.photo_credit, article.body) == (
        ["Isabelle Naudin"],
        "M. Rolland",
        f"{LONG}\n\n{CLOSING}",
    )


def test_a_person_and_role_above_a_credit_between_paragraphs_stays_a_caption():
    caption = "Isabelle Naudin, consultante associée chez Orfée Conseil"
    article = only(page(TITLE, DATED, LONG, caption, "Crédit photo : M. Rolland", CLOSING))
    assert (article.authors, article.body) == ([], f"{LONG}\n\n{CLOSING}")


def test_an_images_alt_text_and_caption_printed_twice_under_the_title_are_no_title():
    caption = "La couverture du roman de Claire Aubertin"
    article = only(page(*AMBUSH_HEAD, "Un roman au bout du fil", caption, caption, LONG, CLOSING))
    assert (article.title, article.body) == ("Un roman au bout du fil", f"{LONG}\n\n{CLOSING}")


def test_a_title_printed_again_under_its_dated_header_is_still_the_title():
    article = only(page(TITLE, DATED, TITLE, LONG, CLOSING))
    assert (article.title, article.body) == (TITLE, f"{LONG}\n\n{CLOSING}")


@pytest.mark.parametrize(
    ("legend", "credit"),
    [
        ("• Claire Aubineau dans la salle de supervision, à Tours. © Paul Rivière", "Paul Rivière"),
        ("• L’antenne de Blois, ouverte en 2021, traite les abonnés scolaires.", None),
    ],
)
def test_a_credit_inside_the_photos_legends_is_the_articles(legend, credit):
    ending = ["Par Élise Fournier", "Légendes Photos :\n" + legend]
    article = only(page(TITLE, DATED, LONG, CLOSING, *ending))
    assert (article.photo_credit, article.body) == (credit, f"{LONG}\n\n{CLOSING}")
