"""What a page prints under its text beyond menus (`articles.importing.endings`): a newsletter's
sign-up box and the magazine's own advertisement under the writer's name. Each rule with a near
neighbour that must not trigger it; every page here is made up."""

import pytest

from tests.importing.test_layout_rules import CLOSING, LONG, glued, only, page

TITLE = "Les plateaux de Dakar recrutent des conseillers bilingues"
DATED = "Publié le 12 mars 2019 par Magazine En-Contact"
PITCH = "Recevez chaque semaine l’essentiel de la relation client dans votre boîte mail."
NAME = "Claire Dumont"


def names(article):
    return [author.name for author in article.authors]


@pytest.mark.parametrize(
    "box",
    [
        [PITCH, "Votre adresse e-mail", "Je m'inscris"],
        [PITCH, "Email*", "OK"],
        ["Inscrivez-vous à notre newsletter", "Adresse e-mail :", "Valider"],
        ["Ne manquez plus aucun numéro : la lettre d’information arrive le mardi.", "S'inscrire"],
    ],
)
def test_a_sign_up_box_under_the_text_is_furniture_and_the_name_above_it_signs(box):
    article = only(page(TITLE, DATED, LONG, CLOSING, NAME, *box))
    assert article.body == f"{LONG}\n\n{CLOSING}"
    assert names(article) == [NAME]


def test_a_sign_up_box_on_a_page_without_blank_lines():
    article = only(glued(TITLE, DATED, LONG, CLOSING, NAME, PITCH, "Votre e-mail", "Je m'inscris"))
    assert article.body.endswith(CLOSING)
    assert names(article) == [NAME]


@pytest.mark.parametrize(
    "ending",
    [
        # a pitch and an address with its value: the text's own contact, not a form
        [
            "Pour recevoir le rapport complet, écrivez à l’association par e-mail.",
            "Courriel : contact@asso-exemple.fr",
        ],
        # a button's words closing an édito, with no sign-up pitch above them
        ["C’est parti !"],
    ],
)
def test_lines_without_a_sign_up_form_and_its_pitch_stay(ending):
    body = only(page(TITLE, DATED, LONG, CLOSING, *ending)).body
    assert body.endswith(ending[-1])


@pytest.mark.parametrize(
    "promotion",
    [
        "Retrouvez toutes nos enquêtes dans le numéro de printemps, disponible en kiosque.",
        "Découvrez le magazine En-Contact en version numérique sur notre site.",
        "Lisez la suite de ce dossier dans notre numéro 96.",
    ],
)
def test_the_magazines_advertisement_under_the_signature_is_furniture(promotion):
    article = only(page(TITLE, DATED, LONG, CLOSING, NAME, promotion))
    assert article.body == f"{LONG}\n\n{CLOSING}"
    assert names(article) == [NAME]


@pytest.mark.parametrize(
    "ending",
    [
        # no name above it: a closing sentence of the text
        ["Retrouvez toutes nos enquêtes dans le numéro de printemps, disponible en kiosque."],
        # a name above it, but the call is not about the magazine
        [NAME, "Retrouvez les chiffres du baromètre sur le site de l’association."],
        # the magazine, but the text goes on after it
        [
            NAME,
            "Retrouvez toutes nos enquêtes dans le numéro de printemps, disponible en kiosque.",
            "Les inscriptions au salon ouvrent quant à elles en septembre, à Lyon comme à Paris.",
        ],
    ],
)
def test_a_call_that_is_not_the_magazines_advertisement_under_a_name_stays(ending):
    body = only(page(TITLE, DATED, LONG, CLOSING, *ending)).body
    assert body.endswith(ending[-1])
