"""`Importer`: runs of parsed files written in one transaction each, and the running summary."""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from articles import counters
from articles.importing import ParsedFile, ParseError
from articles.importing.parser import parse_or_error
from articles.importing.pipeline import SourceFile
from articles.importing.report import ArticleEntry, FileEntry, empty_summary
from articles.importing.writer.creating import NewArticles
from articles.importing.writer.filling import editable_parser_data
from articles.importing.writer.indexing import search_index_deferred
from articles.importing.writer.rows import KnownRows
from articles.importing.writer.updating import KnownArticles
from articles.models import Article

logger = logging.getLogger(__name__)


@dataclass(eq=False)
class PendingFile:
    """A parsed file waiting to be written, with its entries of the report (one per article)."""

    name: str
    digest: str
    parsed: ParsedFile
    entries: list[ArticleEntry]


class Importer:
    """Imports runs of source files and keeps the running summary."""

    def __init__(self, *, status=Article.Status.PUBLISHED, dry_run=False, user=None):
        self.status = status
        self.dry_run = dry_run
        self.user = user
        self.summary = empty_summary()
        self.furniture, self.thesaurus = editable_parser_data()
        self.rows = KnownRows()
        self.new_articles = NewArticles(self.rows, status=status, user=user)
        self.known_articles = KnownArticles(self.rows)

    def import_files(self, files: Iterable[tuple]) -> list[FileEntry]:
        """Import a run of files in one transaction; return their entries of the report, in order.

        `files` holds (source, parsed) pairs as `parse_ahead` yields them (`parsed` None: parse
        here). Files imported before are compared article by article. New files are written
        together, one bulk insert per table for the whole run; should that fail, they are
        written again one by one, each in its own savepoint, so that only the faulty file is
        reported and skipped while the rest lands.
        """
        with transaction.atomic():
            outcomes = [self._prepare(source, parsed) for source, parsed in files]
            pending = [outcome for outcome in outcomes if isinstance(outcome, PendingFile)]
            new = [file for file in pending if file.name not in self.known_articles.files]
            together = new if len(new) > 1 and self._write_together(new) else []
            for index, outcome in enumerate(outcomes):
                if isinstance(outcome, PendingFile):
                    written = any(outcome is file for file in together)
                    outcomes[index] = (
                        self._succeeded(outcome) if written else self._write_alone(outcome)
                    )
            return outcomes

    def _prepare(self, source, parsed) -> "PendingFile | FileEntry":
        """A file ready to write, or the report entry of one that has nothing to write."""
        self.summary["files"] += 1
        if not isinstance(source, SourceFile):
            name, error = source
            return self._failed(name, "error", f"Lecture impossible : {error.strerror or error}")
        if parsed is None:
            parsed = parse_or_error(source.data, self.furniture, self.thesaurus)
        if isinstance(parsed, ParseError):
            return self._failed(source.name, "error", f"Fichier illisible : {parsed}")
        if not parsed.articles:
            reason = "; ".join(parsed.warnings) or "Aucun article trouvé"
            return self._failed(source.name, "skipped", reason)
        digest = hashlib.sha256(source.data).hexdigest()
        entries = [ArticleEntry(item) for item in parsed.articles]
        return PendingFile(source.name, digest, parsed, entries)

    def _write_together(self, files: list[PendingFile]) -> bool:
        """Write new files' articles in one savepoint; False (nothing written) if that fails."""
        if self.dry_run:
            return True
        try:
            with transaction.atomic():
                self._insert_new(
                    [
                        (article, entry, pending.name, pending.digest)
                        for pending in files
                        for article, entry in zip(
                            pending.parsed.articles, pending.entries, strict=True
                        )
                    ]
                )
        except Exception:  # noqa: BLE001 - written again one by one, where the fault is reported
            logger.info("Writing %d files together failed, writing them one by one", len(files))
            self._forget_cached_rows()
            return False
        return True

    def _write_alone(self, pending: PendingFile) -> FileEntry:
        try:
            with transaction.atomic():
                self._write_file(pending)
        except Exception as error:  # noqa: BLE001 - any failure skips this file, never the run
            logger.exception("Import of %s failed", pending.name)
            self._forget_cached_rows()
            return self._failed(pending.name, "error", f"Échec de l'enregistrement : {error}")
        return self._succeeded(pending)

    def _succeeded(self, pending: PendingFile) -> FileEntry:
        articles = pending.entries
        self.summary["articles"] += len(articles)
        for entry in articles:
            self.summary["warnings"] += len(entry.warnings)
            key = {"conflict": "conflicts"}.get(entry.action, entry.action)
            if key in self.summary:
                self.summary[key] += 1
        message = "; ".join(pending.parsed.warnings) or None
        return FileEntry(pending.name, "ok", message, articles)

    def _failed(self, name, status, message) -> FileEntry:
        """The entry of a file that wrote nothing (counted in `files` by `_prepare`)."""
        self.summary["errors" if status == "error" else "skipped"] += 1
        return FileEntry(name, status, message)

    def _forget_cached_rows(self):
        """After a rollback, rows created in that transaction no longer exist."""
        self.rows.forget()
        self.new_articles.forget()
        self.known_articles.forget()

    def _write_file(self, pending: PendingFile):
        """Write one file's articles: new ones in a few bulk queries, known ones one by one."""
        if self.dry_run:
            return
        known = self.known_articles.of_file(pending.name)
        new = []
        for item, entry in zip(pending.parsed.articles, pending.entries, strict=True):
            article = known.get(item.position)
            if article is None:
                new.append((item, entry, pending.name, pending.digest))
            else:
                self.known_articles.write(article, pending.digest, item, entry)
        if new:
            self._insert_new(new)

    def _insert_new(self, new):
        """Insert new articles, given as (parsed article, entry, source name, digest), in bulk.

        Their search index is written once, when their bylines and tags are in.
        """
        created = self.new_articles.build(new)
        with search_index_deferred() as indexed:
            self.new_articles.create(created)
            indexed += [article.pk for article, _links, _entry in created]
            for article, _links, entry in created:
                entry.done(article, "created")
            self._link_created(created)
        # Bulk inserts send no signal: the archive's counts follow once per run of files.
        counters.articles_added([article.pk for article, _links, _entry in created])

    def _link_created(self, created):
        self.new_articles.link(created)
