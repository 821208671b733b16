"""Photo captions: the lines that describe a picture, taken out of the text.

A caption above its own credit (`mark_credited_captions`, on the whole page), and, between the
paragraphs of an article, someone and what they do, a place, a photo's English title or a
short line under the paragraph that holds the picture (`mark_captions`). The sure forms
(`SURE_CAPTIONS`) go silently; the others are doubts for the editors.
"""

import re

from articles.importing import furniture as furniture_rules
from articles.importing.credits import CREDIT_LINE
from articles.importing.lines import (
    CAPTION,
    CREDIT,
    FURNITURE,
    SENTENCE_ENDS,
    SHORTCODE_CAPTION,
    heading_like,
    is_header,
    is_prose,
)
from articles.importing.reading import TEXT, Line
from articles.importing.signatures import is_name, is_role, name_and_role
from textkit.folding import fold
from textkit.paragraphs import is_postscript, is_question

CAPTIONED_NAME = re.compile(r"^(?P<name>[A-ZÀ-ÖØ-Þ][^,]{2,40}),\s")

# "Sabine Roussel lors du salon de Lyon, octobre 2016": a person, where the photo
# shows them, and its year, without a full stop.
NAME_THEN_WHEN = re.compile(
    r"^(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w’'-]+\s){1,2}[A-ZÀ-ÖØ-Þ][\w’'-]+)\s"
    r"(?:en|sur|lors|dans|devant|pendant|chez|à|au|aux)\s[^.!?:;«»]*\b(?:19|20)\d\d$"
)

NAME_AND_COMPANY = re.compile(r"^(?P<name>[^,()]{4,40}?),?\s\([^()]{2,40}\)$")

# "Claude Padonou avec Léa Morel à Cotonou": two people, and where they stand
# "Jacques Leyrat, Pierre Montagnac (PDG de X) et Hélène Dufaure, lors de l'inauguration …":
# the people on a photo, then the moment.
PEOPLE_LISTED = re.compile(
    r"^(?P<people>[^.;:!?]+?)\s(?:et|and)\s(?P<last>[^,.;:!?()]+?)(?:\s\([^()]{2,60}\))?,\s"
    r"(?:lors|pendant|au cours|à l'occasion|devant|à|au|en|sur|dans)\b[^.!?]*$"
)
NAME_WITH_ROLE = re.compile(r"\s\([^()]{2,60}\)$")  # "Pierre Montagnac (PDG de X)"
PEOPLE_TOGETHER = re.compile(
    r"^(?P<first>(?:[A-ZÀ-ÖØ-Þ][\w’'-]+\s){1,2}[A-ZÀ-ÖØ-Þ][\w’'-]+)\s(?:avec|et|aux côtés de)\s"
    r"(?P<second>(?:[A-ZÀ-ÖØ-Þ][\w’'-]+\s?){2,3})(?:,|\s(?:à|au|en|lors|pendant|devant)\b|$)"
)

# "Nordine, entre deux prises", "Lyon, le plateau de Vaise": a first name or a place, then what
# the photo shows, in a few words without a verb's full stop.
NAMED_MOMENT = re.compile(
    r"^(?P<word>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ-]{2,15}),\s[a-zà-öø-ÿ][^.!?:;,«»“”]{3,40}$"
)
NAMED_MOMENT_WORDS = 6
CONNECTORS = frozenset(
    "bref enfin ainsi alors donc oui non mais puis ensuite aujourd'hui demain hier ici voila "
    "certes bien surtout pourtant parfois souvent toujours jamais seul seule merci bravo "
    "attention dommage resultat conclusion question reponse objectif".split()
)
AGED = re.compile(r"^(?:\d{1,2}|[a-z-]+) ans\b")  # "Léa, vingt ans, sur un plateau"

# "Sur le plateau d’Orvalis à Cholet. Les campagnes…": a place, then what the photo shows.
PLACE_CAPTION = re.compile(
    r"^(?:Sur|Dans|Au|Aux|Chez|Devant|Lors)\s[^.,;:!?]{3,40}(?:,\s[^.,;:!?]{3,30})?\.\s[A-ZÀ-ÖØ-Þ]",
    re.UNICODE,
)

# "Séance de lecture à la médiathèque de Rezé": what the photo shows, then where, a place's name
# last, without a sentence's end.
SCENE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][^.,;:!?«»()“”]{3,50}\s(?:à|au|aux|chez|devant)\s(?:la |le |les |l'|l’)?"
    r"[^.,;:!?«»()“”]{0,30}?[A-ZÀ-ÖØ-Þ][\w’'-]+$"
)
SCENE_WORDS = 12
SCENE_CAPTION = "une scène et son lieu, sous un intertitre : légende de la photo"

ENGLISH = re.compile(r"^(?:the|a|an|my|our|your|this|these)\s|\b(?:of|and|with)\b.*\b(?:the|of)\b")

CREDITED_CAPTION = "ligne courte au-dessus d'un crédit photo : sa légende"

