"""Write parsed archive files into the database: the only part of the importer that knows models.

Each file is written in its own atomic block (a savepoint when the command commits files in
batches, see CommitBatches), so a failing file is reported and skipped while the rest lands, and
an import killed midway leaves no half-written article. Articles are keyed by (source file,
position in the file): importing the same folder twice creates nothing new.
"""

import hashlib
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from time import monotonic
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

from articles.caching import content_changed
from articles.importing import ParsedFile, ParseError
from articles.importing.parser import parse_or_error
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
from encontact.slugs import ascii_slug

logger = logging.getLogger(__name__)

PARIS = ZoneInfo("Europe/Paris")
PARSE_AHEAD = 32  # files parsed ahead of the writes (see parse_ahead)
BATCH_FILES, BATCH_SECONDS = 50, 0.5  # files committed together (see CommitBatches)
SUMMARY_KEYS = (
    "files",
    "articles",
    "created",
    "updated",
    "unchanged",
    "conflicts",
    "skipped",
    "errors",
    "warnings",
)
CONFLICT_WARNING = (
    "Conflit d'import : le fichier source a changé mais l'article a été modifié dans le back "
    "office ; la version de la rédaction est conservée."
)


@dataclass(frozen=True)
class SourceFile:
    """One archive file: `name` is its path relative to the imported folder (provenance key)."""

    name: str
    data: bytes


def iter_source_files(paths: Iterable[Path]) -> Iterator[SourceFile | tuple[str, OSError]]:
    """Yield every `*.txt` below the given folders (and files named one by one), one at a time.

    Files are read lazily so that memory stays flat however large the archive is. A file that
    cannot be read is yielded as (name, error) for the report.
    """
    for root in paths:
        files = [root] if root.is_file() else sorted(root.rglob("*.txt"))
        for path in files:
            name = path.name if root.is_file() else path.relative_to(root).as_posix()
            try:
                yield SourceFile(name, path.read_bytes())
            except OSError as error:
                yield name, error


def editable_parser_data():
    """The furniture list and thesaurus as editors keep them in the back office."""
    furniture = list(FurnitureLine.objects.values_list("text", flat=True)) or None
    subjects = [
        Subject(name=subject.name, variants=subject.variant_list())
        for subject in SubjectModel.objects.filter(active=True)
    ] or None
    return furniture, subjects


def published_value(value):
    """The report's form of a publication date: full ISO datetime, or a bare date."""
    if value is None:
        return None
    return value.isoformat()


