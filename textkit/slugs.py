"""ASCII slugs for French text: "L'œuvre des téléconseillers" → "loeuvre-des-teleconseillers"."""

from django.utils.text import slugify
from unidecode import unidecode


def ascii_slug(value, max_length=200):
    """Transliterate to ASCII (œ → oe, not dropped) and slugify, within `max_length`."""
    return slugify(unidecode(value))[:max_length].strip("-")


def unique_slug(
    model, value, *, instance_pk=None, max_length=200, field="slug", default="sans-titre"
):
    """Return an ASCII slug for `value` that no other row of `model` uses yet."""
    base = ascii_slug(value, max_length - 8) or default
    slug, n = base, 1
    others = model._default_manager.exclude(pk=instance_pk)
    while others.filter(**{field: slug}).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
