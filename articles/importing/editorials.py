"""Editorials ("Édito n°83 /"): the short line that introduces one under its issue line."""

import re

from articles.importing.lines import META, heading_like
from articles.importing.questions import FIRST_PERSON, OUR
from articles.importing.reading import TEXT, Line
from textkit.folding import fold
from textkit.paragraphs import is_question

EDITORIAL = re.compile(r"\bedito|\beditorial")

KICKER_WORDS = (3, 15)  # a line introducing an editorial, under its issue number


def editorial_kicker(rest: list[Line], index: int) -> bool:
    """ "En-Contact fête ses 14 ans" right under an édito's issue line ("Édito N°83 /"), above
    its first paragraph: a short line that introduces the editorial, its chapô (four testers
    out of five read it so on that template)."""
    line = rest[index]
    above = rest[index - 1] if index else None
    following = [other for other in rest[index + 1 :] if other.role == TEXT]
    return (
        above is not None
        and above.role == META
        and bool(above.data.issue_number)
        and bool(EDITORIAL.search(fold(above.data.category or "")))
        and KICKER_WORDS[0] <= line.words <= KICKER_WORDS[1]
        and heading_like(line, KICKER_WORDS[1])  # a sentence there is the editorial's first
        and not is_question(line.flat)
        and not FIRST_PERSON.search(line.folded)
        and not OUR.search(line.folded)  # "Nous avons tous attendu…": the editorial itself
        and "*" not in line.flat  # a footnote's call: the text's own line
        and not line.flat.endswith(",")  # "Au lecteur banquier,": the editorial's salutation
        and bool(following)
        and following[0].words > line.words
    )
