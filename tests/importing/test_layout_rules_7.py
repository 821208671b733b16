"""What blog themes print under a text, and what the real pages gathered on 2 December 2026
taught, one test each: the pattern and a near neighbour that must not trigger it. Every page
here is made up for the test."""

import pytest

from articles.importing import parse_text
from tests.importing.test_layout_rules import (
    AMBUSH_HEADER,
    CLOSING,
    LONG,
    OPENING,
    glued,
    only,
    page,
)

TITLE = "Les conseillers de nuit, grands oubliés des plannings"


def under_text(*ending):
    return only(page(TITLE, "Publié le 12 octobre 2015", LONG, CLOSING, *ending))


@pytest.mark.parametrize(
    "ending",
    [
        ["Like this:", "Like Loading..."],
        ["Mentions légales | Contact | Plan du site"],
        ["Accueil • Qui sommes-nous • Contact"],
        ["Navigation de l’article", "← Les primes de fin d’année en débat", "Les robots →"],
        ["« Article précédent", "Article suivant »"],
        ["‹ Le billet d’avant"],
    ],
)
def test_a_themes_links_and_menus_under_a_text_are_furniture(ending):
    assert under_text(*ending).body == f"{LONG}\n\n{CLOSING}"


@pytest.mark.parametrize(
    "line",
    [
        "Paris | Lyon | Nantes : trois villes, trois façons de recruter des conseillers.",
        "Le plan du site de Vannes prévoit deux cents postes de plus d’ici l’été prochain.",
        "← Ce qui reste à faire, selon les syndicats, tient en une liste de six points précis.",
    ],
)
def test_prose_with_pipes_menu_words_or_an_arrow_stays(line):
    assert under_text(line).body == f"{LONG}\n\n{CLOSING}\n\n{line}"


@pytest.mark.parametrize(
    ("line", "category", "tags"),
    [
        ("Posted in Management | Tagged nuit, planning | Leave a comment", "Management", 2),
        ("Posted in Management | 2 Comments »", "Management", 0),
        ("Filed under Editos du magazine", "Editos du magazine", 0),
        ("Cet article a été publié dans Management. Bookmarquez le permalien.", "Management", 0),
        (
            "Ce contenu a été publié dans Editos, par Manuel. Mettez-le en favori avec son "
            "permalien.",
            "Editos",
            0,
        ),
        (
            "This entry was posted in Editos and tagged crm, bpo, nuit. Bookmark the permalink.",
            "Editos",
            3,
        ),
    ],
)
def test_a_themes_posted_in_line_gives_category_and_tags(line, category, tags):
    article = under_text(line)
    assert (article.body, article.category, len(article.tags)) == (
        f"{LONG}\n\n{CLOSING}",
        category,
        tags,
    )


def test_a_sentence_saying_where_an_article_appeared_is_text():
    line = "Cet article a été publié dans Les Echos en 2009, puis repris par toute la presse."
    article = under_text(line)
    assert (article.body.endswith(line), article.category) == (True, None)


def test_tags_after_tagged_keep_their_first_letters():
    assert under_text("Tagged nuit, planning").tags == ["nuit", "planning"]


def test_a_title_right_under_current_post_is_tagged_is_no_list_of_tags():
    """The blog's header with its tags line missing: the next line is the title."""
    title = "Tourner un film dans un centre d’appels, drôle d’idée…"
    article = only(glued(*AMBUSH_HEADER, "Current post is tagged", title, LONG, CLOSING))
    assert (article.title, article.tags) == (title, [])


def test_tags_under_current_post_is_tagged_are_still_tags():
    tags = "centres d’appels, Opération 118 318 sévices clients, tournage"
    article = only(glued(*AMBUSH_HEADER, "Current post is tagged", tags, TITLE, LONG, CLOSING))
    assert (article.title, len(article.tags)) == (TITLE, 3)


VERSE = glued(
    "J’ai vu le plateau à l’heure où tout se tait,",
    "Les casques posés comme des oiseaux las,",
    "Et les écrans veillant sur les chaises vides.",
)


def test_a_poems_author_after_a_blank_does_not_start_a_post():
    """An édito quoting a poem, on a page without blank lines: the line naming the poet and his
    book, set apart, belongs to the text."""
    text = (
        glued("Le soir sur les plateaux", OPENING, VERSE)
        + "\n"
        + glued("Paul Verlaine, Poèmes saturniens", LONG, CLOSING)
    )
    assert [article.title for article in parse_text(text).articles] == ["Le soir sur les plateaux"]


def test_a_headline_after_a_blank_still_starts_a_post():
    text = (
        glued("Le soir sur les plateaux", OPENING, VERSE)
        + "\n"
        + glued("Le standard de Vannes ferme ses portes", LONG, CLOSING)
    )
    assert len(parse_text(text).articles) == 2
