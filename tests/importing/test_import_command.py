"""The import command and writer against the database: idempotence, conflicts, failures."""

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, TaggedArticle
from authors.models import Author
from tests.importing.conftest import CORPUS

CORPUS_ARTICLES = 8

pytestmark = pytest.mark.django_db


def run_import(*args):
    report = Path(args[0]).parent / "report.json"
    call_command("import_corpus", *args, "--report", str(report))
    return json.loads(report.read_text(encoding="utf-8"))


def test_corpus_import_creates_every_article(archive):
    report = run_import(archive)
    assert (report["summary"]["files"], report["summary"]["created"], Article.objects.count()) == (
        5,
        CORPUS_ARTICLES,
        CORPUS_ARTICLES,
    )


def test_second_import_changes_nothing(archive):
    run_import(archive)
    report = run_import(archive)
    assert (
        report["summary"]["unchanged"],
        report["summary"]["created"],
        Article.objects.count(),
    ) == (
        CORPUS_ARTICLES,
        0,
        CORPUS_ARTICLES,
    )


def test_report_follows_the_documented_shape(archive):
    report = run_import(archive)
    entry = next(f for f in report["files"] if f["file"] == "001_bddfb86fe70a540c.txt")
    article = entry["articles"][0]
    assert (
        entry["status"],
        article["published"],
        article["issue_number"],
        article["authors"],
        article["action"],
    ) == (
        "ok",
        "2018-04-25T09:42:00+02:00",
        84,
        [{"name": "Manuel Jacquinet", "role": None, "handle": "@manueljacquinet"}],
        "created",
    )


def test_published_date_and_provenance_are_stored(archive):
    run_import(archive)
    article = Article.objects.get(source_file="001_bddfb86fe70a540c.txt")
    assert (
        article.published_at,
        article.issue.number,
        article.source_position,
        len(article.source_digest),
        "Publié le 25 avril 2018" in article.source_text,
    ) == (datetime(2018, 4, 25, 9, 42, tzinfo=ZoneInfo("Europe/Paris")), 84, 0, 64, True)


def test_one_author_across_files_whatever_the_spelling(archive):
    run_import(archive)
    jacquinet = Author.objects.get(name="Manuel Jacquinet")
    assert (
        Author.objects.filter(name_key="manuel jacquinet").count(),
        jacquinet.articles.count(),
        jacquinet.role,
        jacquinet.handle,
    ) == (1, 2, "Directeur de la rédaction", "@manueljacquinet")


def test_missing_author_and_date_are_shown_to_editors_without_flagging(archive):
    run_import(archive)
    blog_posts = Article.objects.filter(source_file="004_94a55e2e95f20323.txt").order_by(
        "source_position"
    )
    assert [(a.needs_review, bool(a.import_warnings)) for a in blog_posts] == [
        (False, True),
        (False, True),
        (False, True),
        (False, True),  # its caption was taken out: a note (a doubt that told nothing)
    ]


def test_changed_source_updates_its_articles(archive):
    run_import(archive)
    path = archive / "002_985894ac4d837a21.txt"
    path.write_text(path.read_text().replace("Depuis le temps", "Depuis si longtemps"))
    report = run_import(archive)
    article = Article.objects.get(source_file="002_985894ac4d837a21.txt")
    assert (report["summary"]["updated"], article.body.startswith("Depuis si longtemps")) == (
        1,
        True,
    )


def test_editor_changes_survive_a_changed_source_as_a_conflict(archive):
    run_import(archive)
    article = Article.objects.get(source_file="002_985894ac4d837a21.txt")
    article.title = "Titre corrigé par la rédaction"
    article.save()
    path = archive / "002_985894ac4d837a21.txt"
    path.write_text(path.read_text().replace("Depuis le temps", "Depuis si longtemps"))
    report = run_import(archive)
    article.refresh_from_db()
    assert (
        report["summary"]["conflicts"],
        article.title,
        article.import_conflict,
        article.needs_review,
    ) == (1, "Titre corrigé par la rédaction", True, True)


def test_a_broken_file_is_reported_and_the_rest_imports(archive):
    (archive / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00junk" * 50)
    report = run_import(archive)
    broken = next(f for f in report["files"] if f["file"] == "broken.txt")
    assert (broken["status"], bool(broken["message"]), Article.objects.count()) == (
        "error",
        True,
        CORPUS_ARTICLES,
    )


def test_a_file_of_furniture_only_is_skipped_with_a_reason(archive):
    (archive / "chrome.txt").write_text("Scroll Top\n\nRecherche\n\nAbonnez-vous maintenant\n")
    report = run_import(archive)
    chrome = next(f for f in report["files"] if f["file"] == "chrome.txt")
    assert (chrome["status"], bool(chrome["message"])) == ("skipped", True)


def test_dry_run_writes_nothing(archive):
    report = run_import(archive, "--dry-run")
    actions = {a["action"] for f in report["files"] for a in f["articles"]}
    assert (Article.objects.count(), actions) == (0, {"none (dry run)"})


def test_status_draft_imports_drafts(archive):
    run_import(archive, "--status", "draft")
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.DRAFT}


def test_removing_a_file_deletes_nothing(archive):
    run_import(archive)
    (archive / "000_6d2d1e48edda2059.txt").unlink()
    run_import(archive)
    assert Article.objects.count() == CORPUS_ARTICLES


def test_suggested_tags_are_marked_as_suggestions(archive):
    run_import(archive)
    assert TaggedArticle.objects.exists()
    assert set(TaggedArticle.objects.values_list("suggested", flat=True)) == {True}


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Introuvable"):
        call_command("import_corpus", str(tmp_path / "nowhere"))


