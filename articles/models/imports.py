"""The back office's uploads, imported by the task worker (articles.import_jobs)."""

from django.conf import settings
from django.db import models

from articles.models.article import Article


class ImportJob(models.Model):
    """An upload from the back office's import page, imported by the task worker.

    The editor can leave its page and come back: each file keeps its entry of the report,
    written in the same transaction as the file's articles (`articles.import_jobs`), and a job
    stopped midway (a crash, a restart) is resumed from the first file without one.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "En attente"
        RUNNING = "running", "En cours"
        DONE = "done", "Terminé"
        FAILED = "failed", "Échoué"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, verbose_name="envoyé par"
    )
    created_at = models.DateTimeField("envoyé le", auto_now_add=True)
    updated_at = models.DateTimeField("dernière avancée", auto_now=True)
    finished_at = models.DateTimeField("fini le", null=True, blank=True)
    status = models.CharField("état", max_length=20, choices=Status, default=Status.QUEUED)
    article_status = models.CharField("statut des articles", max_length=20, choices=Article.Status)
    dry_run = models.BooleanField("simulation", default=False)
    summary = models.JSONField("bilan", default=dict, blank=True)
    ignored = models.JSONField("fichiers laissés de côté", default=list, blank=True)
    error = models.TextField("erreur", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "import envoyé"
        verbose_name_plural = "imports envoyés"

    def __str__(self):
        return f"Import n° {self.pk}"


class ImportJobFile(models.Model):
    """One text file of an import job: its bytes until imported, then its entry of the report."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    data = models.BinaryField(blank=True)
    entry = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["job", "position"]
        verbose_name = "fichier d'un import"
        verbose_name_plural = "fichiers d'un import"
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="unique_import_job_position")
        ]

    def __str__(self):
        return self.name
