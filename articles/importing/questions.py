"""Interviews: whether the lines under an opening are an interviewer's questions, and the
author's own voice, which no summary speaks in."""

import re

from articles.importing.lines import CAPTION, CREDIT, FURNITURE, SENTENCE_BREAK
from articles.importing.reading import Line
from textkit.paragraphs import is_question

MAX_QUESTION_WORDS = 60

# An opening in the author's own voice is the text itself: "je", or an exhortation
# ("regardons…"); the magazine's reporting "nous" is not ("nous avons suivi…").
FIRST_PERSON = re.compile(
    r"\b(?:je|j'|moi|mon|ma|mes)\b"
    r"|\b(?:regardons|voyons|disons|rappelons|notons|avouons|reconnaissons|soyons|commencons"
    r"|parlons|imaginons|prenons|posons|revenons|osons|allons-y)\b"
)

OUR = re.compile(r"\b(?:nous|notre|nos)\b")  # the author's own voice, not a summary's


def introduces_questions(rest: list[Line], index: int) -> bool:
    """The line at `index` (pictures and furniture aside) is an interviewer's question: one
    short sentence that asks, then an answer that is no question."""
    following = [line for line in rest[index:] if line.role not in (FURNITURE, CAPTION, CREDIT)]
    if len(following) < 2:
        return False
    question, answer = following[0], following[1]
    return (
        is_question(question.flat)
        and asks_again(following[1:])
        and question.words <= MAX_QUESTION_WORDS
        and len(SENTENCE_BREAK.findall(question.flat)) <= 2  # premises, then the question
        and not FIRST_PERSON.search(question.folded)
        and not is_question(answer.flat)
    )


def asks_again(lines: list[Line]) -> bool:
    """An interview asks more than once: a single question under the opening is the text's
    subheading ("Le numéro de l'indifférence ?")."""
    return any(is_question(line.flat) for line in lines)
