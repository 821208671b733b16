"""Write parsed archive files into the database: the only part of the importer that knows models.

Files come in runs (see articles.importing.pipeline), one transaction each: the new files of a
run together, with one bulk insert per table, and again one by one in their own savepoints
should that fail, so a failing file is reported and skipped while the rest lands, and an import
killed midway leaves whole files only. Articles are keyed by (source file, position in the
file): importing the same folder twice creates nothing new.
"""

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from articles import counters
from articles.bodies import from_plain_text
from articles.caching import content_changed
from articles.importing import ParsedFile, ParseError
from articles.importing.parser import parse_or_error
from articles.importing.pipeline import SourceFile
from articles.importing.report import CONFLICT_WARNING, ArticleEntry, FileEntry, empty_summary
from articles.importing.thesaurus import Subject
from articles.models import (
    Article,
    ArticleAuthor,
    FurnitureLine,
    Issue,
    Section,
    Tag,
    TaggedArticle,
    reading_minutes,
)
from articles.models import Subject as SubjectModel
from authors.models import Author
from authors.names import name_key
from textkit.slugs import ascii_slug

logger = logging.getLogger(__name__)
PARIS = ZoneInfo("Europe/Paris")


def editable_parser_data():
    """The furniture list and thesaurus as editors keep them in the back office."""
    furniture = list(FurnitureLine.objects.values_list("text", flat=True)) or None
    subjects = [
        Subject(name=subject.name, variants=subject.variant_list())
        for subject in SubjectModel.objects.filter(active=True)
    ] or None
    return furniture, subjects


