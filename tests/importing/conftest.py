"""Fixtures of the importer's database tests (test_import_*.py)."""

import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@pytest.fixture
def archive(tmp_path):
    """A copy of the demo archive, free to change."""
    folder = tmp_path / "archive"
    shutil.copytree(CORPUS, folder)
    return folder
