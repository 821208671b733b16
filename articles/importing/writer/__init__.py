"""Write parsed archive files into the database: the only part of the importer that knows models.

Files come in runs (see articles.importing.pipeline), one transaction each: the new files of a
run together, with one bulk insert per table, and again one by one in their own savepoints
should that fail, so a failing file is reported and skipped while the rest lands, and an import
killed midway leaves whole files only. Articles are keyed by (source file, position in the
file): importing the same folder twice creates nothing new.

`Importer` (importer.py) runs the files and keeps the summary; it hands the work to small
collaborators: `KnownRows` (rows.py: the authors, tags, issues and sections articles point
to), `NewArticles` (creating.py: new articles in bulk, their revision, bylines and tags),
`KnownArticles` (updating.py: articles imported before, unchanged, updated or kept as editors
left them), `fill` (filling.py: an article's fields from its parsed form) and
`search_index_deferred` (indexing.py: a run's articles indexed once).
"""

from articles.importing.writer.filling import editable_parser_data, published_datetime
from articles.importing.writer.importer import Importer, PendingFile

__all__ = ["Importer", "PendingFile", "editable_parser_data", "published_datetime"]
