"""What a page prints under its text and no list of menu words can name: a newsletter's sign-up
box, the magazine's own advertisement under the writer's name.

Both are read on the whole page after `classify`, before captions and signatures, so that the
writer's name above them is the text's last line again (a signature, not a caption).
"""

import re

from articles.importing.lines import FURNITURE
from articles.importing.reading import TEXT, Line
from articles.importing.signatures import is_name

# The sign-up form's own lines: its field ("Votre adresse e-mail", "Email*") or its button.
FORM_FIELD = re.compile(
    r"^(?:(?:votre|your|saisissez votre|entrez votre|enter your) )?"
    r"(?:adresse )?(?:e-?mail|courriel|mail)(?: address| professionnel(?:le)?)? ?\*? ?:?$"
)
FORM_BUTTON = re.compile(
    r"^(?:je m'inscris|je m'abonne|s'inscrire|inscription|m'inscrire|subscribe|sign up|"
    r"valider|envoyer|ok|go|je valide|c'est parti)\s?[!>»→]?$"
)
# The box's pitch above them: what one receives, and how ("Recevez chaque semaine …").
SIGN_UP_PITCH = re.compile(
    r"\b(?:newsletters?|lettre d'(?:information|info)s?|boite (?:mail|e-?mail|de reception)|"
    r"par (?:e-?mail|courriel)|inscrivez-vous|abonnez-vous|recevez|ne manquez (?:plus|rien)|"
    r"subscribe|sign up)\b"
)
BOX_LINES = 6  # a pitch, a sub-line, a field or two, a consent line, the button
PITCH_WORDS = 30
TEXT_WORDS = 15  # a paragraph of the text above: the box stands under it

# The magazine advertising itself under the writer's name: "Retrouvez toutes nos enquêtes dans
# le numéro de printemps, en kiosque." A call in the second person, about the magazine.
SELF_PROMOTION = re.compile(
    r"^(?:retrouvez|decouvrez|lisez|commandez|procurez-vous|abonnez-vous|profitez|"
    r"rendez-vous|ne manquez pas|suivez)\b"
    r".*\b(?:magazine|numero|n°|kiosques?|abonnements?|newsletter|en-?contact|notre site|"
    r"version (?:papier|numerique))\b"
)
PROMOTION_WORDS = 35


def mark_endings(lines: list[Line]) -> None:
    """Mark the sign-up boxes and the self-promotion under the page's texts as furniture."""
    for index, line in enumerate(lines):
        if is_form_line(line):
            for boxed in sign_up_box(lines, index):
                boxed.assign(FURNITURE, "formulaire d'inscription à la lettre d'information")
        elif promotes_the_magazine(lines, index):
            line.assign(FURNITURE, "publicité du magazine sous la signature")


def sign_up_box(lines: list[Line], index: int) -> list[Line]:
    """The lines of the sign-up box whose field or button is `lines[index]`: up to its pitch
    above, under a text; none without a pitch (a line "Envoyer" alone may be the text's)."""
    start = index
    while start > 0 and index - start < BOX_LINES and lines[start - 1].words <= PITCH_WORDS:
        start -= 1
        if SIGN_UP_PITCH.search(lines[start].folded):
            above = lines[:start]
            if any(line.role == TEXT and line.words >= TEXT_WORDS for line in above):
                end = index
                while end + 1 < len(lines) and is_form_line(lines[end + 1]):
                    end += 1
                return [line for line in lines[start : end + 1] if line.role == TEXT]
    return []


def is_form_line(line: Line) -> bool:
    """A sign-up form's field or button, whether a menu word already made it furniture."""
    return line.role in (TEXT, FURNITURE) and bool(
        FORM_BUTTON.match(line.folded) or FORM_FIELD.match(line.folded)
    )


def promotes_the_magazine(lines: list[Line], index: int) -> bool:
    """`lines[index]` is the magazine's advertisement: a call about the magazine right under a
    name alone on its line, with nothing of the text after it."""
    line = lines[index]
    if line.role != TEXT or line.words > PROMOTION_WORDS or index == 0:
        return False
    name = lines[index - 1]
    return (
        bool(SELF_PROMOTION.match(line.folded))
        and name.role == TEXT
        and name.words <= 4
        and is_name(name.flat)
        and all(later.role != TEXT for later in lines[index + 1 :])
    )
