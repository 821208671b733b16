"""The layout rules added to the archive parser after test_layout_rules.py, one test each: the
pattern and a near neighbour that must not trigger it. Every page here is made up for the test;
known misreadings are strict xfails with the smallest page that shows them."""

from datetime import date

import pytest

from articles.importing import parse_text
from tests.importing.test_layout_rules import (
    CLOSING,
    LONG,
    MIDDLE,
    OPENING,
    SHORT_SUMMARY,
    authors,
    glued,
    only,
    page,
    roles,
    titles,
)

# Header lines: the template's labels without their values, and dated ones.
LABELS = "Publié par Yann Kerhervé le | Mis à jour le"
EMPTY_LABELS = "Publié le par"
CREDIT = "Crédit photo : Studio Brune"
SUBHEADING = "Un marché en mutation"
# A summary too long (26 words) for the rule of the short sentence under the title.
LONG_SUMMARY = (
    "Les plateaux de la côte atlantique recrutent encore, mais les conseillers partent vite, et "
    "les encadrants peinent à garder leurs meilleures recrues au-delà de quelques mois."
)
AMBUSH_HEADER = (
    "AMBUSH",
    "Information",
    "This article was written on 03 Mars 2007, and is filled under Editos.",
)
POSTED = "Posted by equipe118 on nov 22, 2010 in Coulisses | 0 comments"
PICTURE = "Marc Lenoir – © Studio Brune"
READERS = (
    "Bravo pour ce reportage sur les plateaux de Lorient.",
    "Je travaille à Vannes et c’est la même chose chez nous.",
)


def written_on(day):
    return f"This article was written on {day:02d} Mar 2011, and is filled under Chroniques."


def body_parts(article):
    return article.body.split("\n\n")


# One article per header, even a header of labels (labels_only, is_header, HEADER_REACH) ---


@pytest.mark.parametrize(
    "lines",
    [
        ["Le quai de Lorient", LABELS, OPENING],
        ["Le quai de Lorient", EMPTY_LABELS, OPENING],
        ["Le quai de Lorient", LONG, EMPTY_LABELS],  # the template may put it under the text
    ],
)
def test_a_header_of_labels_only_keeps_a_heading_after_a_credit_a_subheading(lines):
    article = only(page(*lines, CREDIT, SUBHEADING, MIDDLE))
    assert SUBHEADING in body_parts(article)


def test_without_any_header_a_heading_after_a_credit_starts_a_post():
    text = page("Le quai de Lorient", OPENING, CREDIT, SUBHEADING, MIDDLE)
    assert titles(text) == ["Le quai de Lorient", SUBHEADING]


def test_a_header_of_labels_far_below_the_first_paragraph_is_no_header_of_the_page():
    paragraphs = [LONG, CLOSING] * 4  # eight lines under the first paragraph: out of reach
    text = page("Le quai de Lorient", *paragraphs, EMPTY_LABELS, CREDIT, SUBHEADING, MIDDLE)
    near = page("Le quai de Lorient", *paragraphs[:2], EMPTY_LABELS, CREDIT, SUBHEADING, MIDDLE)
    assert (titles(text), titles(near)) == (
        ["Le quai de Lorient", SUBHEADING],
        ["Le quai de Lorient"],
    )


# An archive post starts under its own dated header (under_a_dated_header) ------------------


@pytest.mark.parametrize("first_header", [[written_on(14)], []])
def test_a_heading_under_a_dated_header_starts_a_post(first_header):
    text = page("Le quai de Lorient", *first_header, OPENING, written_on(2), SUBHEADING, MIDDLE)
    parsed = parse_text(text)
    assert [(a.title, a.published, a.body) for a in parsed.articles][1:] == [
        (SUBHEADING, date(2011, 3, 2), MIDDLE)
    ]
    assert [a.title for a in parsed.articles] == ["Le quai de Lorient", SUBHEADING]


@pytest.mark.parametrize("header", ["Tags : Bretagne, plateaux", "Filed under Chroniques"])
def test_a_heading_under_a_header_without_a_date_stays_a_subheading(header):
    article = only(page("Le quai de Lorient", OPENING, header, SUBHEADING, MIDDLE))
    assert article.body == f"{OPENING}\n\n{SUBHEADING}\n\n{MIDDLE}"


