"""The archive importer's parser: plain-text pages in, structured articles out.

Pure Python (no Django): `parse_bytes` / `parse_text` return a `ParsedFile`. The writer
(articles.importing.writer) is the only part that knows the models.
"""

from articles.importing.furniture import load_furniture
from articles.importing.parser import parse_bytes, parse_text
from articles.importing.records import ParsedArticle, ParsedAuthor, ParsedFile, ParseError
from articles.importing.thesaurus import Subject, load_thesaurus

__all__ = [
    "ParseError",
    "ParsedArticle",
    "ParsedAuthor",
    "ParsedFile",
    "Subject",
    "load_furniture",
    "load_thesaurus",
    "parse_bytes",
    "parse_text",
]