def test_strict_fails_when_a_file_failed(archive):
    (archive / "broken.txt").write_bytes(b"\x00\x00\x00" * 100)
    with pytest.raises(CommandError) as raised:
        call_command("import_corpus", str(archive), "--strict", "--report", str(archive / "r.json"))
    assert raised.value.returncode == 2


def test_summary_table_without_report(archive, capsys):
    call_command("import_corpus", str(archive))
    assert "Créés" in capsys.readouterr().out


def test_report_to_stdout(archive, capsys):
    call_command("import_corpus", str(archive), "--report", "-")
    assert json.loads(capsys.readouterr().out)["summary"]["created"] == CORPUS_ARTICLES


def test_files_may_be_named_one_by_one(archive):
    report = run_import(archive / "000_6d2d1e48edda2059.txt")
    assert [f["file"] for f in report["files"]] == ["000_6d2d1e48edda2059.txt"]


def test_each_imported_article_has_its_first_revision(archive):
    run_import(archive)
    reasons = [
        list(article.history.values_list("history_change_reason", flat=True))
        for article in Article.objects.all()
    ]
    assert reasons == [["Import de l'archive"]] * CORPUS_ARTICLES


def test_same_titles_get_distinct_slugs_across_files_and_within_one(archive):
    post = "Même titre\n\n" + "Un paragraphe de prose assez long pour être un vrai texte. " * 3
    (archive / "twice.txt").write_text(f"{post}\n\nCrédit photo : X\n\n{post}\n")
    (archive / "again.txt").write_text(post)
    run_import(archive)
    slugs = list(Article.objects.filter(title="Même titre").values_list("slug", flat=True))
    assert sorted(slugs) == ["meme-titre", "meme-titre-2", "meme-titre-3"]


def test_a_file_failing_midway_rolls_back_alone_inside_a_batch(archive, monkeypatch):
    """The run's files are written together, that fails, each is written alone: one fails."""
    from articles.importing.writer import Importer

    link_created = Importer._link_created
    attempts = []

    def fail_after_writing(self, created):
        link_created(self, created)
        files = {article.source_file for article, _item, _entry in created}
        attempts.append(len(files))
        if "002_985894ac4d837a21.txt" in files:
            raise RuntimeError("disque plein")

    monkeypatch.setattr(Importer, "_link_created", fail_after_writing)
    report = run_import(archive)
    failed = next(f for f in report["files"] if f["file"] == "002_985894ac4d837a21.txt")
    assert (failed["status"], "disque plein" in failed["message"]) == ("error", True)
    assert Article.objects.count() == CORPUS_ARTICLES - 1
    assert not Article.objects.filter(source_file="002_985894ac4d837a21.txt").exists()
    assert attempts == [5, 1, 1, 1, 1, 1]  # together, then file by file
    assert Article.history.count() == CORPUS_ARTICLES - 1  # no revision left behind


def test_new_files_of_a_run_are_inserted_together(archive):
    """One INSERT per table for the run's new files, whatever their number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        run_import(archive)
    inserts = [q["sql"].split()[2].strip('"') for q in queries if q["sql"].startswith("INSERT")]
    bulk = ("article", "historicalarticle", "articleauthor", "taggedarticle")
    assert [inserts.count(f"articles_{table}") for table in bulk] == [1, 1, 1, 1]


def test_explain_shows_each_line_with_its_role_and_reason(capsys):
    call_command("import_corpus", "--explain", str(CORPUS / "000_6d2d1e48edda2059.txt"))
    lines = capsys.readouterr().out.splitlines()
    banner = next(line for line in lines if "AMBUSH" in line)
    title = next(line for line in lines if "Une réelle industrie" in line)
    assert (banner.split()[:2], "bandeau" in banner, title.split()[:2], "score" in title) == (
        ["1", "décor"],
        True,
        ["11", "titre"],
        True,
    )


def test_explain_refuses_a_binary_file_with_a_clear_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\x00\x00\x00")
    with pytest.raises(CommandError, match="fichier binaire"):
        call_command("import_corpus", "--explain", str(path))


TAGGED_PAGE = """Les centres d'appels de Brest

Publié le 25 avril 2018 à 09:42 par Manuel Jacquinet

Les plateaux de Brest recrutent encore cette année, et les téléconseillers y restent plus
longtemps qu'ailleurs grâce à une formation suivie et à des horaires choisis.

Tags : {tags}
"""


def test_a_changed_source_adds_its_new_tags_and_keeps_the_others_as_they_were(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    page = folder / "brest.txt"
    page.write_text(TAGGED_PAGE.format(tags="Recrutement"), encoding="utf-8")
    run_import(folder)
    page.write_text(TAGGED_PAGE.format(tags="Recrutement, Formation"), encoding="utf-8")

    report = run_import(folder)

    taggings = TaggedArticle.objects.filter(content_object__source_file="brest.txt")
    assert (report["summary"]["updated"], dict(taggings.values_list("tag__name", "suggested"))) == (
        1,
        {"Centre d'appels": True, "Formation": False, "Recrutement": False},
    )


def test_a_post_filed_under_several_categories_goes_in_the_magazines_section(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    paragraph = (
        "Les plateaux de la région recrutent de nouveau cette année, après deux saisons "
        "difficiles où les départs avaient dépassé les embauches sur presque tous les sites."
    )
    (folder / "billet.txt").write_text(
        "AMBUSH\n\nInformation\n\nThis article was written on 16 Nov 2010, and is filled under "
        f"Articles rédigés, Editos du magazine En-Contact.\n\nTenir la ligne\n\n{paragraph}\n",
        encoding="utf-8",
    )
    report = run_import(folder)
    article = Article.objects.get()
    assert (report["files"][0]["articles"][0]["category"], article.section.name) == (
        "Articles rédigés, Editos du magazine En-Contact",
        "Editos du magazine En-Contact",
    )