PERSON_CAPTION = "une personne et ce qu'elle fait, seuls entre deux paragraphes : légende"

UNDER_PICTURE_CAPTION = "ligne courte collée sous le paragraphe où la photo est collée : légende"

REPEATED_CAPTION = "la même légende, répétée (texte de l'image, puis légende)"

KICKER_CAPTION = "surtitre de presse (« … / VILLE ») : légende"

# Caption forms that held on every page seen (no doubt to report); the others are doubts.
SURE_CAPTIONS = {
    PERSON_CAPTION,
    SHORTCODE_CAPTION,
    CREDITED_CAPTION,
    KICKER_CAPTION,
    UNDER_PICTURE_CAPTION,
    REPEATED_CAPTION,
}


def mark_credited_captions(lines: list[Line]):
    """A short line just above a photo credit of its own ("Le plateau de Nantes, avant les
    travaux" / "Crédit photo : Anne Roux") is that photo's caption."""
    headed = False  # on a page without an article header, such a line may title a post
    previous = None
    for index, (line, following) in enumerate(zip(lines, lines[1:], strict=False)):
        headed = headed or is_header(line)
        # between a picture's file name and its credit, a sentence is the caption too
        pictured = previous is not None and is_picture_name(previous)
        if (
            headed
            and line.role == TEXT
            and following.role == CREDIT
            and CREDIT_LINE.match(following.folded)  # a photo's credit, not a credits note
            and line.words <= 20
            and (pictured or not line.flat.endswith(SENTENCE_ENDS))
            and not signs_above_a_last_credit(lines, index)
        ):
            line.assign(CAPTION, CREDITED_CAPTION)
        previous = line


def signs_above_a_last_credit(lines: list[Line], index: int) -> bool:
    """ "Isabelle Naudin, consultante chez Orfée" over the page's last credit, nothing of the
    text after it: the writer signing, then the credit of the article's photo (two testers of
    two, rounds 100 and 107), not that photo's caption."""
    signer = name_and_role(lines[index].flat)
    return (
        signer is not None
        and signer.role is not None
        and all(later.role != TEXT for later in lines[index + 2 :])
    )


def is_picture_name(line: Line) -> bool:
    """A picture's file name or alt text, removed as furniture ("yasmina-portrait")."""
    picture = not line.text or furniture_rules.IMAGE_NAME.match(line.folded)
    return line.role == FURNITURE and bool(picture)


TWIN_WORDS = 20
ROLE_LINE_WORDS = 20
LETTERS = re.compile(r"[^a-z0-9]+")  # what is left of a folded line to compare twins


def mark_role_under(rest: list[Line], index: int):
    """Under a name alone under the title (a photo's caption, an interview's header), a line
    that says what the person does ("DIRECTRICE GÉNÉRALE DE VOXALIA FRANCE") goes with it."""
    below = rest[index + 1] if index + 1 < len(rest) else None
    if (
        below is not None
        and below.role == TEXT
        and heading_like(below)
        and not below.flat.endswith(SENTENCE_ENDS)
        and is_role(below.folded)
    ):
        below.assign(CAPTION, "fonction sous le nom seul, sous le titre : légende de la photo")


def mark_captions(rest: list[Line]):
    """Photo captions left between paragraphs: someone and what they do ("Awa Ndiaye,
    superviseure chez Atlantique Contact", "Karim Benali, pendant le tournage"), a place ("Sur
    le plateau d’Orvalis à Cholet. …"), or a short line that ends a post just above its PS."""
    text = [index for index, line in enumerate(rest) if line.role == TEXT]
    blank_lines = any(rest[index].gap_before for index in text[1:])
    for position, index in enumerate(text[1:-1], start=1):
        line = rest[index]
        above = rest[text[position - 1]]
        if (
            above.glued
            and line.gap_before == 0
            and heading_like(line)
            and not is_question(line.flat)
        ):
            line.assign(CAPTION, UNDER_PICTURE_CAPTION)
            continue
        if scene_under_subheading(rest, text, position):
            line.assign(CAPTION, SCENE_CAPTION)
            continue
        following = rest[text[position + 1]]
        if line.role == TEXT and following.folded == line.folded and following.gap_before == 0:
            # the picture's alt text, then its caption: the same line twice
            if position + 2 < len(text) and (why := caption_reason(line, rest[text[position + 2]])):
                line.assign(CAPTION, why)
                following.assign(CAPTION, REPEATED_CAPTION)
            continue
        if line.role != TEXT or (blank_lines and not line.standalone):
            continue
        if why := caption_reason(line, following):
            line.assign(CAPTION, why)


