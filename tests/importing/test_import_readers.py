"""An import on a live site: readers' caches emptied at most every few seconds, and the import
gives way to the web workers when asked (`--nice`): a lower priority, and pauses as long as its
queries took."""

import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from articles import caching
from articles.management.commands import import_corpus
from articles.models import Article

pytestmark = pytest.mark.django_db


def run_import(folder, *options):
    report = Path(folder).parent / "report.json"
    call_command("import_corpus", str(folder), *options, "--report", str(report))
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture
def niceness(monkeypatch):
    """What the command asked of os.nice()."""
    calls = []
    monkeypatch.setattr(os, "nice", calls.append)
    return calls


def test_an_import_keeps_its_priority_unless_asked(archive, niceness):
    run_import(archive)
    assert niceness == []


def test_nice_lowers_the_import_priority(archive, niceness):
    report = run_import(archive, "--nice")
    assert (niceness, report["summary"]["created"]) == ([10], Article.objects.count())


@pytest.mark.django_db(transaction=True)  # pauses fall between the import's own transactions
def test_nice_pauses_after_each_run_of_files_outside_any_transaction(
    archive, niceness, monkeypatch
):
    pauses = []
    monkeypatch.setattr(import_corpus, "BATCH_FILES", 2)  # the archive's 5 files in 3 runs
    monkeypatch.setattr(
        import_corpus.time,
        "sleep",
        lambda seconds: pauses.append((seconds > 0, connection.in_atomic_block)),
    )

    run_import(archive, "--nice")

    assert pauses == [(True, False)] * 3


def test_a_quick_import_of_several_runs_empties_readers_caches_once(archive, monkeypatch):
    bumps = []
    monkeypatch.setattr(import_corpus, "BATCH_FILES", 2)  # the archive's 5 files in 3 runs
    monkeypatch.setattr(caching, "bump_generation", lambda: bumps.append(1))

    report = run_import(archive)

    assert (report["summary"]["files"], len(bumps)) == (5, 1)
