"""Authors of the magazine: journalists, columnists, guest writers."""

import re

from django.db import models
from imagekit.models import ImageSpecField

from articles.images import PORTRAIT_THUMBNAIL, filled
from articles.models.named import Named, Slugged, slug_field
from articles.models.querysets import FiledUnderQuerySet
from authors.names import name_key

LETTERS = re.compile(r"[^\W\d_]+")


class AuthorQuerySet(FiledUnderQuerySet):
    article_path = "bylines__author"

    def get_or_create_by_name(self, name, **defaults):
        """Find an author by the normalised form of `name`, creating it when unknown."""
        return self.get_or_create(name_key=name_key(name), defaults={"name": name, **defaults})


class Author(Named, Slugged):
    name = models.CharField("nom", max_length=200)
    name_key = models.CharField(
        "clé du nom",
        max_length=200,
        unique=True,
        editable=False,
        help_text="Nom sans accents ni majuscules : deux graphies du même nom sont un seul auteur.",
    )
    slug = slug_field()
    role = models.CharField(
        "fonction",
        max_length=200,
        blank=True,
        help_text="Par exemple « Directeur de la rédaction ».",
    )
    handle = models.CharField(
        "compte social", max_length=100, blank=True, help_text="Par exemple « @manueljacquinet »."
    )
    bio = models.TextField("biographie", blank=True)
    photo = models.ImageField("photo", upload_to="auteurs/", blank=True)
    # The portrait in the list of authors, made when the photo is saved (see articles.images).
    photo_thumbnail = ImageSpecField(source="photo", **filled(*PORTRAIT_THUMBNAIL))

    objects = AuthorQuerySet.as_manager()
    url_name = "authors:detail"

    class Meta(Named.Meta):
        verbose_name = "auteur"
        verbose_name_plural = "auteurs"

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)

    @property
    def initials(self):
        """What stands for a missing photo: "Manuel Jacquinet" → "MJ"."""
        words = LETTERS.findall(self.name)
        return "".join(word[0] for word in words[:1] + words[1:][-1:]).upper()
