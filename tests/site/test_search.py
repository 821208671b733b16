"""French search: accents, case and word forms folded, ranked, excerpted, narrowed by tags.

The tests without a marker run on both databases: SQLite's fallback and PostgreSQL's full-text
search must give readers the same answers. The ones with `postgres_only` check PostgreSQL's
own machinery (trigger, index, websearch syntax).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles import search
from articles.models import Article
from tests.factories import ArticleFactory


def titles(response):
    return [article.title for article in response.context["articles"]]


@pytest.fixture
def corpus(db):
    ArticleFactory(
        title="La téléphonie sur IP",
        standfirst="Les centres de contact migrent.",
        body="La téléphonie change. Téléphonie et centres d'appels.",
        tag_names=["telecoms"],
    )
    ArticleFactory(
        title="Recrutement des téléconseillers",
        standfirst="Un métier qui recrute.",
        body="Le centre de Lille embauche ; la telephonie y est secondaire.",
        tag_names=["rh", "telecoms"],
    )
    ArticleFactory(
        title="Offshore au Maroc",
        standfirst="Un marché mûr.",
        body="Les plateaux de Casablanca accueillent de nouveaux clients.",
        tag_names=["offshore"],
    )
    ArticleFactory(
        title="Téléphonie secrète",
        body="Téléphonie téléphonie téléphonie.",
        status=Article.Status.DRAFT,
    )


def test_search_ignores_accents_and_case(client, corpus):
    response = client.get("/recherche/?q=TELEPHONIE")

    assert sorted(titles(response)) == ["La téléphonie sur IP", "Recrutement des téléconseillers"]


def test_search_finds_word_forms(client, corpus):
    response = client.get("/recherche/?q=centres")

    assert sorted(titles(response)) == ["La téléphonie sur IP", "Recrutement des téléconseillers"]


def test_search_finds_the_plural_from_the_singular(client, corpus):
    response = client.get("/recherche/?q=plateau")

    assert titles(response) == ["Offshore au Maroc"]


def test_search_ranks_the_most_relevant_first(client, corpus):
    response = client.get("/recherche/?q=téléphonie")

    assert titles(response) == ["La téléphonie sur IP", "Recrutement des téléconseillers"]


def test_search_needs_every_word(client, corpus):
    response = client.get("/recherche/?q=telephonie+Lille")

    assert titles(response) == ["Recrutement des téléconseillers"]


def test_search_never_shows_unpublished_articles(client, corpus):
    response = client.get("/recherche/?q=secrete")

    assert titles(response) == []


def test_search_excerpt_highlights_the_matches(client, corpus):
    response = client.get("/recherche/?q=casablanca")

    assert "<mark>Casablanca</mark>" in response.text


def test_search_excerpt_highlights_accented_words_for_an_unaccented_query(client, corpus):
    response = client.get("/recherche/?q=telephonie&tag=rh")

    assert "la <mark>telephonie</mark> y est secondaire" in response.text


def test_search_excerpt_is_escaped(client, db):
    ArticleFactory(body='<img src=x onerror="alert(1)"> Externalisation : 3 < 5 & 7 > 2.')

    response = client.get("/recherche/?q=externalisation")

    assert ("<img src=x" in response.text, "3 &lt; 5 &amp; 7 &gt; 2" in response.text) == (
        False,
        True,
    )


def test_search_is_narrowed_by_tags(client, corpus):
    response = client.get("/recherche/?q=telephonie&tag=rh")

    assert titles(response) == ["Recrutement des téléconseillers"]


def test_search_facets_count_the_matching_articles(client, corpus):
    response = client.get("/recherche/?q=telephonie")

    assert [(tag.name, tag.count) for tag in response.context["facets"]] == [
        ("telecoms", 2),
        ("rh", 1),
    ]


def test_search_without_words_shows_the_form_only(client, corpus):
    response = client.get("/recherche/?q=")

    assert (response.status_code, titles(response)) == (200, [])


def test_search_of_common_words_only_finds_nothing_cleanly(client, corpus):
    response = client.get("/recherche/?q=le+la+de+du")

    assert (response.status_code, titles(response)) == (200, [])


def test_search_of_punctuation_finds_nothing_cleanly(client, corpus):
    response = client.get("/recherche/", {"q": "' \" & | ! ( ) : * -"})

    assert (response.status_code, titles(response)) == (200, [])


def test_search_answers_a_5000_character_query(client, corpus):
    response = client.get("/recherche/", {"q": "téléphonie " * 455})

    assert (response.status_code, titles(response)) == (
        200,
        ["La téléphonie sur IP", "Recrutement des téléconseillers"],
    )


def test_search_runs_a_fixed_number_of_queries(client, corpus, django_assert_num_queries):
    ArticleFactory.create_batch(12, title="Téléphonie", tag_names=["telecoms", "voip"])

    # count · page · bylines · tags · facets; on PostgreSQL, first the archive's size and the
    # ids of the most recent matches, read at once in an archive this small
    # (search.recent_matches)
    with django_assert_num_queries(7 if connection.vendor == "postgresql" else 5):
        client.get("/recherche/?q=telephonie")


def test_search_paginates_and_keeps_the_query_and_tags(client, db):
    ArticleFactory.create_batch(25, title="Téléphonie", tag_names=["voip"])

    response = client.get("/recherche/?q=telephonie&tag=voip")

    assert 'href="?q=telephonie&amp;tag=voip&amp;page=2"' in response.text


def test_clean_query_cuts_long_queries():
    assert len(search.clean_query("m" * 5000)) == search.MAX_QUERY_CHARS


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("centres", "centr"),
        ("Centre", "centr"),
        ("canaux", "canal"),
        ("plateaux", "plateau"),
        ("conseillères", "conseiller"),
    ],
)
def test_query_words_are_folded_and_stemmed(word, stem):
    assert search.terms(word) == ([stem], [])


def test_sqlite_query_asks_for_every_word_by_its_stem_and_excludes_the_others():
    assert search.fts_query("Centres du canal -offshore") == (
        '(("centr"*) AND ("canal"* OR "canaux"*)) NOT (("offshor"*))'
    )


def test_search_excerpt_shows_the_match_deep_in_a_long_body(client, db):
    ArticleFactory(body=" ".join(f"mot{n}" for n in range(300)) + " Téléphonies " + "fin " * 50)

    response = client.get("/recherche/?q=telephonie")

    assert ("<mark>Téléphonies</mark>" in response.text, "mot3 " in response.text) == (True, False)


def test_search_vector_follows_an_update_of_the_text(postgres_only, client):
    article = ArticleFactory(title="Premier titre", body="Rien.")
    Article.objects.filter(pk=article.pk).update(body="Le nearshore tunisien.")

    response = client.get("/recherche/?q=nearshore")

    assert titles(response) == ["Premier titre"]


def test_search_vector_has_a_gin_index(postgres_only):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_article_search_idx'"
        )
        (definition,) = cursor.fetchone()

    assert "USING gin (search_vector)" in definition


def test_search_understands_websearch_exclusion_and_phrases(postgres_only, client, corpus):
    excluded = client.get("/recherche/?q=telephonie+-lille")
    phrase = client.get('/recherche/?q="centres d\'appels"')

    assert (titles(excluded), titles(phrase)) == (
        ["La téléphonie sur IP"],
        ["La téléphonie sur IP"],
    )


def test_search_ranks_a_title_match_above_many_body_matches(postgres_only, client, db):
    ArticleFactory(title="Divers", body="Externalisation. " * 5)
    ArticleFactory(title="L'externalisation", body="Un sujet.")

    response = client.get("/recherche/?q=externaliser")

    assert titles(response)[0] == "L'externalisation"


def test_search_follows_edits_and_deletions_of_the_text(client, db):
    article = ArticleFactory(title="Premier titre", body="Rien.")
    gone = ArticleFactory(title="Bientôt supprimé", body="Le nearshore marocain.")
    Article.objects.filter(pk=article.pk).update(body="Le nearshore tunisien.")
    gone.delete()

    response = client.get("/recherche/?q=nearshore")

    assert titles(response) == ["Premier titre"]


@pytest.mark.parametrize("first_window", [2, 10_000], ids=["newest-window", "whole-archive"])
def test_search_of_words_in_most_articles_ranks_the_most_recent_matches(
    postgres_only, client, monkeypatch, first_window
):
    monkeypatch.setattr(search, "RANKED", 2)
    monkeypatch.setattr(search, "FIRST_WINDOW", first_window)
    ArticleFactory(title="Relation client sans date", published_at=None)  # undated: oldest
    for days in (3, 2, 1):
        ArticleFactory(
            title=f"Relation client {days}",
            published_at=timezone.now() - timedelta(days=days),
        )

    response = client.get("/recherche/?q=relation+client")

    assert (sorted(titles(response)), "Au moins 2 résultats" in response.text) == (
        ["Relation client 1", "Relation client 2"],
        True,
    )


def test_a_hyphenated_word_finds_the_compound_only(postgres_only, client, db):
    """ "e-mail" is asked as its compound and parts (no phrase check), with the same matches."""
    ArticleFactory(title="Le courrier", body="Un e-mail par client, chaque semaine.")
    ArticleFactory(title="La boîte", body="Le mail du client, et la lettre e de l'envoi.")

    found = [titles(client.get("/recherche/", {"q": q})) for q in ("e-mail", "E-mail client")]

    assert found == [["Le courrier"], ["Le courrier"]]


@pytest.mark.parametrize(
    ("query", "phrase"),
    [("e-mail", False), ("e-mail relation", False), ('"e-mail"', True), ("e-mail or fax", True)],
)
def test_only_unquoted_hyphenated_words_leave_the_phrase_syntax(postgres_only, db, query, phrase):
    sql = str(Article.objects.filter(search_vector=search.postgres_query(query)).query)
    assert ("plainto_tsquery" not in sql) == phrase
