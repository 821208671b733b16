"""Articles imported before: matched by their source, then unchanged, updated or kept."""

from articles.importing.report import CONFLICT_WARNING
from articles.importing.writer.filling import fill
from articles.models import Article, ArticleAuthor


class KnownArticles:
    """Finds the articles of files imported before and brings them up to date.

    An article whose source did not change is left alone; one that editors changed in the back
    office since its import keeps their version and is flagged as an import conflict; any other
    is updated with its revision, bylines and tags.
    """

    def __init__(self, rows):
        self.rows = rows
        self._files: set[str] | None = None

    @property
    def files(self) -> set[str]:
        """Source files already in the database: only those need looking up article by article."""
        if self._files is None:
            self._files = set(
                Article.objects.exclude(source_file="")
                .values_list("source_file", flat=True)
                .distinct()
            )
        return self._files

    def forget(self):
        self._files = None

    def of_file(self, name) -> dict:
        """The articles imported from the source file `name`, by position in the file."""
        if name not in self.files:
            return {}
        return {
            article.source_position: article for article in Article.objects.filter(source_file=name)
        }

    def write(self, article, digest, item, entry):
        """An article imported before: unchanged, updated, or kept as the editors left it."""
        if article.source_digest == digest:
            entry.done(article, "unchanged")
            return
        if article.edited_since_import():
            entry.warnings.append(CONFLICT_WARNING)
            article.import_conflict = True
            article.needs_review = True
            article.source_digest = digest
            article.source_text = item.raw
            article.import_warnings = entry.warnings + item.notes
            article._change_reason = "Import : conflit (version de la rédaction conservée)"
            article.save()
            entry.done(article, "conflict")
            return
        fill(article, item, digest, self.rows)
        article._change_reason = "Import de l'archive"
        article.save()
        self.link_authors(article, item.authors)
        self.link_tags(article, item.tags, suggested=False)
        self.link_tags(article, item.suggested_tags, suggested=True)
        article.import_fingerprint = article.content_fingerprint()
        Article.objects.filter(pk=article.pk).update(import_fingerprint=article.import_fingerprint)
        entry.done(article, "updated")

    def link_authors(self, article, parsed_authors):
        authors = self.rows.authors(parsed_authors)
        existing = {byline.author_id: byline for byline in article.bylines.all()}
        wanted = {author.pk for author in authors}
        article.bylines.exclude(author_id__in=wanted).delete()
        for position, author in enumerate(authors):
            byline = existing.get(author.pk)
            if byline is None:
                ArticleAuthor.objects.create(article=article, author=author, position=position)
            elif byline.position != position:
                byline.position = position
                byline.save(update_fields=["position"])

    def link_tags(self, article, names, *, suggested):
        """Add the tags an article lacks; a tag it already has keeps its `suggested` flag."""
        tags = [tag for name in names if (tag := self.rows.tag(name)) is not None]
        if tags:
            article.tags.add(*tags, through_defaults={"suggested": suggested})