def published_datetime(value):
    """A parsed date or datetime as an aware datetime (a bare date is midnight in Paris)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(0, 0), tzinfo=PARIS)
    return value


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
        self._authors: dict[str, Author] = {}
        self._tags: dict[str, Tag] = {}
        self._sections: dict[str, Section] = {}
        self._issues: dict[int, Issue] = {}
        self._slugs: set[str] | None = None
        self._imported_files: set[str] | None = None

    @property
    def slugs(self) -> set[str]:
        """Every article slug, read once: new articles get unique slugs without a query each."""
        if self._slugs is None:
            self._slugs = set(Article.objects.values_list("slug", flat=True))
        return self._slugs

    @property
    def imported_files(self) -> set[str]:
        """Source files already in the database: only those need looking up article by article."""
        if self._imported_files is None:
            self._imported_files = set(
                Article.objects.exclude(source_file="")
                .values_list("source_file", flat=True)
                .distinct()
            )
        return self._imported_files

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
            new = [file for file in pending if file.name not in self.imported_files]
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

    def _write_together(self, files: list["PendingFile"]) -> bool:
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

    def _write_alone(self, pending: "PendingFile") -> FileEntry:
        try:
            with transaction.atomic():
                self._write_file(pending)
        except Exception as error:  # noqa: BLE001 - any failure skips this file, never the run
            logger.exception("Import of %s failed", pending.name)
            self._forget_cached_rows()
            return self._failed(pending.name, "error", f"Échec de l'enregistrement : {error}")
        return self._succeeded(pending)

    def _succeeded(self, pending: "PendingFile") -> FileEntry:
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
        self._slugs = self._imported_files = None
        self._authors.clear()
        self._tags.clear()
        self._sections.clear()
        self._issues.clear()

    # Writing articles ----------------------------------------------------------------------

    def _write_file(self, pending: "PendingFile"):
        """Write one file's articles: new ones in a few bulk queries, known ones one by one."""
        if self.dry_run:
            return
        known = {}
        if pending.name in self.imported_files:
            known = {
                article.source_position: article
                for article in Article.objects.filter(source_file=pending.name)
            }
        new = []
        for item, entry in zip(pending.parsed.articles, pending.entries, strict=True):
            article = known.get(item.position)
            if article is None:
                new.append((item, entry, pending.name, pending.digest))
            else:
                self._write_known(article, pending.digest, item, entry)
        if new:
            self._insert_new(new)

    def _insert_new(self, new):
        """Insert new articles, given as (parsed article, entry, source name, digest), in bulk."""
        created = []
        for item, entry, source_name, digest in new:
            article = Article(source_file=source_name, source_position=item.position)
            article.status = self.status
            article.created_by = self.user
            self._fill(article, item, digest)
            created.append((article, self._links(item), entry))
        self._create(created)
        for article, _links, entry in created:
            entry.done(article, "created")
        self._link_created(created)
        # Bulk inserts send no signal: the archive's counts follow once per run of files.
        counters.articles_added([article.pk for article, _links, _entry in created])

    def _links(self, item):
        """A parsed article's authors, in order, and tags ({tag: suggested})."""
        authors = list(dict.fromkeys(self._author(parsed) for parsed in item.authors))
        tags = {}
        for names, suggested in ((item.suggested_tags, True), (item.tags, False)):
            for name in names:
                if (tag := self._tag(name)) is not None:
                    tags[tag] = suggested
        return authors, tags

    def _create(self, created):
        """Insert new articles and their first revision in bulk, with unique slugs.

        `created` holds (article, (authors, tags), entry) triples, as `_insert_new` builds them.
        """
        articles = [article for article, _links, _entry in created]
        bases = [ascii_slug(article.title, 192) or "sans-titre" for article in articles]
        taken = self.slugs
        for article, base in zip(articles, bases, strict=True):
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            article.slug = slug
            article.reading_minutes = reading_minutes(article.standfirst, article.body)
            article.render_body()  # bulk inserts skip save()
        for article, (authors, tags), _entry in created:
            article.import_fingerprint = article.content_fingerprint(
                author_ids=[author.pk for author in authors],
                taggings=[(tag.pk, suggested) for tag, suggested in tags.items()],
            )
        bulk_create_with_history(
            articles,
            Article,
            default_user=self.user,
            default_change_reason="Import de l'archive",
        )
        content_changed()  # bulk inserts send no signals: public pages change all the same

    def _link_created(self, created):
        bylines, taggings = [], []
        for article, (authors, tags), _ in created:
            bylines += [
                ArticleAuthor(article=article, author=author, position=position)
                for position, author in enumerate(authors)
            ]
            taggings += [
                TaggedArticle(content_object=article, tag=tag, suggested=suggested)
                for tag, suggested in tags.items()
            ]
        ArticleAuthor.objects.bulk_create(bylines)
        TaggedArticle.objects.bulk_create(taggings)

    def _write_known(self, article, digest, item, entry):
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
        self._fill(article, item, digest)
        article._change_reason = "Import de l'archive"
        article.save()
        self._link_authors(article, item.authors)
        self._link_tags(article, item.tags, suggested=False)
        self._link_tags(article, item.suggested_tags, suggested=True)
        article.import_fingerprint = article.content_fingerprint()
        Article.objects.filter(pk=article.pk).update(import_fingerprint=article.import_fingerprint)
        entry.done(article, "updated")

    def _fill(self, article, item, digest):
        article.title = item.title[:300]
        article.standfirst = item.standfirst or ""
        article.body = from_plain_text(item.body)  # imported text is plain, bodies Markdown
        article.kind = item.kind if item.kind in Article.Kind.values else Article.Kind.ARTICLE
        article.interviewee = item.interviewee or ""
        article.photo_credit = (item.photo_credit or "")[:300]
        article.published_at = published_datetime(item.published)
        article.issue = self._issue(item.issue_number)
        article.section = self._section(item.category)
        article.source_digest = digest
        article.source_text = item.raw
        # Editors see the doubts and the absences; only the doubts ask for a review.
        article.import_warnings = item.warnings + item.notes
        article.needs_review = item.needs_review
        article.import_conflict = False

    def _issue(self, number):
        if number is None:
            return None
        if number not in self._issues:
            self._issues[number] = Issue.objects.get_or_create(number=number)[0]
        return self._issues[number]

    def _section(self, name):
        if not name:
            return None
        key = name_key(name)
        if key not in self._sections:
            section = Section.objects.filter(name__iexact=name.strip()).first()
            self._sections[key] = section or Section.objects.create(name=name.strip()[:100])
        return self._sections[key]

    def _author(self, parsed):
        key = name_key(parsed.name)
        author = self._authors.get(key)
        if author is None:
            author, _ = Author.objects.get_or_create_by_name(parsed.name)
            self._authors[key] = author
        missing = {
            field: value
            for field, value in (("role", parsed.role), ("handle", parsed.handle))
            if value and not getattr(author, field)
        }
        if missing:
            for field, value in missing.items():
                setattr(author, field, value[:200])
            author.save(update_fields=list(missing))
        return author

    def _link_authors(self, article, parsed_authors):
        authors = list(dict.fromkeys(self._author(parsed) for parsed in parsed_authors))
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

    def _tag(self, name):
        slug = ascii_slug(name, 90)
        if not slug:
            return None
        tag = self._tags.get(slug)
        if tag is None:
            tag = Tag.objects.filter(slug=slug).first() or Tag.objects.create(
                name=name.strip()[:100], slug=slug
            )
            self._tags[slug] = tag
        return tag

    def _link_tags(self, article, names, *, suggested):
        """Add the tags an article lacks; a tag it already has keeps its `suggested` flag."""
        tags = [tag for name in names if (tag := self._tag(name)) is not None]
        if tags:
            article.tags.add(*tags, through_defaults={"suggested": suggested})
