"""Where the importer found an article, and whether an editor changed it since.

`ImportProvenance` is the article's import bookkeeping: its source file and position, what the
importer was unsure of, and the fingerprint of what it wrote, which tells a re-import whether
the newsroom edited the article in the meantime (then the editor's version stays).
"""

import hashlib
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.db import models

from articles.models.taxonomy import TaggedArticle

PARIS = ZoneInfo("Europe/Paris")

# Fields the importer keeps for itself: an editor changing them has not edited the article.
IMPORT_BOOKKEEPING = {
    "source_file",
    "source_digest",
    "source_position",
    "source_text",
    "import_warnings",
    "import_conflict",
}

# What the fingerprint reads of an article, in this order: every field an editor can change but
# the importer's bookkeeping. Stored digests depend on the order (a change would make every
# imported article look edited); tests/test_models.py checks that the list names every such
# field, so that a new one is added here, at the end.
FINGERPRINTED = (
    *("title", "slug", "standfirst", "body", "kind", "interviewee", "issue", "issue_position"),
    *("section", "status", "published_at", "image", "image_alt", "image_caption"),
    *("photo_credit", "needs_review"),
)


class ImportProvenance(models.Model):
    """The import's fields and fingerprints of an article (an abstract model: its fields are
    the article's own).

    None of these fields is in the fingerprint (IMPORT_BOOKKEEPING, or not editable).
    """

    source_file = models.CharField("fichier source", max_length=500, blank=True)
    source_digest = models.CharField("empreinte du fichier source", max_length=64, blank=True)
    source_position = models.PositiveIntegerField("position dans le fichier", null=True, blank=True)
    source_text = models.TextField("texte source", blank=True)
    import_fingerprint = models.CharField(
        "empreinte à l'import", max_length=64, blank=True, editable=False
    )
    import_warnings = models.JSONField("avertissements de l'import", default=list, blank=True)
    import_conflict = models.BooleanField(
        "conflit d'import",
        default=False,
        help_text="Le fichier source a changé alors que l'article avait été modifié ici.",
    )

    class Meta:
        abstract = True

    def content_fingerprint(self, author_ids=None, taggings=None):
        """A digest of everything an editor can change in the back office, to tell whether
        they changed an imported article: every editable field but the importer's own
        bookkeeping (FINGERPRINTED), the bylines in order and the tags, accepted or
        suggested. `author_ids` and `taggings` ((tag id, suggested) pairs) are read from the
        database unless given (an article about to be inserted has none there yet).
        """
        if author_ids is None:
            author_ids = list(self.bylines.order_by("position").values_list("author_id", flat=True))
        if taggings is None:
            taggings = TaggedArticle.objects.filter(content_object=self).values_list(
                "tag_id", "suggested"
            )
        parts = [
            f"{name}={fingerprint_value(self._meta.get_field(name), self)}"
            for name in FINGERPRINTED
        ]
        parts += [f"authors={list(author_ids)}", f"tags={sorted(taggings)}"]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def legacy_content_fingerprint(self):
        """The fingerprint of articles imported before it covered bylines, tags and every
        field (text, issue, section and date only): such an article counts as unchanged while
        its stored fingerprint still matches this one."""
        published = self.published_at.astimezone(PARIS).isoformat() if self.published_at else ""
        parts = [
            self.title,
            self.standfirst,
            self.body,
            self.kind,
            self.photo_credit,
            self.interviewee,
            str(self.issue_id),
            str(self.section_id),
            published,
        ]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def edited_since_import(self):
        """Whether an editor changed this imported article since the importer last wrote it."""
        stored = self.import_fingerprint
        return stored not in (self.content_fingerprint(), self.legacy_content_fingerprint())


def fingerprint_value(field, article):
    """A field's value as the fingerprint reads it; dates in UTC, whatever zone they came in."""
    value = field.value_from_object(article)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return field.value_to_string(article)
