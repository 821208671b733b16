"""The admin's import page: upload archive files, follow their import, read its report.

The page checks the upload (capped at settings.IMPORT_UPLOAD_MAX_BYTES: an upload handler stops
storing the body as soon as it goes over, before anything is written to disk), then hands the
files to a background job (`articles.import_jobs`) and shows the job's page: its progress, its
report as it grows, a button to resume it if its worker stopped. The editor can leave it and
come back; the import page lists their recent jobs. Whole archives go through
`manage.py import_corpus`.

A contributor's import creates drafts only, and leaves alone files whose articles are already
published or archived: re-importing them would change a live article without an editor. A
contributor sees their own jobs, an editor everyone's.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from articles import import_jobs
from articles.admin.article_form import WRITER_STATUSES
from articles.admin.uploads import UploadError, max_upload_bytes, read_uploads, size_error
from articles.models import Article, ImportJob

RECENT_JOBS = 10

LIVE_FILE_MESSAGE = (
    "Déjà importé, et publié, archivé ou écrit par un autre rédacteur : seul un éditeur peut "
    "le réimporter."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, list | tuple):
            return [single_clean(item, initial) for item in data]
        return [single_clean(data, initial)] if data else single_clean(data, initial)


class ImportForm(forms.Form):
    """The import page: text files or one zip, the status of created articles, a dry run."""

    files = MultipleFileField(
        label="Fichiers",
        help_text="Plusieurs fichiers .txt de l'archive, ou une seule archive .zip.",
    )
    status = forms.ChoiceField(
        label="Statut des articles créés",
        choices=[
            (Article.Status.DRAFT, "Brouillon"),
            (Article.Status.REVIEW, "En relecture"),
            (Article.Status.PUBLISHED, "Publié"),
        ],
        initial=Article.Status.DRAFT,
        help_text="Les articles déjà importés gardent leur statut.",
    )
    dry_run = forms.BooleanField(
        label="Simulation",
        required=False,
        help_text="Analyser les fichiers et afficher le rapport sans rien enregistrer.",
    )

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_publish = can_publish
        if not can_publish:
            self.fields["status"].choices = [(Article.Status.DRAFT, "Brouillon")]
            self.fields[
                "status"
            ].help_text = (
                "Vos imports créent des brouillons ; un éditeur les publiera après relecture."
            )

    def clean_files(self):
        try:
            self.upload = read_uploads(self.cleaned_data["files"])
        except UploadError as error:
            raise forms.ValidationError(str(error)) from error
        return self.cleaned_data["files"]


class UploadLimitHandler(FileUploadHandler):
    """Stop taking in an upload once it exceeds the limit; the page then says so.

    The rest of the body is read and thrown away (not stored), so the browser gets the answer
    instead of a reset connection.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > max_upload_bytes():
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


def split_live_files(files, user):
    """Separate the files whose articles `user`, a contributor, may not change (published,
    archived, or another writer's) from the others."""
    names = [name for name, _ in files]
    live = set(
        Article.objects.filter(source_file__in=names)
        .exclude(status__in=WRITER_STATUSES, created_by=user)
        .values_list("source_file", flat=True)
    )
    return [f for f in files if f[0] not in live], sorted(live)


def import_articles(request, model_admin):
    """The import page. CSRF is checked here, after the upload limit is in place."""
    handler = UploadLimitHandler(request)
    request.upload_handlers.insert(0, handler)
    return csrf_protect(import_page)(request, model_admin, handler)


def import_page(request, model_admin, handler):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    can_publish = model_admin.has_publish_permission(request)
    upload_error = None
    if request.method == "POST":
        # Reading the body runs the upload handler: only then is `exceeded` known.
        form = ImportForm(request.POST, request.FILES, can_publish=can_publish)
        if handler.exceeded:
            form = ImportForm(can_publish=can_publish)
            upload_error = str(size_error(handler.received))
        elif form.is_valid():
            job = start_import(request, form, can_publish)
            return HttpResponseRedirect(job_url(job))
    else:
        form = ImportForm(can_publish=can_publish)

    context = {
        **admin_context(request, model_admin, "Importer des articles"),
        "form": form,
        "can_publish": can_publish,
        "max_bytes": max_upload_bytes(),
        "upload_error": upload_error,
        "jobs": [
            {"job": job, "url": job_url(job), "stalled": import_jobs.is_stalled(job)}
            for job in visible_jobs(request, can_publish)[:RECENT_JOBS]
        ],
    }
    return TemplateResponse(request, "admin/articles/article/import.html", context)