def published_datetime(value):
    """A parsed date or datetime as an aware datetime (a bare date is midnight in Paris)."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=PARIS)
    return None


class Importer:
    """Imports source files one at a time and keeps the running summary."""

    def __init__(self, *, status=Article.Status.PUBLISHED, dry_run=False, user=None):
        self.status = status
        self.dry_run = dry_run
        self.user = user
        self.summary = dict.fromkeys(SUMMARY_KEYS, 0)
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

    def import_file(
        self, source: SourceFile, parsed: ParsedFile | ParseError | None = None
    ) -> dict:
        """Parse (unless `parsed` is given, as `parse_ahead` does) and store one file; return its
        entry of the report."""
        self.summary["files"] += 1
        digest = hashlib.sha256(source.data).hexdigest()
        if parsed is None:
            parsed = parse_or_error(source.data, self.furniture, self.thesaurus)
        if isinstance(parsed, ParseError):
            return self._failed(source.name, "error", f"Fichier illisible : {parsed}")
        if not parsed.articles:
            reason = "; ".join(parsed.warnings) or "Aucun article trouvé"
            return self._failed(source.name, "skipped", reason)

        try:
            with transaction.atomic():
                articles = self._write_file(source.name, digest, parsed.articles)
        except Exception as error:  # noqa: BLE001 - any failure skips this file, never the run
            logger.exception("Import of %s failed", source.name)
            self._forget_cached_rows()
            return self._failed(source.name, "error", f"Échec de l'enregistrement : {error}")

        self.summary["articles"] += len(articles)
        for entry in articles:
            self.summary["warnings"] += len(entry["warnings"])
            key = {"conflict": "conflicts"}.get(entry["action"], entry["action"])
            if key in self.summary:
                self.summary[key] += 1
        message = "; ".join(parsed.warnings) or None
        return {"file": source.name, "status": "ok", "message": message, "articles": articles}

    def unreadable(self, name: str, error: OSError) -> dict:
        self.summary["files"] += 1
        return self._failed(name, "error", f"Lecture impossible : {error.strerror or error}")

    def _failed(self, name, status, message):
        self.summary["errors" if status == "error" else "skipped"] += 1
        return {"file": name, "status": status, "message": message, "articles": []}

    def _forget_cached_rows(self):
        """After a rollback, rows created in that transaction no longer exist."""
        self._slugs = self._imported_files = None
        self._authors.clear()
        self._tags.clear()
        self._sections.clear()
        self._issues.clear()

    # Writing a file's articles -------------------------------------------------------------

    def _write_file(self, source_name, digest, items) -> list[dict]:
        """Write a file's articles: new ones in a few bulk queries, known ones one by one."""
        entries = [self._entry(item) for item in items]
        if self.dry_run:
            return entries
        known = {}
        if source_name in self.imported_files:
            known = {
                article.source_position: article
                for article in Article.objects.filter(source_file=source_name)
            }
        created = []
        for item, entry in zip(items, entries, strict=True):
            article = known.get(item.position)
            if article is None:
                article = Article(source_file=source_name, source_position=item.position)
                article.status = self.status
                self._fill(article, item, digest, entry["warnings"])
                created.append((article, item, entry))
            else:
                self._write_known(article, digest, item, entry)
        if created:
            self._create([article for article, _, _ in created])
            for article, _item, entry in created:
                entry.update(id=article.pk, slug=article.slug, action="created")
            self._link_created(created)
        return entries

    def _entry(self, item) -> dict:
        return {
            "id": None,
            "title": item.title,
            "slug": None,
            "kind": item.kind,
            "authors": [{"name": a.name, "role": a.role, "handle": a.handle} for a in item.authors],
            "published": published_value(item.published),
            "issue_number": item.issue_number,
            "category": item.category,
            "tags": list(item.tags),
            "suggested_tags": list(item.suggested_tags),
            "standfirst": item.standfirst,
            "photo_credit": item.photo_credit,
            "interviewee": item.interviewee,
            "body": item.body,
            "warnings": list(item.warnings),
            "action": "none (dry run)",
        }

    def _create(self, articles):
        """Insert new articles and their first revision in bulk, with unique slugs."""
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
            article.import_fingerprint = article.content_fingerprint()
        bulk_create_with_history(
            articles,
            Article,
            default_user=self.user,
            default_change_reason="Import de l'archive",
        )
        content_changed()  # bulk inserts send no signals: public pages change all the same

    def _link_created(self, created):
        bylines, taggings = [], []
        for article, item, _ in created:
            authors = dict.fromkeys(self._author(parsed) for parsed in item.authors)
            bylines += [
                ArticleAuthor(article=article, author=author, position=position)
                for position, author in enumerate(authors)
            ]
            tags = {}
            for names, suggested in ((item.suggested_tags, True), (item.tags, False)):
                for name in names:
                    if (tag := self._tag(name)) is not None:
                        tags[tag] = suggested
            taggings += [
                TaggedArticle(content_object=article, tag=tag, suggested=suggested)
                for tag, suggested in tags.items()
            ]
        ArticleAuthor.objects.bulk_create(bylines)
        TaggedArticle.objects.bulk_create(taggings)

    def _write_known(self, article, digest, item, entry):
        """An article imported before: unchanged, updated, or kept as the editors left it."""
        warnings = entry["warnings"]
        if article.source_digest == digest:
            entry.update(id=article.pk, slug=article.slug, action="unchanged")
            return
        if article.content_fingerprint() != article.import_fingerprint:
            warnings.append(CONFLICT_WARNING)
            article.import_conflict = True
            article.needs_review = True
            article.source_digest = digest
            article.source_text = item.raw
            article.import_warnings = warnings
            article._change_reason = "Import : conflit (version de la rédaction conservée)"
            article.save()
            entry.update(id=article.pk, slug=article.slug, action="conflict")
            return
        self._fill(article, item, digest, warnings)
        article._change_reason = "Import de l'archive"
        article.save()
        self._link_authors(article, item.authors)
        self._link_tags(article, item.tags, suggested=False)
        self._link_tags(article, item.suggested_tags, suggested=True)
        article.import_fingerprint = article.content_fingerprint()
        Article.objects.filter(pk=article.pk).update(import_fingerprint=article.import_fingerprint)
        entry.update(id=article.pk, slug=article.slug, action="updated")

    def _fill(self, article, item, digest, warnings):
        article.title = item.title[:300]
        article.standfirst = item.standfirst or ""
        article.body = item.body
        article.kind = item.kind if item.kind in Article.Kind.values else Article.Kind.ARTICLE
        article.interviewee = item.interviewee or ""
        article.photo_credit = (item.photo_credit or "")[:300]
        article.published_at = published_datetime(item.published)
        article.issue = self._issue(item.issue_number)
        article.section = self._section(item.category)
        article.source_digest = digest
        article.source_text = item.raw
        article.import_warnings = warnings
        article.needs_review = bool(warnings)
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
        for name in names:
            tag = self._tag(name)
            if tag is not None:
                TaggedArticle.objects.get_or_create(
                    content_object=article, tag=tag, defaults={"suggested": suggested}
                )


