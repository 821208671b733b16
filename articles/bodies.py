"""Article bodies: Markdown written by editors, turned into safe HTML once, when saved.

A body is CommonMark with footnotes (markdown-it-py and its footnote plugin). `render()` makes
its HTML, which `Article.save()` stores beside the source (`body_html`), so that pages print it
as it is and never format a body per request. markdown-it already reads raw HTML as text and
refuses `javascript:` links; nh3 then keeps only the elements and attributes a body may have,
so that no script, event handler or dangerous URL reaches a page whatever the renderer lets by.

The magazine's own conventions keep their look: a paragraph starting with "*" is a note
("*Selon nos sources…"), "PS : …" a postscript, and in an interview a paragraph ending with "?"
a question (see textkit.paragraphs). A single line break stays a line break.

Imported text is plain: `from_plain_text()` escapes what Markdown would read as markup, so that
an imported paragraph shows exactly as it did ("1. …", "* note", "# 1" stay text).
"""

import re

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from textkit.paragraphs import is_footnote, is_postscript, is_question

# What a body may hold; nh3 drops every other element, attribute, class and URL scheme.
# The elements the Markdown of a body makes (its headings start at h2, under the page's h1)…
MARKDOWN_TAGS = frozenset(
    "p br h2 h3 h4 h5 h6 hr em strong a code pre blockquote ul ol li img".split()
)
# … and those its footnotes add: the reference's <sup>, the notes' <section>.
FOOTNOTE_TAGS = frozenset({"sup", "section"})
TAGS = MARKDOWN_TAGS | FOOTNOTE_TAGS
ATTRIBUTES = {
    "a": {"href", "title", "id"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "ol": {"start"},
    "li": {"id"},
}
# The only classes a body holds: the magazine's conventions and the footnotes' (nh3 drops
# any other class, and these need no "class" in ATTRIBUTES).
CLASSES = {
    "a": {"footnote-backref"},
    "ol": {"footnotes-list"},
    "li": {"footnote-item"},
    "p": {"note", "note-ps", "question"},
    "sup": {"footnote-ref"},
    "section": {"footnotes"},
    "hr": {"footnotes-sep"},
}
# The only URL schemes a link or an image may use.
SCHEMES = frozenset({"http", "https", "mailto"})

# Characters that make inline markup anywhere in a line (emphasis, code, links, images,
# autolinks and raw HTML, backslash escapes), and "&" where it would start an entity.
INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>])|&(?=#?\w+;)")
# What makes a block when it starts a line: a heading, a quote, a list item (bullet or
# "1." / "1)"), a thematic break or a setext underline ("---", "===").
BLOCK_MARKUP = re.compile(r"^(?:(?P<mark>[#>+=-])|(?P<number>\d{1,9})(?P<delimiter>[.)]))")


def from_plain_text(text):
    """Plain text as the Markdown that shows it unchanged: "1. Un" → "1\\. Un".

    Paragraphs (blank lines) and line breaks stay where they are; leading spaces, which
    Markdown would read as code and HTML does not show, are dropped.
    """
    lines = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        line = INLINE_MARKUP.sub(lambda m: "\\" + m.group(0), line.lstrip(" \t"))
        line = BLOCK_MARKUP.sub(_escape_block_mark, line, count=1)
        lines.append(line)
    return "\n".join(lines)


def _escape_block_mark(match):
    if match["mark"]:
        return "\\" + match["mark"]
    return match["number"] + "\\" + match["delimiter"]


def _paragraph_text(inline):
    """The text a reader sees in a paragraph (its inline token), markup aside."""
    return "".join(
        "\n" if child.type in ("softbreak", "hardbreak") else child.content
        for child in inline.children or []
        if child.type in ("text", "code_inline", "softbreak", "hardbreak")
    )


def _magazine_conventions(state):
    """Notes, postscripts and interview questions as classes; headings under the page's <h1>;
    images loaded lazily, at their size when it is known (`env["images"]`)."""
    interview = state.env.get("kind") == "interview"
    sizes = state.env.get("images") or {}
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"
        elif token.type == "paragraph_open" and not token.hidden:
            text = _paragraph_text(tokens[index + 1])
            if is_footnote(text):
                token.attrSet("class", "note")
            elif is_postscript(text):
                token.attrSet("class", "note note-ps")
            elif interview and is_question(text):
                token.attrSet("class", "question")
        elif token.type == "inline":
            for child in token.children or []:
                if child.type == "image":
                    child.attrSet("loading", "lazy")
                    if size := sizes.get(child.attrGet("src")):
                        child.attrSet("width", str(size[0]))
                        child.attrSet("height", str(size[1]))


MARKDOWN = MarkdownIt("commonmark", {"html": False, "breaks": True}).use(footnote_plugin)
MARKDOWN.core.ruler.push("magazine_conventions", _magazine_conventions)


# Keeps only what a body may hold: no script, no event handler, no other URL scheme, no HTML
# comment (nh3's default); links keep their own attributes, with no rel added.
SANITISER = nh3.Cleaner(
    tags=TAGS, attributes=ATTRIBUTES, allowed_classes=CLASSES, url_schemes=SCHEMES, link_rel=None
)


def render(markdown, kind="", images=None):
    """The safe HTML of a body; `images` maps an image's address to its (width, height)."""
    if not (markdown or "").strip():
        return ""
    return SANITISER.clean(MARKDOWN.render(markdown, {"kind": kind, "images": images or {}}))
