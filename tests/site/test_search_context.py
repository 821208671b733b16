"""Search finds what readers type: authors' names, tags, sections and issue titles.

They run on both databases: PostgreSQL's search vector and SQLite's FTS5 index are both kept by
triggers (migration 0011), whatever writes the authors, tags, sections and issues.
"""

import pytest
from django.db import connection

from articles.models import Article, ArticleAuthor, Section, Tag, TaggedArticle
from authors.models import Author
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory


def found(client, query):
    return sorted(
        article.title for article in client.get("/recherche/", {"q": query}).context["articles"]
    )


@pytest.fixture
def signed(db):
    """Two articles whose text never names their author, tag, section or issue."""
    author = AuthorFactory(name="Manuel Jacquinet")
    issue = IssueFactory(number=84, title="Spécial nearshore")
    section = SectionFactory(name="Tribune")
    ArticleFactory(
        title="Le plateau de Tunis",
        standfirst="Reportage.",
        body="Rien d'autre.",
        authors=[author, AuthorFactory(name="Romaine Klein")],
        tag_names=["externalisation"],
        issue=issue,
        section=section,
    )
    ArticleFactory(title="Sans rapport", standfirst="Autre chose.", body="Rien.")
    return {"author": author, "issue": issue, "section": section}


def fts_is_consistent():
    """SQLite: FTS5's own check that its index matches what its content view shows."""
    if connection.vendor != "sqlite":
        return True
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_article_fts(articles_article_fts, rank) "
            "VALUES ('integrity-check', 1)"
        )
    return True


@pytest.mark.parametrize(
    "query", ["Jacquinet", "jacquinet manuel", "Klein", "externalisation", "tribune", "nearshore"]
)
def test_search_finds_articles_by_author_tag_section_and_issue(client, signed, query):
    assert found(client, query) == ["Le plateau de Tunis"]


def test_search_mixes_the_text_and_the_authors_names(client, signed):
    assert found(client, "Jacquinet plateau") == ["Le plateau de Tunis"]


def test_search_ranks_title_then_byline_then_body(client, db):
    ArticleFactory(title="Pourquoi", body="Le call center, selon Jacquinet, vit encore.")
    ArticleFactory(title="Un tour", body="Rien.", authors=[AuthorFactory(name="Manuel Jacquinet")])
    ArticleFactory(title="Jacquinet répond", body="Rien.")

    response = client.get("/recherche/?q=jacquinet")

    assert [article.title for article in response.context["articles"]] == [
        "Jacquinet répond",
        "Un tour",
        "Pourquoi",
    ]


def test_search_follows_authors_added_renamed_and_removed(client, signed):
    article = Article.objects.get(title="Sans rapport")
    guest = AuthorFactory(name="Paul Invité")
    ArticleAuthor.objects.create(article=article, author=guest, position=0)
    after_adding = found(client, "invite")
    Author.objects.filter(pk=guest.pk).update(name="Paul Nouveau")
    after_renaming = (found(client, "invite"), found(client, "nouveau"))
    ArticleAuthor.objects.filter(article=article).delete()

    assert (after_adding, after_renaming, found(client, "nouveau"), fts_is_consistent()) == (
        ["Sans rapport"],
        ([], ["Sans rapport"]),
        [],
        True,
    )


def test_search_follows_tags_added_merged_renamed_and_removed(client, signed):
    article = Article.objects.get(title="Sans rapport")
    article.tags.add("omnicanal")
    after_adding = found(client, "omnicanal")
    # A merge as the back office does it: the links move to the kept tag by update().
    kept = Tag.objects.get(name="externalisation")
    TaggedArticle.objects.filter(tag__name="omnicanal").update(tag=kept)
    after_merging = (found(client, "omnicanal"), found(client, "externalisation"))
    Tag.objects.filter(pk=kept.pk).update(name="outsourcing")
    after_renaming = (found(client, "externalisation"), found(client, "outsourcing"))
    article.tags.clear()

    assert (
        after_adding,
        after_merging,
        after_renaming,
        found(client, "outsourcing"),
        fts_is_consistent(),
    ) == (
        ["Sans rapport"],
        ([], ["Le plateau de Tunis", "Sans rapport"]),
        ([], ["Le plateau de Tunis", "Sans rapport"]),
        ["Le plateau de Tunis"],
        True,
    )


def test_search_follows_sections_and_issues_renamed_or_changed(client, signed):
    Section.objects.filter(pk=signed["section"].pk).update(name="Opinion")
    signed["issue"].title = "Spécial offshore"
    signed["issue"].save()
    renamed = (found(client, "tribune"), found(client, "opinion"), found(client, "offshore"))
    Article.objects.filter(title="Sans rapport").update(section=signed["section"])
    moved = found(client, "opinion")
    Article.objects.filter(title="Le plateau de Tunis").update(issue=None)

    assert (renamed, moved, found(client, "offshore"), fts_is_consistent()) == (
        ([], ["Le plateau de Tunis"], ["Le plateau de Tunis"]),
        ["Le plateau de Tunis", "Sans rapport"],
        [],
        True,
    )


def test_a_new_tag_or_author_keeps_the_text_searchable(client, signed):
    """PostgreSQL keeps the text's part of the vector when only the context changes."""
    article = ArticleFactory(title="Sfax", standfirst="Enquête.", body="Les téléconseillères.")
    article.tags.add("maghreb")
    ArticleAuthor.objects.create(article=article, author=AuthorFactory(), position=0)

    assert [found(client, q) for q in ("sfax", "enquete", "teleconseilleres", "maghreb")] == [
        ["Sfax"]
    ] * 4


def test_saving_a_stale_article_keeps_its_authors_searchable(client, signed):
    """The names are not a model field: an article loaded before its bylines cannot undo them."""
    article = Article.objects.get(title="Sans rapport")
    ArticleAuthor.objects.create(article=article, author=signed["author"], position=0)
    article.title = "Sans rapport, relu"
    article.save()

    assert found(client, "jacquinet") == ["Le plateau de Tunis", "Sans rapport, relu"]


def test_deleting_an_article_with_authors_and_tags_keeps_the_index_whole(client, signed):
    Article.objects.get(title="Le plateau de Tunis").delete()

    assert (found(client, "jacquinet"), fts_is_consistent()) == ([], True)