def parse_ahead(sources, furniture, thesaurus, window=PARSE_AHEAD):
    """Yield (source, parsed) in order, parsing up to `window` files ahead in a second process.

    Parsing is pure Python and a third of an import's time: on a second core it overlaps the
    database writes. The window bounds memory however large the archive. Unreadable files pass
    through as (name, error) with no parse.
    """
    # A fresh interpreter with no Django state; the parser needs none.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        pending = deque()
        for source in sources:
            if isinstance(source, SourceFile):
                pending.append(
                    (source, pool.submit(parse_or_error, source.data, furniture, thesaurus))
                )
            else:
                pending.append((source, None))
            if len(pending) >= window:
                yield _resolved(pending.popleft())
        while pending:
            yield _resolved(pending.popleft())


def _resolved(item):
    source, future = item
    return source, future.result() if future is not None else None


class CommitBatches:
    """On SQLite, commit a run of files together: each file keeps its own savepoint inside.

    `Importer.import_file` writes a file in `transaction.atomic()`; inside a batch that block is
    a savepoint, so a failing file still rolls back alone and everything else lands, and a
    killed import leaves whole files only (a batch is all or nothing; running again redoes it).
    A commit per file costs as much as writing the file: batches of up to `size` files or
    `seconds` (short, so editors saving in the back office never wait long for the lock).
    """

    def __init__(self, size=BATCH_FILES, seconds=BATCH_SECONDS):
        self.size, self.seconds = size, seconds
        self.block = None

    def __enter__(self):
        return self

    def before_file(self):
        if self.block is None and connection.features.uses_savepoints and self.batched():
            self.block = transaction.atomic()
            self.block.__enter__()
            self.count, self.started = 0, monotonic()

    @staticmethod
    def batched():
        """SQLite pays for each commit; PostgreSQL (its flush not awaited, see
        relax_commit_durability) would pay more for the savepoints than for the commits."""
        return connection.vendor == "sqlite"

    def after_file(self):
        if self.block is None:
            return
        self.count += 1
        if self.count >= self.size or monotonic() - self.started >= self.seconds:
            self.__exit__(None, None, None)

    def __exit__(self, *exc_info):
        block, self.block = self.block, None
        if block is not None:
            block.__exit__(*exc_info)


def relax_commit_durability():
    """For a batch import's own connection: on PostgreSQL, don't wait for each commit's flush.

    The database stays consistent whatever happens (at worst, a crash forgets the last few
    files, which the idempotent importer simply writes again), and a per-file transaction no
    longer costs a disk flush. Only the management command calls this, never a web request.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")


def import_sources(
    sources: Iterable[SourceFile | tuple[str, OSError]],
    *,
    status: str = Article.Status.PUBLISHED,
    dry_run: bool = False,
    user=None,
    progress: Callable[[dict], None] | None = None,
) -> dict:
    """Import `sources` and return the whole JSON report (fine for uploads of a few files).

    The management command streams instead, through `Importer`, to keep memory flat.
    """
    importer = Importer(status=status, dry_run=dry_run, user=user)
    files = []
    for source in sources:
        if isinstance(source, SourceFile):
            entry = importer.import_file(source)
        else:
            entry = importer.unreadable(*source)
        files.append(entry)
        if progress is not None:
            progress(entry)
    return {"summary": importer.summary, "files": files}
