"""What the parser gives back: plain dataclasses, no Django."""

from dataclasses import dataclass, field
from datetime import date, datetime


class ParseError(ValueError):
    """A file that cannot be read as text at all (binary data): the importer skips it."""


@dataclass(frozen=True)
class ParsedAuthor:
    name: str
    role: str | None = None
    handle: str | None = None


@dataclass
class ParsedArticle:
    title: str
    body: str
    kind: str = "article"
    authors: list[ParsedAuthor] = field(default_factory=list)
    published: date | datetime | None = None
    updated: date | datetime | None = None
    issue_number: int | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    suggested_tags: list[str] = field(default_factory=list)
    standfirst: str | None = None
    photo_credit: str | None = None
    interviewee: str | None = None
    position: int = 0
    raw: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def needs_review(self):
        """Every doubt of the parser is a warning, and any warning asks for an editor."""
        return bool(self.warnings)


@dataclass
class ParsedFile:
    articles: list[ParsedArticle]
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
