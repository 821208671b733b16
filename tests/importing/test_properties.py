"""Property tests of the parser: any bytes, any text, and pages built from real-looking parts."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importing import ParsedFile, ParseError, parse_bytes, parse_text
from articles.importing.parser import explain_bytes

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "client clients centre appels conseiller qualité service marché entreprise équipe données "
    "relation expérience direction outil formation réponse temps année projet métier canal "
    "téléphone stratégie secteur public offre prix valeur travail question avenir"
).split()
FURNITURE = [
    "Scroll Top",
    "Recherche",
    "Laisser un commentaire",
    "A lire aussi",
    "Abonnez-vous maintenant",
    "Publications similaires",
    "Retour haut de page",
    "S'abonner",
    "Imprimer",
    "Lecture 2 min",
    "×",
    ",",
]

word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=8, max_size=20).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
title = st.lists(word, min_size=2, max_size=8).map(lambda ws: " ".join(ws).capitalize())
furniture = st.lists(st.sampled_from(FURNITURE), max_size=3)


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_result_or_a_parse_error(data):
    try:
        parsed = parse_bytes(data)
    except ParseError as error:
        assert str(error)
    else:
        assert isinstance(parsed, ParsedFile)


@FAST
@given(st.text(max_size=3000))
def test_any_text_parses_and_is_deterministic(text):
    first, second = parse_text(text), parse_text(text)
    assert first == second
    for article in first.articles:
        assert article.title and article.body
        assert "\n\n\n" not in article.body


@FAST
@given(st.text(alphabet=string.printable + "«»’…–éèàçœ\u00a0\u202f", max_size=2000))
def test_pages_of_lines_never_raise(text):
    parse_bytes(text.encode("utf-8"))
    parse_bytes(text.encode("utf-8", "replace").decode("utf-8").encode("cp1252", "replace"))


@FAST
@given(furniture, title, st.lists(paragraph, min_size=1, max_size=6), furniture)
def test_no_paragraph_of_prose_is_ever_lost(above, heading, paragraphs, below):
    text = "\n\n".join([*above, heading, *paragraphs, *below])
    parsed = parse_text(text)
    bodies = "\n\n".join(article.body for article in parsed.articles)
    kept = "\n\n".join(
        f"{article.standfirst or ''}\n\n{article.body}" for article in parsed.articles
    )
    assert [p for p in paragraphs if p not in kept] == []
    assert [line for line in above + below if len(line) > 2 and line in bodies] == []


@FAST
@given(
    st.lists(st.tuples(title, st.lists(paragraph, min_size=1, max_size=3)), min_size=1, max_size=4)
)
def test_posts_after_a_credit_are_split_and_keep_their_prose(posts):
    text = "\n\n".join(
        f"{heading}\n\n" + "\n\n".join(paragraphs) + "\n\nCrédit photo : Jean Dupont"
        for heading, paragraphs in posts
    )
    parsed = parse_text(text)
    assert [a.title for a in parsed.articles] == [heading for heading, _ in posts]
    assert ["\n\n".join(filter(None, [a.standfirst, a.body])) for a in parsed.articles] == [
        "\n\n".join(p) for _, p in posts
    ]


LAYOUT_LINES = [
    "AMBUSH",
    "Publié le 3 mars 2020",
    "Posted by equipe118 on nov 22, 2010 in Presse | 0 comments",
    "Édito n°84 /",
    "Par Anne Martin",
    "Crédit photo : Jean Dupont",
    "Awa Ndiaye, superviseure chez Ouest Appels",
    "PS : merci à tous.",
    "Claire Martin et Paul DURAND",
    "Consultants associés",
]
block = st.one_of(
    title, paragraph, paragraph, st.sampled_from(FURNITURE), st.sampled_from(LAYOUT_LINES)
)
layout_page = st.tuples(
    st.lists(block, min_size=1, max_size=12), st.sampled_from(["\n\n", "\n", "\n\n\n\n"])
).map(lambda parts: parts[1].join(parts[0]) + "\n")


@FAST
@given(layout_page)
def test_explain_lists_exactly_the_non_blank_source_lines_in_order(text):
    explained, _parsed = explain_bytes(text.encode())
    source = [(number + 1, line) for number, line in enumerate(text.split("\n")) if line.strip()]
    assert [(number, line) for number, _role, _reason, line in explained] == source


@FAST
@given(layout_page)
def test_line_ends_and_trailing_spaces_do_not_change_the_reading(text):
    crlf = text.replace("\n", "\r\n")
    padded = text.replace("\n", "  \t\n")
    assert parse_text(crlf) == parse_text(text)
    assert parse_text(padded) == parse_text(text)


@FAST
@given(layout_page)
def test_each_body_is_exactly_the_lines_the_parser_read_as_text(text):
    explained, parsed = explain_bytes(text.encode())
    text_roles = [
        f"texte [{post + 1}]" if post else "texte" for post in range(len(parsed.articles))
    ]
    read_as_text = [
        "\n\n".join(line for _number, role, _reason, line in explained if role == text_role)
        for text_role in text_roles
    ]
    assert [article.body for article in parsed.articles] == read_as_text
