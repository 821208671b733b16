"""Imported articles are found by their authors and tags; on PostgreSQL, a run indexes each once.

A run of new files is written with one bulk insert per table; on PostgreSQL its articles get
their search vector in one update once their bylines and taggings are in (migration 0015,
articles.importing.writer.indexing), instead of one write more per statement of links.
"""

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importing.writer import Importer
from articles.models import Article, ArticleAuthor
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db


def run_import(folder):
    report = Path(folder).parent / f"{Path(folder).name}-report.json"
    call_command("import_corpus", str(folder), "--report", str(report))
    return json.loads(report.read_text(encoding="utf-8"))


def found(client, query):
    return {
        article.title for article in client.get("/recherche/", {"q": query}).context["articles"]
    }


def signed_and_tagged():
    """An imported article with an author and a tag, and their names."""
    article = Article.objects.filter(bylines__isnull=False, taggedarticle__isnull=False).first()
    return article, article.authors.first().name, article.tags.first().name


def vectors():
    return dict(Article.objects.values_list("pk", "search_vector"))


def test_imported_articles_are_found_by_their_authors_and_tags(client, archive):
    run_import(archive)
    article, author, tag = signed_and_tagged()

    assert (article.title in found(client, author), article.title in found(client, tag)) == (
        True,
        True,
    )


def test_imported_vectors_are_those_a_full_indexing_gives(postgres_only, archive):
    run_import(archive)
    imported = vectors()
    with connection.cursor() as cursor:
        # No trigger watches search_vector itself; the second update parses every text again.
        cursor.execute("UPDATE articles_article SET search_vector = NULL")
        cursor.execute("UPDATE articles_article SET search_context = search_context")

    assert (None not in imported.values(), imported) == (True, vectors())


@pytest.fixture
def article_writes(postgres_only):
    """Every insert and update of an article in the test's transaction, as (operation, id)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE TEMPORARY TABLE article_writes (operation text, id bigint);
            CREATE FUNCTION pg_temp.article_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO article_writes VALUES (TG_OP, NEW.id);
                RETURN NULL;
            END $$;
            CREATE TRIGGER test_article_writes AFTER INSERT OR UPDATE ON articles_article
                FOR EACH ROW EXECUTE FUNCTION pg_temp.article_written();
            """
        )

    def writes():
        with connection.cursor() as cursor:
            cursor.execute("SELECT operation, count(*) FROM article_writes GROUP BY operation")
            return dict(cursor.fetchall())

    return writes


def test_an_imported_article_is_written_once_after_its_insert(archive, article_writes):
    run_import(archive)

    assert article_writes() == {
        "INSERT": Article.objects.count(),
        "UPDATE": Article.objects.count(),
    }


def test_links_written_after_an_import_are_indexed_at_once(postgres_only, client, archive):
    run_import(archive)  # in the test's transaction: a deferral left on would still hold
    article = Article.objects.first()
    ArticleAuthor.objects.create(
        article=article, author=AuthorFactory(name="Zoé Postérieure"), position=9
    )

    assert article.title in found(client, "Postérieure")


def test_a_run_written_again_file_by_file_is_indexed(postgres_only, client, archive, monkeypatch):
    link_created = Importer._link_created
    failed = []

    def fail_once(self, created):
        link_created(self, created)
        if not failed:
            failed.append(len(created))
            raise RuntimeError("panne passagère")

    monkeypatch.setattr(Importer, "_link_created", fail_once)
    report = run_import(archive)
    article, author, tag = signed_and_tagged()

    assert (
        report["summary"]["created"],
        None in vectors().values(),
        article.title in found(client, author),
        article.title in found(client, tag),
    ) == (Article.objects.count(), False, True, True)


def test_a_run_of_new_files_costs_the_same_queries_whatever_its_size(archive, tmp_path):
    run_import(archive)  # authors, tags, issues and sections exist from then on
    source = next(archive.glob("*.txt"))
    runs = {}
    for copies in (2, 6):
        folder = tmp_path / f"copies-{copies}"
        folder.mkdir()
        for number in range(copies):
            shutil.copy(source, folder / f"{copies}-{number}-{source.name}")
        with CaptureQueriesContext(connection) as queries:
            run_import(folder)
        runs[copies] = len(queries)

    assert runs[2] == runs[6]
