"""What stands around a line of an article's opening: the lines below or above it that decide
whether it is a standfirst, a caption or the text (`opening.mark_opening`, `summary_line`)."""

import re

from articles.importing.dates import is_only_a_date
from articles.importing.lines import (
    CAPTION,
    CREDIT,
    FURNITURE,
    META,
    SENTENCE_BREAK,
    SENTENCE_ENDS,
    heading_like,
    is_header,
    is_prose,
)
from articles.importing.metadata import newspaper_name
from articles.importing.questions import MAX_QUESTION_WORDS
from articles.importing.reading import TEXT, Line
from articles.importing.signatures import read_byline, titled_signature
from textkit.paragraphs import is_footnote, is_postscript, is_question, unquote

MAX_SUMMARY_WORDS = 40
EPIGRAPH_SOURCE_WORDS = 12  # "Maxime affichée dans la salle de pause d'un plateau nantais"

SPEAKER = re.compile(r"^[\w’' .-]{2,30}\s?:\s")  # "En-Contact : …", "Julien B. : …"


def is_note(line: Line) -> bool:
    return is_footnote(line.text) or is_postscript(line.text)


def paragraph_words(lines: list[Line]) -> int:
    """The words of the paragraph that starts at the first line: the lines under it without a
    blank line between them, on a page that separates its paragraphs with blank lines."""
    if not lines:
        return 0
    count = lines[0].words
    for line in lines[1:]:
        if line.gap_before:
            break
        count += line.words
    return count


def heads_the_byline(rest: list[Line], index: int) -> bool:
    """A short line ending with a comma, right above a byline ("par Jeanne Martin")."""
    line = rest[index]
    below = rest[index + 1] if index + 1 < len(rest) else None
    return (
        line.flat.endswith(",")
        and line.words <= 12
        and below is not None
        and below.words <= 6
        and read_byline(below.flat, below.folded) is not None
    )


def reprint_source(rest: list[Line], index: int) -> bool:
    """ "La Montagne" alone under a reprint's date ("le 18/08/09"), above its text."""
    line = rest[index]
    above = rest[index - 1] if index else None
    return (
        above is not None
        and above.role == META
        and is_only_a_date(above.folded)
        and not line.flat.endswith(SENTENCE_ENDS)
        and newspaper_name(line.flat.split())
        and line.words <= 4
        and any(is_prose(other) for other in rest[index + 1 : index + 3])
    )


def subheading_follows(rest: list[Line], index: int) -> bool:
    """The next line (furniture aside) is a subheading, with prose under it."""
    following = [line for line in rest[index:] if line.role != FURNITURE][:2]
    return (
        len(following) == 2
        and following[0].role == TEXT
        and heading_like(following[0])
        and not is_question(following[0].flat)
        and is_prose(following[1])
    )


def picture_follows(rest: list[Line], index: int) -> bool:
    """The next line (furniture aside) is a photo's caption or credit, or has a picture's file
    name glued to it."""
    following = next((line for line in rest[index:] if line.role != FURNITURE), None)
    return following is not None and (following.role in (CAPTION, CREDIT) or bool(following.glued))


def above_the_header(rest: list[Line], index: int) -> bool:
    """The line at `index` (furniture aside) is the page's header ("Publié par le", a date):
    the text starts under it, so a paragraph above it, under the title, sums the text up."""
    following = next((line for line in rest[index:] if line.role != FURNITURE), None)
    return following is not None and following.role == META and is_header(following)


def summary_lines(rest: list[Line], index: int) -> list[Line]:
    """A summary may run over two lines of one paragraph when the page separates paragraphs
    with blank lines."""
    parts = [rest[index]]
    nxt = rest[index + 1] if index + 1 < len(rest) else None
    if (
        rest[index].gap_after == 0
        and nxt is not None
        and nxt.role == TEXT
        and nxt.gap_after > 0
        and rest[index].gap_before > 0
        and not nxt.glued
        and nxt.words <= MAX_SUMMARY_WORDS  # not a sentence glued above a whole paragraph
    ):
        parts.append(nxt)
    return parts


def pictured_people(rest: list[Line], index: int) -> list[Line]:
    """Two or more lines of a name and a role in a row, from `index`: the people in the
    page's photos (a byline names its authors on one line)."""
    people = []
    for line in rest[index:]:
        if line.role == FURNITURE:
            continue
        if line.role != TEXT or not titled_signature(line.flat):
            break
        people.append(line)
    return people if len(people) > 1 else []


def introduces_subheadings(rest: list[Line], index: int, length: int) -> bool:
    """An undated page's introduction (`length` lines from `index`), above the subheading its
    text opens with; not a report opening on a quote."""
    return (
        not any(line.role == META for line in rest[:index])
        and not rest[index].flat.startswith(("«", "“", '"'))
        and subheading_follows(rest, index + length)
    )


def asking_summary(rest: list[Line], index: int, parts: list[Line]) -> bool:
    """A bare page's one-sentence question glued under its title (`parts`, from `index`),
    above the text it sums up: "Un coup dur pour le label … ?"."""
    text = " ".join(part.flat for part in parts)
    below = rest[index + len(parts)] if index + len(parts) < len(rest) else None
    return (
        not any(line.role == META for line in rest[:index])
        and len(parts) == 1
        and text.endswith("?")
        and "?" not in text[:-1]
        and not SENTENCE_BREAK.search(text)
        and not SPEAKER.match(text)  # "En-Contact : … ?", an interviewer's
        and parts[0].gap_after == 0
        and below is not None
        and is_prose(below)
        and not (is_question(below.flat) and below.words <= MAX_QUESTION_WORDS)
    )


# The source under an epigraph: "Définition du Dictionnaire de l'Académie", "(Larousse)".
EPIGRAPH_SOURCE = re.compile(
    r"^definition (?:du|de la|de l'|des)\b|\bdictionnaire\b|\b(?:larousse|petit robert|littre)\b"
)


def epigraph_source(parts: list[Line], rest: list[Line], index: int) -> bool:
    """Lines that name where an epigraph comes from, or a quotation over its source: no
    summary."""
    quoted = unquote(rest[index].flat) is not None and above_its_source(rest, index)
    return quoted or any(EPIGRAPH_SOURCE.search(part.folded) for part in parts)


def heads_a_series(rest: list[Line], index: int) -> bool:
    """The first of the text's subheadings that open on the same word ("Sur l'emploi", "Sur
    les relais 3G", "Sur le tarif"): no photo's caption."""
    first_word = rest[index].folded.split()[0]
    return any(
        line.role == TEXT and heading_like(line) and line.folded.split()[0] == first_word
        for line in rest[index + 1 :]
    )


def above_its_source(rest: list[Line], index: int) -> bool:
    """An epigraph: the next line names its source, a short line without a full stop, and
    the text starts under it ("« Un client qui râle… »" / "Maxime affichée dans une salle de
    pause")."""
    below = [line for line in rest[index + 1 : index + 3] if line.role == TEXT]
    return (
        len(below) == 2
        and heading_like(below[0])
        and below[0].words <= EPIGRAPH_SOURCE_WORDS
        and is_prose(below[1])
    )


def quote_sums_up(rest: list[Line], index: int) -> bool:
    """The quotation at `rest[index]`, under the title, sums the text up: prose follows (not a
    quote alone), and not as an epigraph over its source."""
    return not above_its_source(rest, index) and any(is_prose(other) for other in rest[index + 1 :])
