"""`make bench`: the benchmark harness of En-Contact (run as `python -m bench`).

It builds synthetic archives (bench.data), serves the site as deployed with gunicorn and loads
it from 127.0.0.1 (bench.server, bench.load, bench.pages), times the importer (bench.importing),
the search (bench.search) and the back office (bench.backoffice), and writes BENCHMARKS.md
(bench.report). Everything runs on its own databases, never on the developer's db.sqlite3.
"""
