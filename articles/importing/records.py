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
    """One article of a page.

    `warnings` are the parser's doubts (a guessed title, text removed above the title, a
    caption taken out…): they put the article in the editors' « à relire » queue. `notes` are
    facts about the page (no author, no date, no issue number shown): editors see them, but an
    archive page that simply does not say is no reason to review the article.
    """

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
    notes: list[str] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        return bool(self.warnings)

    def as_report(self) -> dict:
        """The article as the import report (and the accuracy check) shows it."""
        return {
            "title": self.title,
            "kind": self.kind,
            "authors": [{"name": a.name, "role": a.role, "handle": a.handle} for a in self.authors],
            "published": self.published.isoformat() if self.published else None,
            "issue_number": self.issue_number,
            "category": self.category,
            "tags": list(self.tags),
            "suggested_tags": list(self.suggested_tags),
            "standfirst": self.standfirst,
            "photo_credit": self.photo_credit,
            "interviewee": self.interviewee,
            "body": self.body,
            "warnings": list(self.warnings),
            "notes": list(self.notes),
            "needs_review": self.needs_review,
        }


@dataclass
class ParsedFile:
    articles: list[ParsedArticle]
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
