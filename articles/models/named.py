"""What the rows readers reach by name share: shown by their name, found at an address made
from it (`/articles/<slug>/`, `/auteurs/<slug>/`, `/rubriques/<slug>/`)."""

from django.db import models

from articles.links import slug_url
from textkit.slugs import unique_slug


def slug_field(max_length=200, **options):
    """A row's address: unique, and left empty to be made from its name on save."""
    return models.SlugField(
        "identifiant d'URL", max_length=max_length, unique=True, blank=True, **options
    )


class Named(models.Model):
    """A row shown and listed by its `name` (an author, a section, a subject of the
    thesaurus); its `Meta` extends `Named.Meta`."""

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Slugged(models.Model):
    """A row readers reach at `url_name` by its `slug_field()`, which saving makes from what
    the row is called (`str()`: an article's title, an author's name) when it is empty."""

    url_name = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            max_length = self._meta.get_field("slug").max_length
            self.slug = unique_slug(
                type(self), str(self), instance_pk=self.pk, max_length=max_length
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url(self.url_name, self.slug)