# A caption above its own credit line (mark_credited_captions) ------------------------------

CAPTION = "Le plateau de Vannes avant les travaux"


@pytest.mark.parametrize("join", [page, glued])
def test_a_short_line_above_a_credit_on_a_headed_page_is_its_caption(join):
    text = join("Le quai de Lorient", "Publié le 3 mars 2020", OPENING, CAPTION, CREDIT, MIDDLE)
    article = only(text)
    assert (article.body, article.photo_credit, roles(text)[CAPTION]) == (
        f"{OPENING}\n\n{MIDDLE}",
        "Studio Brune",
        "légende",
    )


def test_a_sentence_above_a_credit_on_a_headed_page_stays_text():
    line = f"{CAPTION}."
    text = page("Le quai de Lorient", "Publié le 3 mars 2020", OPENING, line, CREDIT, MIDDLE)
    assert only(text).body == f"{OPENING}\n\n{line}\n\n{MIDDLE}"


def test_a_short_line_above_a_credit_on_a_page_without_header_titles_a_post():
    text = glued("Le quai de Lorient", OPENING, CAPTION, CREDIT, MIDDLE)
    parsed = parse_text(text)
    assert [(a.title, a.body, a.photo_credit) for a in parsed.articles] == [
        ("Le quai de Lorient", OPENING, None),
        (CAPTION, MIDDLE, "Studio Brune"),
    ]


# An author box of name / role / @handle without "Par" (signature_block) --------------------


@pytest.mark.parametrize("join", [page, glued])
def test_a_name_a_role_and_a_handle_at_the_end_are_the_authors_box(join):
    box = ("Claire Vasseur", "Fondatrice du cabinet Ouest Conseil", "@cvasseur")
    article = only(join("Le quai de Lorient", OPENING, MIDDLE, *box))
    assert (authors(article), article.authors[0].handle, article.body) == (
        [("Claire Vasseur", "Fondatrice du cabinet Ouest Conseil")],
        "@cvasseur",
        f"{OPENING}\n\n{MIDDLE}",
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Le port de Lorient", "Fondatrice du cabinet Ouest Conseil"),  # no name
        ("Claire Vasseur", "Elle dirige le cabinet Ouest Conseil."),  # a sentence, no role
    ],
)
def test_three_closing_lines_without_a_name_or_a_role_are_no_authors_box(first, second):
    article = only(page("Le quai de Lorient", OPENING, MIDDLE, first, second, "@cvasseur"))
    assert (article.authors, body_parts(article)[-1]) == ([], "@cvasseur")


# A summary with a footnote's call is text ---------------------------------------------------


def test_a_summary_with_a_footnote_call_is_the_text():
    summary = "Une enquête sur les recrutements* des plateaux de l’Ouest, ville par ville."
    article = only(page("Le prix de la patience", summary, LONG, CLOSING))
    assert (article.standfirst, article.body) == (None, f"{summary}\n\n{LONG}\n\n{CLOSING}")


def test_the_same_summary_without_the_call_is_the_standfirst():
    article = only(page("Le prix de la patience", SHORT_SUMMARY, LONG, CLOSING))
    assert (article.standfirst, article.body) == (SHORT_SUMMARY, f"{LONG}\n\n{CLOSING}")


# A photo's English title between paragraphs is a caption (ENGLISH) ------------------------


def test_an_english_title_between_paragraphs_is_a_caption():
    line = "The night shift at the harbour"
    text = page("Le quai de Lorient", OPENING, line, MIDDLE)
    assert (only(text).body, roles(text)[line]) == (f"{OPENING}\n\n{MIDDLE}", "légende")


