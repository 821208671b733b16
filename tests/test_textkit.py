"""The shared text utilities: folding for the parser, search and author keys; ASCII slugs."""

from hypothesis import given
from hypothesis import strategies as st

from authors.names import name_key
from textkit.folding import fold, fold_words, strip_accents
from textkit.paragraphs import is_footnote, is_postscript, is_question
from textkit.slugs import ascii_slug


def test_fold_lowers_drops_accents_and_straightens_apostrophes():
    assert fold("Éditeur’s Noël À LA UNE") == "editeur's noel a la une"


@given(st.text())
def test_fold_keeps_one_character_for_one(text):
    assert len(fold(text)) == len(text)


def test_fold_keeps_ligatures_so_spans_still_match():
    assert fold("Œuvre") == "œuvre"


def test_fold_words_spells_ligatures_out_as_search_indexes_them():
    assert fold_words("Téléphonie Œuvre Ex æquo") == "telephonie oeuvre ex aequo"


def test_strip_accents_keeps_case():
    assert strip_accents("Téléphonie À") == "Telephonie A"


def test_name_key_builds_on_strip_accents_and_keeps_ligatures():
    assert name_key("Cœur-de-Lion  ÉMILE") == "cœur de lion emile"


def test_ascii_slug_transliterates_ligatures_instead_of_dropping_them():
    assert ascii_slug("L'œuvre des téléconseillers") == "loeuvre-des-teleconseillers"


def test_paragraph_roles_of_a_body():
    assert is_question("Pourquoi ? »")
    assert is_postscript("PS : à bientôt")
    assert is_footnote("*Selon nos sources")
    assert is_footnote("(*) Chiffres communiqués par trois prestataires")
    assert not is_footnote("(Archives du magazine, 2016)")
