"""The admin's import page: uploads checked, the importer run, its report shown with links."""

import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.importing.records import ParsedArticle, ParsedAuthor
from articles.importing.report import ArticleEntry, FileEntry, empty_summary
from articles.models import Article
from tests.conftest import logged_in, skip_or_fail
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

IMPORT = "admin:articles_article_import"
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
TEXT = "Publié le 25 avril 2018 à 09:42 par Magazine En-Contact\n\nLe texte.\n".encode()


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class FakeWriter:
    """Stands in for the importer's pipeline: records what the import job asked for."""

    def __init__(self):
        self.calls = []

    def __call__(self, importer, sources, *, progress):
        files = [(source.name, source.data) for source in sources]
        self.calls.append({"names": [name for name, _ in files], "status": importer.status})
        article = ArticleFactory(status=importer.status, needs_review=True)
        parsed = ParsedArticle(
            title=article.title,
            body="",
            authors=[ParsedAuthor("Manuel Jacquinet")],
            warnings=["Titre deviné"],
            notes=["Aucune date de publication sur la page"],
        )
        created = ArticleEntry(parsed)
        created.done(article, "created")
        entries = [
            FileEntry(name, "ok", None, [created] if i == 0 else [])
            for i, (name, _) in enumerate(files)
        ]
        summary = {
            **empty_summary(),
            "files": len(files),
            "articles": 1,
            "created": 1,
            "warnings": 1,
        }
        progress(entries, summary)
        return entries


@pytest.fixture
def writer(monkeypatch):
    fake = FakeWriter()
    monkeypatch.setattr("articles.importing.pipeline.import_sources", fake)
    return fake


def post(client, *files, **fields):
    """Send the import form, then follow to the job's page (its job has run: see conftest)."""
    data = {"files": list(files), "status": "draft", **fields}
    return client.post(reverse(IMPORT), data, follow=True)


def test_import_page_shows_the_upload_form(editor_client):
    response = editor_client.get(reverse(IMPORT))
    assert (response.status_code, 'type="file"' in response.text) == (200, True)


def test_import_page_needs_the_add_permission(django_user_model):
    user = django_user_model.objects.create_user("vera", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    response = logged_in(user).get(reverse(IMPORT))
    assert response.status_code == 403


def test_import_page_checks_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = post(client, upload("001.txt", TEXT))
    assert response.status_code == 403


def test_text_files_are_imported_and_reported_with_links(editor_client, writer):
    response = post(editor_client, upload("001.txt", TEXT), upload("002.txt", TEXT))
    article = Article.objects.get()
    assert (
        writer.calls[0]["names"],
        reverse("admin:articles_article_change", args=[article.pk]) in response.text,
        "?needs_review__exact=1" in response.text,
    ) == (["001.txt", "002.txt"], True, True)


def test_zip_members_are_imported_under_their_relative_names(editor_client, writer):
    post(editor_client, upload("archive.zip", zipped({"archive/2018/001.txt": TEXT})))
    assert writer.calls[0]["names"] == ["2018/001.txt"]


def test_oversized_upload_is_refused_before_anything_is_imported(editor_client, writer, settings):
    settings.IMPORT_UPLOAD_MAX_BYTES = 1000
    response = post(editor_client, upload("big.txt", TEXT * 100))
    assert (writer.calls, "trop volumineux" in response.text) == ([], True)


def test_zip_with_a_parent_path_is_refused(editor_client, writer):
    response = post(editor_client, upload("a.zip", zipped({"../../etc/evil.txt": TEXT})))
    assert (writer.calls, "remonte hors de l&#x27;archive" in response.text) == ([], True)


def test_zip_bomb_is_refused(editor_client, writer):
    bomb = zipped({"bomb.txt": b"\n" * (20 * 1024 * 1024)})
    response = post(editor_client, upload("a.zip", bomb))
    assert (writer.calls, "bombe de décompression" in response.text) == ([], True)


def test_non_text_file_is_refused(editor_client, writer):
    response = post(editor_client, upload("scan.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"))
    assert (writer.calls, "n&#x27;est pas un fichier texte" in response.text) == ([], True)


def test_editor_may_import_as_published(editor_client, writer):
    post(editor_client, upload("001.txt", TEXT), status="published")
    assert writer.calls[0]["status"] == "published"


def test_contributor_import_creates_drafts(contributor_client, writer):
    post(contributor_client, upload("001.txt", TEXT))
    assert writer.calls[0]["status"] == "draft"


def test_contributor_crafted_post_cannot_import_as_published(contributor_client, writer):
    response = post(contributor_client, upload("001.txt", TEXT), status="published")
    assert (response.status_code, writer.calls) == (200, [])


def test_contributor_cannot_reimport_the_file_of_a_published_article(contributor_client, writer):
    ArticleFactory(status=Article.Status.PUBLISHED, source_file="001.txt", source_position=0)
    response = post(contributor_client, upload("001.txt", TEXT), upload("002.txt", TEXT))
    assert (writer.calls[0]["names"], "seul un éditeur peut le réimporter" in response.text) == (
        ["002.txt"],
        True,
    )


# With the real importer ------------------------------------------------------------------


@pytest.fixture
def real_writer():
    try:
        import articles.importing.writer  # noqa: F401
    except ImportError as error:
        skip_or_fail(f"Importer unavailable: {error}")


def corpus_file(name):
    return upload(name, (CORPUS / name).read_bytes())


def test_corpus_text_file_is_imported_as_drafts(contributor_client, real_writer):
    response = post(contributor_client, corpus_file("001_bddfb86fe70a540c.txt"))
    statuses = set(Article.objects.values_list("status", flat=True))
    assert (response.status_code, statuses) == (200, {Article.Status.DRAFT})


def test_corpus_zip_is_imported_like_the_command(editor_client, real_writer):
    names = sorted(path.name for path in CORPUS.glob("*.txt"))
    archive = zipped({f"corpus/{name}": (CORPUS / name).read_bytes() for name in names})
    post(editor_client, upload("corpus.zip", archive))
    assert sorted(set(Article.objects.values_list("source_file", flat=True))) == names


def test_dry_run_saves_nothing(editor_client, real_writer):
    response = post(editor_client, corpus_file("001_bddfb86fe70a540c.txt"), dry_run="on")
    assert (Article.objects.count(), "Simulation" in response.text) == (0, True)
