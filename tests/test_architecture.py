"""The direction of imports (docs/architecture.md): the import-linter contracts of pyproject.toml.

The parser knows nothing of Django; textkit imports nothing of the project; the public site
never imports the back office nor the importer; models import nothing above them.
"""

from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_every_import_contract_is_kept():
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0
