"""Kickers: the short line that introduces an editorial under its issue line ("Édito n°83 /"),
or any text right under its title (the title going on, a letter's address); and the issue line
that is the editorial's only title ("Edito En-Contact 43", ambush.fr)."""

import re

from articles.importing.lines import FURNITURE, MAX_META_WORDS, META, heading_like
from articles.importing.questions import FIRST_PERSON, OUR
from articles.importing.reading import TEXT, Line
from textkit.folding import fold
from textkit.paragraphs import is_question

EDITORIAL = re.compile(r"\bedito|\beditorial")

KICKER_WORDS = (3, 15)  # a line introducing an editorial, under its issue number

SHORT_KICKER_WORDS = 8
# ".. et 500 boulangeries !", "Et ne plus pouvoir s'en passer !": the title goes on
GOES_ON = re.compile(r"^(?:…|\.{2,3}\s?|Et\s)\S.*[.!]$")
# "Ma lettre à Nicolas.", "Lettre ouverte à Elise.": a letter's address
ADDRESSED_TO = re.compile(r"^[^.!?]{0,40}\bà\s[A-ZÀ-ÖØ-Þ][\w’'-]+\.$")


def short_kicker(text: str) -> re.Pattern | None:
    """Which kicker form a short line right under the title has, if any: it is the chapô
    (five testers of the letter's address out of six, three of the title going on)."""
    if len(text.split()) > SHORT_KICKER_WORDS:
        return None
    return next((form for form in (GOES_ON, ADDRESSED_TO) if form.match(text)), None)


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


# "Edito En-Contact 43", "Edito – En-Contact 57": an issue's label, which ambush.fr also uses as
# a post's whole title.
ISSUE_LABEL = re.compile(r"^edito\s?[–—-]?\s?en-?contact\s?(?:n°\s?)?\d{1,4}$")


def issue_titles(lines: list[Line]) -> None:
    """An issue's label standing where the title goes, right under the post's header (nothing
    but metadata and furniture above it since the last paragraph) and right above the text:
    the post's title (the title reads its issue number again, `parser.TITLE_ISSUE`). Under a
    title of its own (`Les vœux du standardiste` / `Edito – En-Contact 57`) it stays metadata."""
    for index, line in enumerate(lines[1:-1], start=1):
        if line.role != META or not ISSUE_LABEL.match(line.folded):
            continue
        above = next((other for other in reversed(lines[:index]) if other.role != FURNITURE), None)
        following = lines[index + 1]
        if (
            above is not None
            and above.role == META
            and following.role == TEXT
            and following.words > MAX_META_WORDS
        ):
            line.assign(TEXT, "numéro du magazine en guise de titre")
