"""Template filters of the public site: plain-text paragraphs, French dates, search excerpts,
JSON-LD.

Stored text is never marked safe as it is: plain texts (an issue's editorial, an author's bio)
become paragraphs that the template escapes, and excerpts are escaped here before their search
marks turn into <mark> elements. Article bodies are the exception: `body_html` was sanitised when
the article was saved (articles.bodies), and templates print it as it is.
"""

import html
import json
import re
from dataclasses import dataclass

from django import template
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from articles.search import START, STOP
from textkit.paragraphs import is_footnote, is_postscript, is_question

register = template.Library()

BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Paragraph:
    text: str
    css_class: str = ""


@register.filter
def paragraphs(text, kind=""):
    """Split plain text on blank lines into paragraphs with the class of their role.

    Footnotes ("* …") and a postscript ("PS : …") are notes; in an interview (`kind`
    "interview"), a paragraph ending with a question mark is a question.
    """
    result = []
    for block in BLANK_LINE.split((text or "").replace("\r\n", "\n").strip()):
        block = block.strip()
        if not block:
            continue
        if is_footnote(block):
            css_class = "note"
        elif is_postscript(block):
            css_class = "note note-ps"
        elif kind == "interview" and is_question(block):
            css_class = "question"
        else:
            css_class = ""
        result.append(Paragraph(block, css_class))
    return result


@register.filter
def plain_text(value):
    """The text of an HTML fragment (a rendered body), for a summary the template escapes."""
    return html.unescape(strip_tags(value or ""))


# The site is in French only: month names without a translation lookup at every date.
MONTHS = (
    *("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"),
    *("septembre", "octobre", "novembre", "décembre"),
)


@register.filter(expects_localtime=True)
def date_fr(value):
    """A date as French readers write it: "25 avril 2018", "1er mai 2019"; empty if None."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


@register.filter(expects_localtime=True)
def iso_date(value):
    """A date or a moment in ISO 8601 (a <time datetime>), local time: `|date:'c'` without
    the format parser."""
    return value.isoformat() if value else ""


# A backslash before ASCII punctuation is a Markdown escape ("\*Selon…", "1\. …" in an
# imported body): an excerpt, cut from the body's source, shows the character it stands for.
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@register.filter
def highlight(excerpt):
    """Escape a search excerpt and turn its match marks into <mark> elements."""
    escaped = escape(MARKDOWN_ESCAPE.sub(r"\1", excerpt or ""))
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


@register.filter
def json_ld(data):
    """A dict as the body of a <script type="application/ld+json">, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return mark_safe(text)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` as an absolute URL on the host the reader came by."""
    return context["request"].build_absolute_uri(path)
