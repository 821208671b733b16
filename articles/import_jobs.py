"""Uploads imported in the background, by the task worker (django-tasks, database backend).

The admin's import page checks an upload, stores its text files with a new `ImportJob` and
enqueues `run_import_job`; the worker (`manage.py db_worker`, started by `make run`) imports
them with the importer's pipeline (`pipeline.import_sources`, the command's too). Each file's
articles and its entry of the report are written in one transaction: a worker killed midway
leaves whole files, each reported, and the job's page shows it interrupted once it has made no
progress for STALLED_AFTER. Resuming it (a button on that page) imports the files not reported
yet. An import that raises ends the job as failed, with its partial report and the error.
"""

from collections import deque
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from articles.models import ImportJob, ImportJobFile

STALLED_AFTER = timedelta(minutes=5)
# What the job's page shows of an imported article (the report also holds its whole text).
ENTRY_FIELDS = ("id", "slug", "title", "authors", "warnings", "needs_review", "action")


def create_job(files, *, user, status, dry_run, ignored=(), skipped=()):
    """A job for `files` ((name, bytes) pairs), enqueued; `skipped` entries are reported as is.

    The rows are committed before the task is enqueued: a worker never sees a task whose job
    does not exist yet.
    """
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=user,
            article_status=status,
            dry_run=dry_run,
            ignored=list(ignored),
            summary=empty_summary(),
        )
        rows = [ImportJobFile(job=job, name=name, data=data) for name, data in files]
        rows += [ImportJobFile(job=job, name=entry["file"], entry=entry) for entry in skipped]
        for position, row in enumerate(rows):
            row.position = position
        ImportJobFile.objects.bulk_create(rows)
    enqueue(job)
    return job


def enqueue(job):
    run_import_job.enqueue(job.pk)


def resume(job):
    """Import what a stopped job has not imported yet; False if it is not stopped."""
    if not is_stopped(job):
        return False
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.QUEUED, error="", updated_at=timezone.now()
    )
    enqueue(job)
    return True


def is_stalled(job, now=None):
    """A job the worker started but has not moved for STALLED_AFTER: its worker has died."""
    return (
        job.status == ImportJob.Status.RUNNING
        and job.updated_at < (now or timezone.now()) - STALLED_AFTER
    )


def is_stopped(job):
    return job.status == ImportJob.Status.FAILED or is_stalled(job)


def empty_summary():
    from articles.importing.report import empty_summary

    return empty_summary()


@task()
def run_import_job(job_id):
    """The worker's task: import the job's files not reported yet, then close the job."""
    # Imported on use: the back office must open even while the importer is being changed.
    from articles.importing.pipeline import SourceFile, import_sources
    from articles.importing.writer import Importer

    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status == ImportJob.Status.DONE:
        return job.summary
    job.status, job.error = ImportJob.Status.RUNNING, ""
    job.save(update_fields=["status", "error", "updated_at"])
    pending = deque(job.files.filter(entry__isnull=True).values_list("pk", flat=True))
    before = dict(job.summary or empty_summary())

    def sources():
        for pk in list(pending):
            row = ImportJobFile.objects.only("name", "data").get(pk=pk)
            yield SourceFile(row.name, bytes(row.data))

    def record(entries, summary):
        for entry in entries:
            report = entry.as_json()
            kept = {**report, "articles": [trimmed(article) for article in report["articles"]]}
            ImportJobFile.objects.filter(pk=pending.popleft()).update(entry=kept, data=b"")
        job.summary = {key: before.get(key, 0) + value for key, value in summary.items()}
        job.save(update_fields=["summary", "updated_at"])

    try:
        importer = Importer(status=job.article_status, dry_run=job.dry_run, user=job.created_by)
        # One file per transaction, recorded by `record` as it commits: nothing to keep here.
        deque(import_sources(importer, sources(), progress=record), maxlen=0)
    except Exception as error:
        job.status, job.error = ImportJob.Status.FAILED, f"{type(error).__name__} : {error}"
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at", "updated_at"])
        raise
    job.status, job.finished_at = ImportJob.Status.DONE, timezone.now()
    job.save(update_fields=["status", "finished_at", "updated_at"])
    return job.summary


def trimmed(article):
    return {key: article.get(key) for key in ENTRY_FIELDS}


def report(job):
    """The job's report as the command writes it: the summary and the files reported."""
    entries = job.files.filter(entry__isnull=False).values_list("entry", flat=True)
    return {"summary": job.summary or empty_summary(), "files": list(entries)}
