"""The direction of imports (docs/architecture.md): the import-linter contracts of pyproject.toml.

The parser knows nothing of Django; textkit imports nothing of the project; the public site
never imports the back office nor the importer; models import nothing above them; nothing but
the back office itself and the URLconf imports the back office.
"""

import ast
import tomllib
from pathlib import Path

from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_every_import_contract_is_kept():
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == 0


def test_the_parser_contract_names_every_module_of_the_importer_but_the_writing_ones():
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    parser = next(c for c in contracts if c["name"].startswith("The parser knows nothing"))
    modules = {
        f"articles.importing.{path.stem}".removesuffix(".__init__")
        for path in (PYPROJECT.parent / "articles" / "importing").glob("*.py")
        if path.stem not in ("writer", "pipeline")
    }
    assert modules - set(parser["source_modules"]) == set()


def test_the_back_office_contract_names_every_module_outside_it():
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    contract = next(c for c in contracts if c["name"].startswith("Nothing outside the back"))
    outside = {
        f"{path.parent.name}.{path.stem}"
        for package in ("articles", "authors", "encontact")
        for path in (PYPROJECT.parent / package).iterdir()
        if (path.suffix == ".py" or (path / "__init__.py").exists())
        and path.stem not in ("__init__", "admin", "migrations")
    }
    assert outside - {"encontact.urls"} - set(contract["source_modules"]) == set()


MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 150


def application_modules():
    root = PYPROJECT.parent
    for package in ("articles", "authors", "encontact"):
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_no_application_module_or_class_is_too_long_to_read():

    too_long = []
    for path in application_modules():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{path.name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_CLASS_LINES:
                    too_long.append(f"{path.name}: class {node.name}, {length} lines")
    assert too_long == []
