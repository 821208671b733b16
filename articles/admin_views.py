"""The admin's import page: upload archive files, run the importer, read its report.

The import runs within the request, so the upload is capped (settings.IMPORT_UPLOAD_MAX_BYTES,
a few hundred articles at most): an upload handler stops storing the body as soon as it goes
over, before anything is written to disk. Whole archives go through `manage.py import_corpus`.

A contributor's import creates drafts only, and leaves alone files whose articles are already
published or archived: re-importing them would change a live article without an editor.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_protect

from articles.forms import WRITER_STATUSES, ImportForm
from articles.models import Article
from articles.uploads import max_upload_bytes, size_error

SUMMARY_LABELS = {
    "files": "Fichiers lus",
    "articles": "Articles trouvés",
    "created": "Créés",
    "updated": "Mis à jour",
    "unchanged": "Inchangés",
    "conflicts": "Conflits (version de la rédaction conservée)",
    "skipped": "Fichiers ignorés",
    "errors": "Fichiers en erreur",
    "warnings": "Avertissements",
}
FILE_STATUS_LABELS = {"ok": "Importé", "skipped": "Ignoré", "error": "Erreur"}
ACTION_LABELS = {
    "created": "Créé",
    "updated": "Mis à jour",
    "unchanged": "Inchangé",
    "conflict": "Conflit",
    "none (dry run)": "Simulation",
}
LIVE_FILE_MESSAGE = "Déjà importé et publié (ou archivé) : seul un éditeur peut le réimporter."


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


def run_import(files, *, status, dry_run, user):
    """Run the importer's writer on (name, bytes) pairs and return its report."""
    # Imported on use: the back office must open even while the importer is being changed.
    from articles.importing.writer import SourceFile, import_sources

    sources = (SourceFile(name, data) for name, data in files)
    return import_sources(sources, status=status, dry_run=dry_run, user=user)


def split_live_files(files):
    """Separate the files whose articles are published or archived from the others."""
    names = [name for name, _ in files]
    live = set(
        Article.objects.filter(source_file__in=names)
        .exclude(status__in=WRITER_STATUSES)
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
    report = upload_error = None
    if request.method == "POST":
        # Reading the body runs the upload handler: only then is `exceeded` known.
        form = ImportForm(request.POST, request.FILES, can_publish=can_publish)
        if handler.exceeded:
            form = ImportForm(can_publish=can_publish)
            upload_error = str(size_error(handler.received))
        elif form.is_valid():
            report = import_upload(request, form, can_publish)
    else:
        form = ImportForm(can_publish=can_publish)

    opts = Article._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Importer des articles",
        "opts": opts,
        "app_label": opts.app_label,
        "has_view_permission": model_admin.has_view_permission(request),
        "form": form,
        "can_publish": can_publish,
        "max_bytes": max_upload_bytes(),
        "report": report,
        "upload_error": upload_error,
    }
    request.current_app = model_admin.admin_site.name
    return TemplateResponse(request, "admin/articles/article/import.html", context)


def import_upload(request, form, can_publish):
    """Import the form's files; return the report, ready for the template."""
    files = form.upload.files
    live = []
    if not can_publish:
        files, live = split_live_files(files)
    dry_run = form.cleaned_data["dry_run"]
    report = run_import(
        files, status=form.cleaned_data["status"], dry_run=dry_run, user=request.user
    )
    for name in live:
        report["files"].append(
            {"file": name, "status": "skipped", "message": LIVE_FILE_MESSAGE, "articles": []}
        )
        report["summary"]["files"] += 1
        report["summary"]["skipped"] += 1

    summary = report["summary"]
    if dry_run:
        messages.info(request, "Simulation : rien n'a été enregistré.")
    else:
        messages.success(
            request,
            f"Import terminé : {summary['created']} créé(s), {summary['updated']} mis à jour, "
            f"{summary['unchanged']} inchangé(s).",
        )
    return present(report, form.upload.ignored)


def present(report, ignored):
    """The report with French labels and admin links, for the import page."""
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
