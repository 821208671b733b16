"""Roles of body paragraphs, shared by the parser, the Markdown bodies and the public templates."""

import re

QUESTION_END = re.compile(r"\?[\s»”\"')]*$")
POSTSCRIPT = re.compile(r"^(?:P\.?\s?S|N\.?\s?B)\.?\s*:", re.IGNORECASE)  # "PS :", "Nb :"
QUOTED = re.compile(r"^(?:«\s*(?P<french>.+?)\s*»|“\s*(?P<curly>.+?)\s*”|\"(?P<plain>[^\"]+)\")$")


NUMBERED_NOTE = re.compile(r"^\(\d{1,2}\)\s")


def is_footnote(paragraph: str) -> bool:
    """A note at the end of a body: "*Selon nos sources…", "**Lequel avait prévu…",
    "(*) Chiffres communiqués par…", "(1) La loi Chatel, votée…"."""
    paragraph = paragraph.lstrip()
    return paragraph.startswith(("*", "(*)", "(**)")) or bool(NUMBERED_NOTE.match(paragraph))


def is_postscript(paragraph: str) -> bool:
    """A closing "PS : …" or "Nb : …" line: part of the article, never a signature."""
    return bool(POSTSCRIPT.match(paragraph.lstrip()))


def is_question(paragraph: str) -> bool:
    """An interviewer's question: a paragraph ending with "?" (quotes and spaces aside)."""
    return bool(QUESTION_END.search(paragraph))


def unquote(text: str) -> str | None:
    """The inside of a line wholly between quotes (« … », “ … ”), else None."""
    match = QUOTED.match(text.strip())
    if match is None:
        return None
    return (match["french"] or match["curly"] or match["plain"]).strip()


QUOTATION = re.compile(r"«[^«»]*»|“[^“”]*”")


def without_quotations(text: str) -> str:
    """The text without the words it quotes: "Le recueil « Allô, qui est là ? » paraît."
    asks nothing; its question mark is the book's."""
    return QUOTATION.sub("", text)
