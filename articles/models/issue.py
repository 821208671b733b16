"""The magazine's numéros."""

from django.db import models
from django.urls import reverse
from imagekit.models import ImageSpecField

from articles.images import COVER_THUMBNAIL, filled
from articles.models.querysets import IssueQuerySet


class Issue(models.Model):
    """A numéro of the magazine; its table of contents is its articles by `issue_position`."""

    number = models.PositiveIntegerField("numéro", unique=True)
    title = models.CharField("titre", max_length=200, blank=True)
    published_on = models.DateField("date de parution", null=True, blank=True)
    cover = models.ImageField("couverture", upload_to="couvertures/", blank=True)
    # The cover in the list of issues, made when the cover is saved (see articles.images).
    cover_thumbnail = ImageSpecField(source="cover", **filled(*COVER_THUMBNAIL))
    editorial = models.TextField("éditorial", blank=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = "numéro"
        verbose_name_plural = "numéros"

    def __str__(self):
        return f"N° {self.number}" + (f" — {self.title}" if self.title else "")

    def get_absolute_url(self):
        return reverse("articles:issue", kwargs={"number": self.number})