def admin_context(request, model_admin, title):
    request.current_app = model_admin.admin_site.name
    opts = Article._meta
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "opts": opts,
        "app_label": opts.app_label,
        "has_view_permission": model_admin.has_view_permission(request),
    }


def visible_jobs(request, can_publish):
    """An editor sees every import, a contributor their own."""
    jobs = ImportJob.objects.select_related("created_by")
    return jobs if can_publish else jobs.filter(created_by=request.user)


def job_url(job):
    return reverse("admin:articles_article_import_job", args=[job.pk])


def start_import(request, form, can_publish):
    """Hand the form's files to a background job; return it."""
    files = form.upload.files
    live = []
    if not can_publish:
        files, live = split_live_files(files, request.user)
    skipped = [
        {"file": name, "status": "skipped", "message": LIVE_FILE_MESSAGE, "articles": []}
        for name in live
    ]
    return import_jobs.create_job(
        files,
        user=request.user,
        status=form.cleaned_data["status"],
        dry_run=form.cleaned_data["dry_run"],
        ignored=form.upload.ignored,
        skipped=skipped,
    )


def import_job_page(request, model_admin, job_id):
    """A job's progress and report; POST resumes it when its worker has stopped."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    can_publish = model_admin.has_publish_permission(request)
    job = get_object_or_404(visible_jobs(request, can_publish), pk=job_id)
    if request.method == "POST":
        if import_jobs.resume(job):
            messages.info(request, "Import relancé : les fichiers déjà importés sont conservés.")
        return HttpResponseRedirect(job_url(job))

    report = import_jobs.report(job)
    skipped_live = sum(1 for entry in report["files"] if entry["message"] == LIVE_FILE_MESSAGE)
    summary = dict(report["summary"])
    summary["files"] += skipped_live
    summary["skipped"] += skipped_live
    total = job.files.count()
    context = {
        **admin_context(request, model_admin, f"Import n° {job.pk}"),
        "job": job,
        "done": len(report["files"]),
        "total": total,
        "running": job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING),
        "stalled": import_jobs.is_stalled(job),
        "stopped": import_jobs.is_stopped(job),
        "report": present({"summary": summary, "files": report["files"]}, job.ignored),
    }
    return TemplateResponse(request, "admin/articles/article/import_job.html", context)


def present(report, ignored):
    """The report with French labels and admin links, for the import page."""
    # Imported on use, as the import jobs do: the back office opens whatever the importer's state.
    from articles.importing.report import ACTION_LABELS, FILE_STATUS_LABELS, SUMMARY_LABELS

    changelist = reverse("admin:articles_article_changelist")
    files = []
    for entry in report["files"]:
        articles = [
            {
                **article,
                "action_label": ACTION_LABELS.get(article["action"], article["action"]),
                "change_url": (
                    reverse("admin:articles_article_change", args=[article["id"]])
                    if article.get("id")
                    else None
                ),
            }
            for article in entry["articles"]
        ]
        files.append(
            {
                **entry,
                "status_label": FILE_STATUS_LABELS.get(entry["status"], entry["status"]),
                "articles": articles,
            }
        )
    return {
        "summary": [(SUMMARY_LABELS[key], report["summary"].get(key, 0)) for key in SUMMARY_LABELS],
        "files": files,
        "ignored": ignored,
        "review_url": f"{changelist}?needs_review__exact=1",
        "conflicts_url": f"{changelist}?import_conflict__exact=1",
        "needs_review": sum(1 for f in files for a in f["articles"] if a["needs_review"]),
        "conflicts": report["summary"].get("conflicts", 0),
    }


class ImportViewsMixin:
    """ArticleAdmin's import page and job pages, at …/articles/article/importer/."""

    def get_urls(self):
        return [
            path(
                "importer/",
                self.admin_site.admin_view(self.import_view),
                name="articles_article_import",
            ),
            path(
                "importer/<int:job_id>/",
                self.admin_site.admin_view(self.import_job_view),
                name="articles_article_import_job",
            ),
            *super().get_urls(),
        ]

    @method_decorator(csrf_exempt)  # checked by the view, once the upload size limit is set
    def import_view(self, request):
        return import_articles(request, self)

    def import_job_view(self, request, job_id):
        return import_job_page(request, self, job_id)
