"""The importer: test_import_*.py run the writer and the command on a database; the other
modules feed the pure parser and need none."""
