"""Uploads imported in the background: a page to follow, a report kept, a crash resumed.

The probe's upload (a 2 MB zip of 100 files of 1 MiB) ran past gunicorn's timeout inside the
request: HTTP 500, no report, 68 of 100 files written. The request now only checks and stores
the upload; the task worker imports it, file by file, each with its entry of the report.
"""

import io
import subprocess
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles import import_jobs
from articles.models import Article, ImportJob
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
IMPORT = "admin:articles_article_import"
NAMES = sorted(path.name for path in CORPUS.glob("00[0-3]_*.txt"))  # one article each


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def corpus_zip(names=NAMES):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.writestr(name, (CORPUS / name).read_bytes())
    return SimpleUploadedFile("archive.zip", buffer.getvalue())


def send(client, upload, **fields):
    data = {"files": [upload], "status": "published", **fields}
    return client.post(reverse(IMPORT), data)


# The worker commits as in production and closes connections a transaction holds open.
WORKER = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_the_upload_answers_at_once_and_leaves_the_import_to_the_worker(
    editor_client, database_tasks
):
    response = send(editor_client, corpus_zip())

    job = ImportJob.objects.get()
    assert (response.status_code, response.url, job.status, Article.objects.count()) == (
        302,
        reverse("admin:articles_article_import_job", args=[job.pk]),
        ImportJob.Status.QUEUED,
        0,
    )


@WORKER
def test_the_job_page_waits_then_shows_the_report_once_the_worker_ran(
    editor_client, database_tasks
):
    page = send(editor_client, corpus_zip()).url
    waiting = editor_client.get(page)

    run_worker()
    done = editor_client.get(page)

    assert (
        "En attente" in waiting.text,
        'http-equiv="refresh"' in waiting.text,
        "Terminé" in done.text,
        'http-equiv="refresh"' in done.text,
        Article.objects.count(),
        done.text.count('class="import-ok"'),
    ) == (True, True, True, False, len(NAMES), len(NAMES))


def test_the_import_page_lists_the_editors_recent_jobs(editor_client, database_tasks):
    page = send(editor_client, corpus_zip()).url

    response = editor_client.get(reverse(IMPORT))

    assert f'href="{page}"' in response.text


def test_a_contributor_sees_only_their_own_jobs(editor_client, contributor_client, database_tasks):
    page = send(editor_client, corpus_zip()).url

    responses = (contributor_client.get(page), contributor_client.get(reverse(IMPORT)))

    assert (responses[0].status_code, page in responses[1].text) == (404, False)


def test_an_editor_sees_a_contributors_job(editor_client, contributor_client, database_tasks):
    page = send(contributor_client, corpus_zip(), status="draft").url

    assert editor_client.get(page).status_code == 200


@WORKER
def test_a_dead_worker_leaves_whole_reported_files_and_the_job_resumes(
    editor, monkeypatch, database_tasks
):
    """A worker that dies after its first file (as under kill -9): the file is written and
    reported, the job shows as interrupted, and resuming imports the rest once."""
    from articles.importing import writer

    real = writer.Importer.import_files
    calls = []

    def dies_on_the_second_file(self, files):
        calls.extend(source.name for source, _parsed in files)
        if len(calls) == 2:
            raise SystemExit("worker killed")
        return real(self, files)

    monkeypatch.setattr(writer.Importer, "import_files", dies_on_the_second_file)
    client = logged_in(editor)
    page = send(client, corpus_zip()).url
    job = ImportJob.objects.get()
    with pytest.raises(SystemExit):
        import_jobs.run_import_job.call(job.pk)
    monkeypatch.setattr(writer.Importer, "import_files", real)
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    interrupted = client.get(page)
    written = Article.objects.count()

    client.post(page)
    run_worker()

    job.refresh_from_db()
    assert (
        written,
        "Interrompu" in interrupted.text,
        "Reprendre l'import" in interrupted.text,
        job.status,
        job.summary["created"],
        Article.objects.count(),
        sorted(entry["file"] for entry in import_jobs.report(job)["files"]),
    ) == (1, True, True, ImportJob.Status.DONE, len(NAMES), len(NAMES), NAMES)


@WORKER
def test_a_failing_import_ends_the_job_as_failed_with_its_report(
    editor_client, monkeypatch, database_tasks
):
    from articles.importing import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("disque plein")

    page = send(editor_client, corpus_zip()).url
    monkeypatch.setattr(pipeline, "import_sources", broken)
    run_worker()

    response = editor_client.get(page)
    assert (ImportJob.objects.get().status, "disque plein" in response.text) == (
        ImportJob.Status.FAILED,
        True,
    )


def test_a_running_job_is_not_resumed_twice(editor_client, database_tasks):
    page = send(editor_client, corpus_zip()).url
    ImportJob.objects.update(status=ImportJob.Status.RUNNING)

    editor_client.post(page)

    assert ImportJob.objects.get().status == ImportJob.Status.RUNNING


@WORKER
def test_imported_files_leave_their_bytes_and_keep_their_entry(editor_client, database_tasks):
    send(editor_client, corpus_zip())
    run_worker()

    rows = list(ImportJob.objects.get().files.values_list("data", "entry__status"))
    assert rows == [(b"", "ok")] * len(NAMES)


def test_make_run_starts_the_worker_beside_the_server_and_stops_it_with_it():
    plan = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    serve = next(line for line in plan.splitlines() if "runserver" in line)
    assert ("db_worker" in serve, "kill" in serve) == (True, True)
