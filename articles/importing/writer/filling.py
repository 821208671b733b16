"""An article's fields from its parsed form, and the editors' lists the parser reads."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from articles.bodies import from_plain_text
from articles.importing.metadata import section_name
from articles.importing.thesaurus import Subject
from articles.models import Article, FurnitureLine
from articles.models import Subject as SubjectModel

PARIS = ZoneInfo("Europe/Paris")


def editable_parser_data():
    """The furniture list and thesaurus as editors keep them in the back office."""
    furniture = list(FurnitureLine.objects.values_list("text", flat=True)) or None
    subjects = [
        Subject(name=subject.name, variants=subject.variant_list())
        for subject in SubjectModel.objects.filter(active=True)
    ] or None
    return furniture, subjects


def published_datetime(value):
    """A parsed date or datetime as an aware datetime (a bare date is midnight in Paris)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(0, 0), tzinfo=PARIS)
    return value


def fill(article, item, digest, rows):
    """Give `article` the fields of `item` (a parsed article) from a source of `digest`.

    `rows` (a `KnownRows`) finds or creates its issue and section.
    """
    article.title = item.title[:300]
    article.standfirst = item.standfirst or ""
    article.body = from_plain_text(item.body)  # imported text is plain, bodies Markdown
    article.kind = item.kind if item.kind in Article.Kind.values else Article.Kind.ARTICLE
    article.interviewee = item.interviewee or ""
    article.photo_credit = (item.photo_credit or "")[:300]
    article.published_at = published_datetime(item.published)
    article.issue = rows.issue(item.issue_number)
    article.section = rows.section(item.category and section_name(item.category))
    article.source_digest = digest
    article.source_text = item.raw
    # Editors see the doubts and the absences; only the doubts ask for a review.
    article.import_warnings = item.warnings + item.notes
    article.needs_review = item.needs_review
    article.import_conflict = False
