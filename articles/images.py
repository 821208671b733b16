"""Images in sizes that fit: the resized versions of an uploaded image, for <img srcset>.

django-imagekit makes the versions (ImageSpecField) when the image is saved, with its
Optimistic strategy (settings.IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY): afterwards a page only
builds their addresses, with no file access and no query. Their width and height come from the
original's, stored by the ImageField (`width_field`, `height_field`), scaled the way imagekit's
ResizeToFit does, so that `width`/`height` reserve the image's room before it arrives.
"""

from functools import lru_cache

from django.db import models
from imagekit import ImageSpec, hashers
from imagekit.processors import ResizeToFill, ResizeToFit

QUALITY = 82


class SizedImageField(models.ImageField):
    """An ImageField that reads an image's size when it is given the file, never when a row loads.

    Django's ImageField fills empty `width_field`/`height_field` when a row is loaded, by opening
    the file: a row whose size is missing (written by raw SQL or a bulk update) would open its
    file at every page, and fail it when the file is gone. Pages do without the size (the
    versions' sizes then assume 3:2, `Renditions.size_of`); saving the image again fills it.
    """

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        file = instance.__dict__.get(self.attname)
        # A name read from a row, rather than a file being given.
        stored = isinstance(file, str) or getattr(file, "_committed", False)
        if force or not stored:
            super().update_dimension_fields(instance, force, *args, **kwargs)


class Version(ImageSpec):
    """A resized version whose file name costs a dictionary lookup.

    The name holds imagekit's digest of the spec and the original's name, which imagekit
    computes with a pure-Python pickler at every access: with three versions a card, a fifth
    of a list page's time. The digest is the same (names and files made before stay valid),
    kept for the last names seen.
    """

    options = {"quality": QUALITY}

    def get_hash(self):
        return digest(type(self), self.source.name)


@lru_cache(maxsize=20_000)
def digest(spec, source_name):
    """imagekit's ImageSpec.get_hash() for a spec class (its settings are class attributes)."""
    return hashers.pickle(
        [source_name, spec.processors, spec.format, spec.options, spec.autoconvert]
    )


def resized(width):
    """An ImageSpecField's spec: `width` pixels wide at most, never enlarged."""
    processors = [ResizeToFit(width=width, upscale=False)]
    return {"spec": type(f"Width{width}", (Version,), {"processors": processors})}


# Covers and portraits in the lists of issues and authors: one size, cropped to fill it, so
# that their width and height are known without reading the original (twice the CSS size).
COVER_THUMBNAIL = (240, 320)
PORTRAIT_THUMBNAIL = (160, 160)


def filled(width, height):
    """An ImageSpecField's spec: exactly `width` × `height`, cropped from the centre."""
    attributes = {"processors": [ResizeToFill(width, height)], "format": "JPEG"}
    return {"spec": type(f"Fill{width}x{height}", (Version,), attributes)}


class Renditions:
    """An article's lead image in its versions, as (ImageCacheFile, (width, height)).

    A version's file object is made when a page reads it (imagekit's spec, name and storage:
    some 50 µs each): a feed item or the Open Graph tags read the largest alone.
    """

    SMALL, MEDIUM, LARGE = 400, 800, 1200
    SPECS = ((SMALL, "image_small"), (MEDIUM, "image_medium"), (LARGE, "image_large"))

    def __init__(self, article):
        self.article = article
        self.files = {}  # spec → its file, once made (imagekit makes one at each access)
        self.sizes, seen = [], set()  # (spec, size) of each version
        for width, spec in self.SPECS:
            size = self.size_of(article.image_width, article.image_height, width)
            if size[0] not in seen:  # a small original is one version, not three
                seen.add(size[0])
                self.sizes.append((spec, size))

    def version(self, spec, size):
        if spec not in self.files:
            self.files[spec] = getattr(self.article, spec)
        return self.files[spec], size

    @property
    def versions(self):
        return [self.version(spec, size) for spec, size in self.sizes]

    @staticmethod
    def size_of(width, height, max_width):
        """The size of an image of `width` × `height` fitted to `max_width` (ResizeToFit)."""
        if not width or not height:
            return (max_width, max_width * 2 // 3)
        if width <= max_width:
            return (width, height)
        return (max_width, round(height * max_width / width))

    @property
    def srcset(self):
        return ", ".join(f"{file.url} {size[0]}w" for file, size in self.versions)

    def fallback(self, max_width):
        """The largest version no wider than `max_width` (the `src` of browsers without srcset)."""
        fitting = [v for v in self.sizes if v[1][0] <= max_width] or self.sizes[:1]
        return self.version(*fitting[-1])

    @property
    def card(self):
        return self.fallback(self.SMALL)

    @property
    def page(self):
        return self.fallback(self.MEDIUM)

    @property
    def share(self):
        """The version for Open Graph, JSON-LD and feeds: the largest."""
        return self.version(*self.sizes[-1])
