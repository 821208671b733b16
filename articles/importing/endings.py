"""What a page prints around its text and no list of menu words can name: a newsletter's sign-up
box or a cookie banner, the magazine's own advertisement under the writer's name, the site's
lines printed again in its footer, the writer's e-mail address under their byline.

Both are read on the whole page after `classify`, before captions and signatures, so that the
writer's name above them is the text's last line again (a signature, not a caption).
"""

import re

from articles.importing.credits import read_credit
from articles.importing.lines import BYLINE, CREDIT, FURNITURE, META, SENTENCE_BREAK
from articles.importing.reading import TEXT, Line
from articles.importing.signatures import is_name

# The sign-up form's own lines: its field ("Votre adresse e-mail", "Email*") or its button.
FORM_FIELD = re.compile(
    r"^(?:(?:votre|your|saisissez votre|entrez votre|enter your) )?"
    r"(?:adresse )?(?:e-?mail|courriel|mail)(?: address| professionnel(?:le)?)? ?\*? ?:?$"
)
FORM_BUTTON = re.compile(
    r"^(?:je m'inscris|je m'abonne|s'inscrire|inscription|m'inscrire|subscribe|sign up|"
    r"valider|envoyer|ok|go|je valide|c'est parti|"
    # a cookie banner's buttons
    r"(?:tout )?(?:accepter|refuser)(?: et fermer| tout)?|j'accepte|je refuse|accept(?: all)?|"
    r"reject(?: all)?|(?:parametrer|personnaliser|gerer)(?: (?:les|mes) (?:cookies|choix))?|"
    r"en savoir plus|fermer)\s?[!>»→]?$"
)
# The box's pitch above them: what one receives, and how ("Recevez chaque semaine …").
SIGN_UP_PITCH = re.compile(
    r"\b(?:newsletters?|lettre d'(?:information|info)s?|la lettre\b|"
    r"boite (?:mail|e-?mail|de reception)|"
    r"par (?:e-?mail|courriel)|inscrivez-vous|abonnez-vous|s'abonner|recevez|"
    r"ne manquez (?:plus|rien)|"
    r"subscribe|sign up|"
    # a cookie banner's notice
    r"cookies?|traceurs|consentements?)\b"
)
# Its notice on personal data, in place of a field a plain-text copy lost.
PRIVACY_NOTICE = re.compile(
    r"^(?:consultez |voir |lire )?(?:notre |la )?politique de (?:gestion des donnees "
    r"personnelles|confidentialite|protection des donnees(?: personnelles)?)\.?$"
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
LINK_WORDS = 15  # a post's title, as a link
LEGEND = "légende, sous « Légendes photos »"  # `lines.classify`'s reason for such a caption
TEAM = re.compile(r"^(?:toute )?l'equipe (?:de|d'|du|des)\s?\S[^.!?]{0,40}$")
# "nadia.berthomieu(at)en-contact.com": an address alone, its @ written out or not.
EMAIL = re.compile(r"^[\w.+-]+\s?(?:@|\(at\)|\[at\]|\s(?:at|arobase)\s)\s?[\w-]+(?:\.[\w-]+)+$")
REPEATED_WORDS = 3  # a site line printed twice: long enough not to be a word of the text


def mark_endings(lines: list[Line]) -> None:
    """Mark as furniture the sign-up boxes and cookie banners under the page's texts, the
    magazine's advertisement under a signature, and the site's lines printed again in its
    footer (the tagline above the title, repeated at the bottom)."""
    seen: set[str] = set()  # the lines already read as furniture
    for index, line in enumerate(lines):
        if line.role == TEXT and line.folded in seen:
            line.assign(FURNITURE, "ligne du décor déjà vue plus haut sur la page")
            brand = lines[index - 1]  # the site's name over its tagline: "En-Contact"
            if brand.role == TEXT and brand.words <= 3 and not brand.gap_after:
                brand.assign(FURNITURE, "nom du site au-dessus de son slogan, en pied de page")
        elif (
            line.role == TEXT
            and index
            and lines[index - 1].role == BYLINE
            and EMAIL.match(line.folded)
        ):
            line.assign(FURNITURE, "adresse e-mail de l'auteur, sous sa signature")
        elif is_pitch(line) and line.role == TEXT and glued_to_a_call(lines, index):
            line.assign(FURNITURE, "présentation de la lettre d'information, sous son bouton")
        elif is_form_line(line):
            for boxed in sign_up_box(lines, index):
                boxed.assign(FURNITURE, "formulaire sous le texte (lettre d'information, cookies)")
        elif promotes_the_magazine(lines, index):
            line.assign(FURNITURE, "publicité du magazine sous la signature")
        elif links_either_side(lines, index):
            for link in lines[index : index + 2]:
                link.assign(FURNITURE, "lien vers le billet précédent ou suivant (« … / … »)")
        elif lone_link(lines, index):
            line.assign(FURNITURE, "lien vers le billet précédent ou suivant (« … »)")
        elif signs_off_as_a_team(lines, index):
            line.assign(FURNITURE, "salut d'une équipe en fin de page, pas un auteur")
        elif line.reason == LEGEND and (credit := read_credit(line)):
            line.assign(CREDIT, "crédit photo dans les « Légendes photos »", credit)
        if line.role == FURNITURE and line.words >= REPEATED_WORDS:
            seen.add(line.folded)


def sign_up_box(lines: list[Line], index: int) -> list[Line]:
    """The lines of the sign-up box whose field or button is `lines[index]`: up to its pitch
    above, under a text; none without a pitch (a line "Envoyer" alone may be the text's)."""
    start = index
    while start > 0 and index - start < BOX_LINES and lines[start - 1].words <= PITCH_WORDS:
        start -= 1
        if is_pitch(lines[start]):
            while start > 0 and is_pitch(lines[start - 1]):  # its heading: "La newsletter"
                start -= 1
            above = lines[:start]
            if any(line.role == TEXT and line.words >= TEXT_WORDS for line in above):
                end = index
                while end + 1 < len(lines) and is_form_line(lines[end + 1]):
                    end += 1
                return [line for line in lines[start : end + 1] if line.role == TEXT]
    return []


def is_form_line(line: Line) -> bool:
    """A sign-up form's field, button or data notice, whether a menu word already made it
    furniture."""
    return line.role in (TEXT, FURNITURE) and bool(
        FORM_BUTTON.match(line.folded)
        or FORM_FIELD.match(line.folded)
        or PRIVACY_NOTICE.match(line.folded)
    )


def glued_to_a_call(lines: list[Line], index: int) -> bool:
    """The line right above, without a blank, is a sign-up call the rules made furniture
    ("S'abonner à la lettre d'En-Contact")."""
    above = lines[index - 1] if index else None
    return above is not None and not above.gap_after and above.role == FURNITURE and is_pitch(above)


def is_pitch(line: Line) -> bool:
    return line.words <= PITCH_WORDS and bool(SIGN_UP_PITCH.search(line.folded))


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


def links_either_side(lines: list[Line], index: int) -> bool:
    """`lines[index]` and the next are a blog's links to the posts on either side, the last
    text of the page: "« Le billet d'avant" / "Le billet d'après »", their titles' open and
    close quotation marks standing for the arrows."""
    if index + 1 >= len(lines):
        return False
    first, second = lines[index], lines[index + 1]
    return (
        first.role in (TEXT, META)  # "« Edito En-Contact 35": a link, not the label
        and second.role == TEXT
        and first.flat.startswith("«")
        and "»" not in first.flat
        and second.flat.endswith("»")
        and "«" not in second.flat
        and first.words <= LINK_WORDS
        and second.words <= LINK_WORDS
        and all(later.role != TEXT for later in lines[index + 2 :])
    )


def lone_link(lines: list[Line], index: int) -> bool:
    """A single link to the post on one side, the page's last text under a paragraph, the
    site's furniture under it: "« LE BERRY RÉPUBLICAIN – Des téléconseillers…" (a quotation
    opened and never closed, in one phrase; a page cut inside a quotation ends on it, with
    nothing under it)."""
    line = lines[index]
    opened = line.flat.startswith("«") and "»" not in line.flat
    closed = line.flat.endswith("»") and "«" not in line.flat
    return (
        line.role in (TEXT, META)
        and (opened or closed)
        and line.words <= LINK_WORDS
        and not SENTENCE_BREAK.search(line.flat)
        and index + 1 < len(lines)
        and all(later.role != TEXT for later in lines[index + 1 :])
        and any(other.role == TEXT and other.words >= TEXT_WORDS for other in lines[:index])
    )


def signs_off_as_a_team(lines: list[Line], index: int) -> bool:
    """ "L’équipe de 118 Productions" as the page's last text: a team's sign-off, no author."""
    line = lines[index]
    return (
        line.role == TEXT
        and bool(TEAM.match(line.folded))
        and all(later.role != TEXT for later in lines[index + 1 :])
    )
