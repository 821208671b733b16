"""The import pipeline: from archive files to the writer, for the command and the import jobs.

Files are read one at a time (`iter_source_files`), parsed ahead in a second process when the
run is large (`parse_ahead`), and handed to the writer (`writer.Importer`) in runs of files, one
transaction each (`import_sources`). This module knows transactions, not models.
"""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import connection, transaction

from articles.importing.parser import parse_or_error
from articles.importing.report import FileEntry
from articles.importing.worker import exit_with_parent

if TYPE_CHECKING:
    from articles.importing.writer import Importer

BATCH_FILES = 50  # files written together (see Importer.import_files and batches)
PARSE_AHEAD = 2 * BATCH_FILES  # files parsed ahead of the writes (see parse_ahead)


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


def parse_ahead(sources, furniture, thesaurus, window=PARSE_AHEAD):
    """Yield (source, parsed) in order, parsing up to `window` files ahead in a second process.

    Parsing is pure Python and a third of an import's time: on a second core it overlaps the
    database writes. The window bounds memory however large the archive. Unreadable files pass
    through as (name, error) with no parse.
    """
    # A fresh interpreter with no Django state; the parser needs none.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=context,
        initializer=exit_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
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


def batches(items: Iterable, size: int = BATCH_FILES) -> Iterator[list]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


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
    importer: "Importer",
    sources: Iterable[SourceFile | tuple[str, OSError]],
    *,
    batch_size: int = 1,
    parse_in_background: bool = False,
    progress: Callable[[list[FileEntry], dict], None] | None = None,
) -> Iterator[FileEntry]:
    """The import pipeline, for the command and the admin's import jobs alike.

    Yields each file's entry of the report once the transaction that wrote it has committed.
    Files are written `batch_size` at a time, one transaction each (see `Importer.import_files`);
    with `parse_in_background` they are parsed ahead in a second process (`parse_ahead`).
    `progress(entries, summary)` is called for each run of files inside its transaction: an
    import job records its report there, so that a crash leaves no file unreported.

    The command streams runs of BATCH_FILES parsed in the background; a job writes one file per
    transaction, its progress shown file by file.
    """
    if parse_in_background:
        pairs = parse_ahead(sources, importer.furniture, importer.thesaurus)
    else:
        pairs = ((source, None) for source in sources)
    for batch in batches(pairs, batch_size):
        with transaction.atomic():
            entries = importer.import_files(batch)
            if progress is not None:
                progress(entries, importer.summary)
        yield from entries