@pytest.mark.parametrize("line", ["Sunset over Lorient", "Le thé de l’équipe de nuit", SUBHEADING])
def test_a_short_line_without_english_grammar_words_stays(line):
    article = only(page("Le quai de Lorient", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\n{line}\n\n{MIDDLE}"


def test_a_french_subheading_with_an_english_loanword_stays():
    line = "Le best of des plateaux"
    article = only(page("Le quai de Lorient", OPENING, line, MIDDLE))
    assert article.body == f"{OPENING}\n\n{line}\n\n{MIDDLE}"


# A press kicker "… / CITY" is a caption, with or without blank lines (KICKER) -------------


@pytest.mark.parametrize("join", [page, glued])
def test_a_press_kicker_above_the_text_is_a_caption(join):
    kicker = "Avant-première au cinéma du port / VANNES"
    text = join("Le quai de Lorient", kicker, OPENING, MIDDLE)
    article = only(text)
    assert (article.title, article.body, roles(text)[kicker]) == (
        "Le quai de Lorient",
        f"{OPENING}\n\n{MIDDLE}",
        "légende",
    )


@pytest.mark.parametrize(
    ("join", "line"),
    [
        (page, "Avant-première au cinéma du port / Vannes"),  # a city not in capitals
        (glued, "Avant-première au cinéma du port"),  # no city at all
    ],
)
def test_a_line_without_a_city_in_capitals_is_no_kicker(join, line):
    article = only(join("Le quai de Lorient", line, OPENING, MIDDLE))
    assert article.body == f"{line}\n\n{OPENING}\n\n{MIDDLE}"


# A teaser may end on a one-word question (SHORT_QUESTION_END) -----------------------------


def test_a_teaser_ending_on_a_one_word_question_is_two_sentences_and_the_text():
    teaser = "Les assureurs quittent un à un les plateaux de la côte. Pourquoi ?"
    article = only(page("Le prix de la patience", teaser, LONG, CLOSING))
    assert (article.standfirst, article.body) == (None, f"{teaser}\n\n{LONG}\n\n{CLOSING}")


@pytest.mark.parametrize(
    "question",
    [
        "Les assureurs quittent un à un les plateaux de la côte. Pourquoi partent-ils ?",
        "Pourquoi les assureurs quittent-ils un à un les plateaux de la côte ?",
    ],
)
def test_any_other_question_under_the_title_is_no_standfirst(question):
    article = only(page("Le prix de la patience", question, LONG, CLOSING))
    assert (article.standfirst, article.body) == (None, f"{question}\n\n{LONG}\n\n{CLOSING}")


def test_an_interviewers_question_ending_on_pourquoi_is_no_standfirst():
    question = "Vous avez quitté Lorient pour ouvrir un plateau à Brest. Pourquoi ?"
    article = only(page("Entretien avec Paul Marchand", question, LONG, CLOSING))
    assert article.standfirst is None


# Standfirsts under a blog's post header ---------------------------------------------------


def test_an_ambush_post_keeps_the_rule_of_the_short_sentence_under_the_title():
    article = only(page(*AMBUSH_HEADER, "Le prix de la patience", SHORT_SUMMARY, LONG, CLOSING))
    assert (article.published, article.standfirst) == (date(2007, 3, 3), SHORT_SUMMARY)


def test_a_summary_glued_under_the_title_is_the_standfirst_but_not_in_an_ambush_post():
    lines = ("Le prix de la patience", LONG_SUMMARY, OPENING, MIDDLE, CLOSING)
    plain, ambush = only(glued(*lines)), only(glued(*AMBUSH_HEADER, *lines))
    assert (plain.standfirst, ambush.standfirst) == (LONG_SUMMARY, None)
    assert ambush.body == f"{LONG_SUMMARY}\n\n{OPENING}\n\n{MIDDLE}\n\n{CLOSING}"


@pytest.mark.parametrize("join", [page, glued])
def test_a_posted_by_post_has_no_standfirst_but_above_a_picture(join):
    bare = only(join("Le tournage reprend", POSTED, SHORT_SUMMARY, LONG, CLOSING))
    assert (bare.standfirst, body_parts(bare)[0]) == (None, SHORT_SUMMARY)
    pictured = only(page("Le tournage reprend", POSTED, SHORT_SUMMARY, PICTURE, LONG, CLOSING))
    assert (pictured.standfirst, pictured.body) == (SHORT_SUMMARY, f"{LONG}\n\n{CLOSING}")


# "Publié par X le | Mis à jour le" is a header, the next line the standfirst -------------


@pytest.mark.parametrize("header", [LABELS, "Publié par Yann Kerhervé"])
def test_the_line_under_a_header_of_labels_is_the_standfirst(header):
    article = only(page("Le prix de la patience", header, LONG_SUMMARY, LONG, CLOSING))
    assert (article.standfirst, article.body, article.published) == (
        LONG_SUMMARY,
        f"{LONG}\n\n{CLOSING}",
        None,
    )
    assert authors(article) == [("Yann Kerhervé", None)]


@pytest.mark.parametrize("header", [[], ["Publié le 3 mars 2020"]])
def test_a_long_summary_without_a_header_of_labels_is_the_text(header):
    article = only(page("Le prix de la patience", *header, LONG_SUMMARY, LONG, CLOSING))
    assert (article.standfirst, article.body) == (
        None,
        f"{LONG_SUMMARY}\n\n{LONG}\n\n{CLOSING}",
    )


# A bare date line once paragraphs have begun stays text ----------------------------------


def test_a_bare_date_line_after_a_paragraph_stays_in_the_text():
    article = only(page("Le prix de la patience", LONG, "12 juin 2019", CLOSING))
    assert (article.published, article.body) == (None, f"{LONG}\n\n12 juin 2019\n\n{CLOSING}")


def test_a_bare_date_line_under_the_title_is_the_publication_date():
    article = only(page("Le prix de la patience", "12 juin 2019", LONG, CLOSING))
    assert (article.published, article.body) == (date(2019, 6, 12), f"{LONG}\n\n{CLOSING}")


def test_a_bare_date_line_after_two_short_paragraphs_stays_in_the_text():
    article = only(page("Le prix de la patience", OPENING, MIDDLE, "12 juin 2019", CLOSING))
    assert (article.published, "12 juin 2019" in body_parts(article)) == (None, True)


# "Et maintenant ?" is no menu -----------------------------------------------------------


def test_a_short_question_made_of_menu_words_stays():
    article = only(page("Le prix de la patience", LONG, "Et maintenant ?", CLOSING))
    assert article.body == f"{LONG}\n\nEt maintenant ?\n\n{CLOSING}"


@pytest.mark.parametrize("line", ["Et maintenant", "Partager maintenant"])
def test_the_same_menu_words_without_a_question_mark_are_furniture(line):
    article = only(page("Le prix de la patience", LONG, line, CLOSING))
    assert article.body == f"{LONG}\n\n{CLOSING}"


# "Commentaires (3)" starts the readers' comments -----------------------------------------


def test_a_comments_heading_with_its_count_starts_the_comments():
    article = only(page("Le prix de la patience", LONG, MIDDLE, "Commentaires (3)", *READERS))
    assert article.body == f"{LONG}\n\n{MIDDLE}"


@pytest.mark.parametrize(
    "line",
    [
        "Commentaires (3) : les lecteurs du magazine ont réagi en nombre à notre enquête.",
        "Commentaires et critiques n’ont pas manqué après l’annonce du plan.",
        "Commentaires (trois)",
    ],
)
def test_a_line_that_opens_with_commentaires_but_is_no_heading_stays(line):
    article = only(page("Le prix de la patience", LONG, line, CLOSING))
    assert article.body == f"{LONG}\n\n{line}\n\n{CLOSING}"


# Sentences opening with "Posted on" / "Publié par" stay text ------------------------------


def test_a_posted_on_line_with_a_date_is_a_header():
    article = only(page("Le tournage reprend", "Posted on mar 3, 2011", OPENING))
    assert (article.published, article.body) == (date(2011, 3, 3), OPENING)


@pytest.mark.parametrize(
    "sentence",
    [
        "Posted on a board by the door, the new rota surprised everyone at the studio.",
        "Publié par la direction au printemps, le planning a surpris tout le plateau de Vannes.",
    ],
)
def test_a_sentence_opening_like_a_header_is_text(sentence):
    article = only(page("Le tournage reprend", LONG, sentence, CLOSING))
    assert (article.published, article.authors, article.body) == (
        None,
        [],
        f"{LONG}\n\n{sentence}\n\n{CLOSING}",
    )


# Comments end at the next post's title ---------------------------------------------------


def test_comments_end_at_the_title_above_the_next_posted_by_header():
    text = page(
        "Le prix de la patience",
        POSTED,
        LONG,
        "Commentaires (2)",
        *READERS,
        "Les casques de Brest",
        "Posted by equipe118 on nov 18, 2010 in Coulisses | 0 comments",
        MIDDLE,
    )
    parsed = parse_text(text)
    assert [(a.title, a.published, a.body) for a in parsed.articles] == [
        ("Le prix de la patience", date(2010, 11, 22), LONG),
        ("Les casques de Brest", date(2010, 11, 18), MIDDLE),
    ]


def test_a_heading_after_comments_without_a_post_header_is_still_the_comments():
    text = page(
        "Le prix de la patience", POSTED, LONG, "Commentaires (2)", *READERS, SUBHEADING, MIDDLE
    )
    assert only(text).body == LONG


def test_comments_before_a_listing_page_post_header_above_the_next_title_all_go():
    text = page(
        written_on(14),
        "Le prix de la patience",
        LONG,
        "Commentaires (1)",
        READERS[0],
        written_on(2),
        "Les casques de Brest",
        MIDDLE,
    )
    assert [(a.title, a.body) for a in parse_text(text).articles] == [
        ("Le prix de la patience", LONG),
        ("Les casques de Brest", MIDDLE),
    ]


def test_comments_end_at_the_title_above_a_french_dated_header():
    text = page(
        "Le prix de la patience",
        "Publié le 22 novembre 2010",
        LONG,
        "Commentaires (2)",
        *READERS,
        "Les casques de Brest",
        "Publié le 18 novembre 2010",
        MIDDLE,
    )
    assert titles(text) == ["Le prix de la patience", "Les casques de Brest"]


# A [caption] glued before a paragraph leaves the paragraph -------------------------------


@pytest.mark.parametrize(
    ("inner", "credit"),
    [
        ("Les casques du plateau de Vannes", None),
        ("Les casques du plateau de Vannes – © Studio Brune", "Studio Brune"),
    ],
)
def test_a_caption_shortcode_glued_before_a_middle_paragraph_leaves_it(inner, credit):
    shortcode = f"[caption id=”attachment_40″ align=”alignright” width=”300″]{inner}[/caption]"
    article = only(page("Le prix de la patience", LONG, shortcode + MIDDLE, CLOSING))
    assert (article.body, article.photo_credit) == (f"{LONG}\n\n{MIDDLE}\n\n{CLOSING}", credit)


def test_the_same_words_glued_before_a_paragraph_without_the_shortcode_stay():
    line = f"Les casques du plateau de Vannes {MIDDLE}"
    article = only(page("Le prix de la patience", LONG, line, CLOSING))
    assert article.body == f"{LONG}\n\n{line}\n\n{CLOSING}"


@pytest.mark.parametrize(
    ("signature", "expected"),
    [
        ("Reportage réalisé par Yann Kerhervé, à Fès", [("Yann Kerhervé", None)]),
        ("Reportage réalisé par Yann Kerhervé, au Caire", [("Yann Kerhervé", None)]),
        (
            "Par Yann Kerhervé, directeur de la rédaction",
            [("Yann Kerhervé", "directeur de la rédaction")],
        ),
    ],
)
def test_a_signature_may_end_on_the_place_it_was_written_from(signature, expected):
    article = only(page("Des plateaux au bord de la médina", OPENING, MIDDLE, CLOSING, signature))
    assert authors(article) == expected
    assert signature not in article.body


def test_a_closing_line_that_names_a_place_after_a_comma_is_no_signature():
    line = "Rencontre avec Yann Kerhervé, à Fès et ailleurs."
    article = only(page("Des plateaux au bord de la médina", OPENING, MIDDLE, CLOSING, line))
    assert authors(article) == []
