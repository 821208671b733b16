"""`manage.py import_corpus DIR…`: import the archive; a thin shell around articles.importing."""

import contextlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from tqdm import tqdm

from articles.caching import bump_if_due, bumps_at_most_every
from articles.importing import ParseError
from articles.importing.parser import explain_bytes
from articles.importing.pipeline import (
    BATCH_FILES,
    import_sources,
    iter_source_files,
    relax_commit_durability,
)
from articles.importing.report import FILE_STATUS_LABELS, SUMMARY_LABELS
from articles.importing.writer import Importer, editable_parser_data
from articles.models import Article

# During an import, public pages show the new articles within this many seconds (see
# articles.caching.bumps_at_most_every), rather than losing their caches at every file.
PAGES_REFRESH_SECONDS = 5
# `--nice`: on a live site, the import (its Python and its parser's process) gives way to the
# web workers on shared cores, and takes what they leave; its database work is paced
# (DatabasePacing).
IMPORT_NICENESS = 10


class DatabasePacing:
    """`--nice`: after each run of files, the import pauses as long as its queries took.

    No niceness reaches the import's PostgreSQL backend (inserts, search vectors, their GIN
    index): under the benchmark's readers' load it took 5 to 16 % of the two cores at the web
    workers' priority, and readers answered 90 requests a second instead of 141 without an
    import. Paced, it takes 2 to 3 % and readers answer 114. The backend works at most half
    the time; the busier the machine, the longer its queries take and the longer the pauses.
    Pauses fall between transactions, holding no lock.
    """

    def __init__(self):
        self.owed = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.monotonic()
        try:
            return execute(sql, params, many, context)
        finally:
            self.owed += time.monotonic() - started

    def pause(self):
        if self.owed and not connection.in_atomic_block:
            time.sleep(self.owed)
            self.owed = 0.0


class Command(BaseCommand):
    help = "Importe les pages d'archive (*.txt) des dossiers ou fichiers donnés."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, metavar="DIR")
        parser.add_argument(
            "--explain",
            metavar="FILE",
            type=Path,
            help="Montre le rôle donné à chaque ligne d'un fichier, et pourquoi ; n'importe rien.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Analyse sans rien écrire.")
        parser.add_argument("--report", metavar="FILE", help="Rapport JSON (« - » : sortie).")
        parser.add_argument(
            "--status",
            choices=[Article.Status.PUBLISHED, Article.Status.DRAFT],
            default=Article.Status.PUBLISHED,
        )
        parser.add_argument(
            "--strict", action="store_true", help="Code de sortie non nul si un fichier échoue."
        )
        parser.add_argument(
            "--nice",
            action="store_true",
            help="Importe avec une priorité processeur abaissée : sur un site en ligne, les "
            "lecteurs passent d'abord.",
        )

    def handle(self, *args, paths, dry_run, report, status, strict, explain, nice, **options):
        if explain is not None:
            return self.explain(explain)
        if not paths:
            raise CommandError("Indiquez au moins un dossier ou un fichier à importer.")
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"Introuvable : {', '.join(missing)}")

        pacing = DatabasePacing()
        if nice:
            # Before the parser's second process starts: it inherits the priority.
            os.nice(IMPORT_NICENESS)
        importer = Importer(status=status, dry_run=dry_run)
        relax_commit_durability()
        troubles = []
        with (
            bumps_at_most_every(PAGES_REFRESH_SECONDS),  # exits last: bumps after the last commit
            connection.execute_wrapper(pacing) if nice else contextlib.nullcontext(),
            tempfile.TemporaryFile("w+", encoding="utf-8") as spool,
        ):
            entries = tqdm(
                import_sources(
                    importer,
                    iter_source_files(paths),
                    batch_size=BATCH_FILES,
                    parse_in_background=True,
                ),
                unit=" fichiers",
                disable=not sys.stderr.isatty(),
                file=sys.stderr,
            )
            for entry in entries:
                if spool.tell():
                    spool.write(",\n")
                json.dump(entry.as_json(), spool, ensure_ascii=False)
                if not entry.ok:
                    troubles.append(entry)
                bump_if_due()
                pacing.pause()
            if report:
                self.write_report(report, importer.summary, spool)
            else:
                self.write_table(importer.summary, troubles, dry_run)

        if strict and (importer.summary["errors"] or importer.summary["skipped"]):
            raise CommandError(
                f"{importer.summary['errors']} fichier(s) en erreur, "
                f"{importer.summary['skipped']} ignoré(s).",
                returncode=2,
            )

    def explain(self, path: Path):
        """Each line of one file with its role and the rule or score behind it."""
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Lecture impossible de {path} : {error.strerror}") from None
        try:
            furniture, thesaurus = editable_parser_data()
        except DatabaseError:  # no database yet: the lists of fixtures/ are the parser's default
            furniture = thesaurus = None
        try:
            lines, parsed = explain_bytes(data, furniture=furniture, thesaurus=thesaurus)
        except ParseError as error:
            raise CommandError(f"{path} : {error}") from None
        for number, role, reason, text in lines:
            self.stdout.write(f"{number:>4}  {role:<14} {text[:70]:<70}  ← {reason}")
        for article in parsed.articles:
            authors = ", ".join(author.name for author in article.authors) or "—"
            self.stdout.write(
                self.style.MIGRATE_HEADING(f"\nArticle {article.position + 1} : {article.title}")
            )
            self.stdout.write(f"  auteurs : {authors} · date : {article.published or '—'}")
            for warning in article.warnings:
                self.stdout.write(self.style.WARNING(f"  à relire : {warning}"))
            for note in article.notes:
                self.stdout.write(f"  note : {note}")
        for warning in parsed.warnings:
            self.stdout.write(self.style.WARNING(f"  fichier : {warning}"))

    def write_report(self, target, summary, spool):
        """Write the JSON report, streaming the per-file entries spooled on disk."""
        out = self.stdout if target == "-" else open(target, "w", encoding="utf-8")  # noqa: SIM115
        try:
            out.write('{"summary": ' + json.dumps(summary) + ', "files": [\n')
            spool.seek(0)
            for chunk in iter(lambda: spool.read(1 << 16), ""):
                out.write(chunk)
            out.write("\n]}\n")
        finally:
            if out is not self.stdout:
                out.close()

    def write_table(self, summary, troubles, dry_run):
        width = max(len(label) for label in SUMMARY_LABELS.values())
        title = "Import (simulation, rien n'est écrit)" if dry_run else "Import"
        self.stdout.write(self.style.MIGRATE_HEADING(title))
        for key, label in SUMMARY_LABELS.items():
            self.stdout.write(f"  {label:<{width}}  {summary[key]:>7}")
        for entry in troubles:
            label = FILE_STATUS_LABELS[entry.status]
            label = label.upper() if entry.status == "error" else label.lower()  # errors shout
            self.stdout.write(self.style.WARNING(f"  {label} {entry.file} : {entry.message}"))