def scene_under_subheading(rest: list[Line], text: list[int], position: int) -> bool:
    """Under a subheading that follows a paragraph, a second short line that shows a scene and
    its place ("Les coulisses de l’écriture" / "Séance de lecture à la médiathèque de Rezé"):
    the photo's caption, printed under the subheading (round 119)."""
    line = rest[text[position]]
    heading = rest[text[position - 1]]
    return (
        position >= 2
        and line.role == heading.role == TEXT
        and line.words <= SCENE_WORDS
        and bool(SCENE.match(line.flat))
        and heading_like(heading)
        and not heading.flat.endswith(SENTENCE_ENDS)
        and (is_prose(above := rest[text[position - 2]]) or above.flat.endswith(SENTENCE_ENDS))
    )


def caption_reason(line: Line, following: Line) -> str | None:
    lead = CAPTIONED_NAME.match(line.flat) if line.words <= 12 else None
    after_name = line.flat[lead.end() :] if lead else ""
    if lead and (is_name(lead["name"]) or AGED.match(after_name) or is_role(fold(after_name))):
        rest = line.flat[lead.end() :]
        if (
            rest[:1].islower()
            and not is_question(rest)
            and (not rest.endswith(SENTENCE_ENDS) or line.words <= 10)
        ):
            return PERSON_CAPTION
    if (with_company := NAME_AND_COMPANY.match(line.flat)) and is_name(with_company["name"]):
        return PERSON_CAPTION  # "Hélène Vasseur, (Altaïr Conseil)"
    together = PEOPLE_TOGETHER.match(line.flat) if line.words <= 14 else None
    if (
        together
        and is_name(together["first"])
        and is_name(together["second"])
        and not line.flat.endswith(SENTENCE_ENDS)
    ):
        return PERSON_CAPTION  # "Claude Padonou avec Léa Morel à Cotonou, Bénin"
    dated = NAME_THEN_WHEN.match(line.flat) if line.words <= 12 else None
    if dated and is_name(dated["name"]):
        return PERSON_CAPTION
    if line.words <= 30 and PLACE_CAPTION.match(line.flat):
        return "un lieu en quelques mots, seul entre deux paragraphes : légende"
    if heading_like(line) and is_postscript(following.flat) and not is_question(line.flat):
        return "ligne courte entre la fin du texte et le PS : légende"
    if line.words <= 4 and is_name(line.flat):
        return "un nom seul entre deux paragraphes : légende"
    moment = NAMED_MOMENT.match(line.flat) if line.words <= NAMED_MOMENT_WORDS else None
    if moment and fold(moment["word"]) not in CONNECTORS:
        return "un prénom ou un lieu, puis ce que montre la photo : légende"
    if line.words <= 8 and line.flat.isascii() and ENGLISH.search(line.folded):
        return "titre de photo en anglais dans une page en français : légende"
    return None


def mark_early_captions(rest: list[Line]):
    """Captions sure enough to be marked before the standfirst is looked for, which they would
    otherwise be: the same short line twice but for an apostrophe or a comma ("Le plateau dune
    comédie" / "Le plateau d'une comédie": a picture's alt text, then its caption), and the
    people on a photo listed with the moment ("X, Y (PDG de Z) et W, lors de …")."""
    text = [line for line in rest if line.role == TEXT]
    for line, following in zip(text, text[1:], strict=False):
        if twins(line, following):
            line.assign(CAPTION, REPEATED_CAPTION)
            following.assign(CAPTION, REPEATED_CAPTION)
    for line in text:
        if line.role == TEXT and people_listed(line.flat):
            line.assign(CAPTION, PERSON_CAPTION)
    for name, role in zip(text, text[1:], strict=False):
        if name.role == role.role == TEXT and name_then_role(name, role):
            # "Solène Martinaud" / "chargée de mission à l'ANRC – Organisatrice des Trophées"
            name.assign(CAPTION, PERSON_CAPTION)
            role.assign(CAPTION, PERSON_CAPTION)


def twins(line: Line, following: Line) -> bool:
    """Two short lines, one after the other, the same but for punctuation, or the same without
    a sentence's end (an image's alt text and its caption printed under it, round 111; a
    sentence said twice is the text's)."""
    return (
        line.words <= TWIN_WORDS
        and line.role == following.role == TEXT
        and (line.folded != following.folded or not line.flat.endswith(SENTENCE_ENDS))
        and LETTERS.sub("", line.folded) == LETTERS.sub("", following.folded)
    )


def people_listed(text: str) -> bool:
    """Three people or more, named (with their role in brackets), then where or when."""
    listed = PEOPLE_LISTED.match(text) if len(text.split()) <= 45 else None
    if listed is None:
        return False
    names = [NAME_WITH_ROLE.sub("", part.strip()) for part in listed["people"].split(",")]
    return len(names) >= 2 and all(is_name(name) for name in [*names, listed["last"]])


def name_then_role(name: Line, role: Line) -> bool:
    """A name alone, then on the next line, in lowercase, what the person does."""
    return (
        name.words <= 4
        and is_name(name.flat)
        and role.flat[:1].islower()
        and role.words <= ROLE_LINE_WORDS
        and not role.flat.endswith(SENTENCE_ENDS)
    )
