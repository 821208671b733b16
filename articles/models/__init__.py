"""The magazine's content: articles, issues (numéros), sections (rubriques) and tags, with
the importer's bookkeeping and the archive's counts.

One module per family; every model is importable from here (`articles.models.Article`), as
migrations and the rest of the project name them.
"""

from articles.models.article import Article, ArticleAuthor, BodyImage, reading_minutes
from articles.models.counts import ArchiveCount
from articles.models.fulltext import ArticleFullText, FullTextField, Match
from articles.models.imports import ImportJob, ImportJobFile
from articles.models.issue import Issue
from articles.models.querysets import LISTING_ORDER, ArticleQuerySet, visible
from articles.models.taxonomy import FurnitureLine, Section, Subject, Tag, TaggedArticle

__all__ = [
    "LISTING_ORDER",
    "ArchiveCount",
    "Article",
    "ArticleAuthor",
    "ArticleFullText",
    "ArticleQuerySet",
    "BodyImage",
    "FullTextField",
    "FurnitureLine",
    "ImportJob",
    "ImportJobFile",
    "Issue",
    "Match",
    "Section",
    "Subject",
    "Tag",
    "TaggedArticle",
    "reading_minutes",
    "visible",
]
