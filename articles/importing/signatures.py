"""Authors from signatures: "Par A et B", "Article réalisé par X", "Propos recueillis par X",
a name with a role line ("Directeur de la rédaction") or a handle ("@manueljacquinet"), or a
bare name as the last line. Names are normalised: "Manuel JACQUINET" → "Manuel Jacquinet".
"""

import re

from articles.importing.dates import find_date
from articles.importing.records import ParsedAuthor
from textkit.folding import fold

PARTICLES = frozenset(
    """
    de du des d' d’ van von der den le la di da del della dos das el al ben bin ibn
    """.split()
)
NOT_NAMES = frozenset(
    """
    le la les l un une des the a an of and et ou pour avec dans sur par chez au aux en ce cette
    ces mon ma mes notre nos votre vos leur leurs son sa ses il elle nous vous ils elles on je
    credit credits photo photos image magazine interview edito merci bonjour bonsoir lire voir
    article articles publie publication rubrique page tags tag source sources ps nb note notes
    monsieur madame mr mme m dr pr
    """.split()
)
NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿA-ZÀ-ÖØ-Þ'’-]*\.?|[A-ZÀ-ÖØ-Þ]\.(?:-[A-ZÀ-ÖØ-Þ]\.)?)$"
)
ELIDED = re.compile(r"^(?:d|l)['’](?P<rest>.+)$", re.IGNORECASE)
HANDLE = re.compile(r"^(?:(?:twitter|x|linkedin)\s?:\s?)?(?P<handle>@[A-Za-z0-9_.]{2,30})$", re.I)
INLINE_HANDLE = re.compile(r"\s*\(?(?P<handle>@[A-Za-z0-9_.]{2,30})\)?")
BYLINE = re.compile(
    r"^(?:(?:une? )?(?:article|dossier|enquete|reportage|portrait)s? "
    r"(?:realisee?|redigee?|ecrite?|proposee?)s? par|propos recueillis par|"
    r"(?:interview|entretien) (?:realisee?|menee?) par|textes? (?:de|par)|textes?\s?:|"
    r"redige par|ecrit par|auteure?s?\s?:|signe par|une? (?:analyse|chronique|tribune) de|"
    r"par|by|written by|posted by)\s?:?\s"
)
SOURCE_TAIL = re.compile(r"\s[–—|]\s[^–—|,]{2,40}$")  # a newspaper's name, between name and date
WEB_SOURCE = re.compile(r"\b[\w-]+\.(?:fr|com|net|org|info|eu|be|ch|ma|tn|sn|mg)\b")
# "…, directrice générale d’Aldine, dans Ouest-Éco Hebdo": the publication that quoted them.
PUBLICATION = re.compile(
    r",?\s(?:dans|sur|au micro d[e'’]|interrogée? par)\s(?:l['’]|le\s|la\s|les\s)?"
    r"[A-ZÀ-ÖØ-Þ][^,;:!?]{0,50}$"
)
NEWSPAPER_FIELDS = re.compile(r"\s\|\s.*$")
# "Reportage réalisé par Manuel Jacquinet, à Fès": where the reporter wrote from.
PLACE_TAIL = re.compile(r",\s(?:à|a|au|aux|en|depuis)\s[A-ZÀ-ÖØ-Þ][\w'’ -]{1,40}$")
# The magazine's own staff: a name with one of these roles under a title signs the piece.
NEWSROOM_ROLE = re.compile(
    r"^(?:(?:directeur|directrice|redacteur|redactrice|secretaire)(?: en chef)?"
    r" (?:de la redaction|de la publication|adjointe? de la redaction)|redacteur en chef"
    r"|redactrice en chef|journaliste|chroniqueur|chroniqueuse|editorialiste)\b"
)
NAME_SEPARATORS = re.compile(r"\s*(?:,|\bet\b|\band\b|&)\s*")
ROLE_WORDS = re.compile(
    r"\b(?:direct(?:eur|rice|or)|redact(?:eur|rice)|redaction|journaliste|fondat(?:eur|rice)|"
    r"co-?fondat(?:eur|rice)|president(?:e)?|pdg|ceo|cto|cmo|coo|dg|consultant(?:e)?|"
    r"associe(?:e)?|professeur(?:e)?|enseignant(?:e)?|cherch(?:eur|euse)|responsable|chef|"
    r"manager|expert(?:e)?|analyste|avocat(?:e)?|delegue(?:e)?|secretaire|correspondant(?:e)?|"
    r"chroniqueu(?:r|se)|editeur|editrice|gerant(?:e)?|head|founder|editor|partner|"
    r"maitre de conferences|charge(?:e)? de|vice-president(?:e)?|dirigeant(?:e)?|"
    r"conseill(?:er|ere)|specialiste|auteur(?:e)?|economiste|sociologue|docteur|"
    r"superviseu(?:r|se|re)|teleconseill(?:er|ere)|operat(?:eur|rice)|comedien(?:ne)?|"
    r"scenariste|realisat(?:eur|rice)|product(?:eur|rice)|envoyee? speciale?|reporter|"
    r"etudiante?|chez)s?\b"
)


def normalise_name(name: str) -> str:
    """ "Manuel JACQUINET" → "Manuel Jacquinet"; mixed case is the author's own and kept."""
    words = []
    for word in name.split():
        if word.isupper() and sum(char.isalpha() for char in word) > 1:
            word = re.sub(r"[^\W\d_]+", lambda match: match.group().capitalize(), word.lower())
        words.append(word)
    return " ".join(words)


def is_name(text: str) -> bool:
    """A person's name: two to five capitalised words, particles allowed between them."""
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 60 or any(char.isdigit() for char in text):
        return False
    if words[0].lower() in PARTICLES or words[-1].lower() in PARTICLES:
        return False
    for word in words:
        if word.lower() in PARTICLES:
            continue
        elided = ELIDED.match(word)
        core = elided["rest"] if elided else word
        if not NAME_WORD.match(core) or fold(core.strip(".")) in NOT_NAMES:
            return False
    return True


def is_role(folded: str) -> bool:
    """A role line under a signature: "Directeur de la rédaction", "Consultante, eb-Lab"."""
    words = folded.split()
    return 1 <= len(words) <= 10 and not folded.endswith(".") and bool(ROLE_WORDS.search(folded))


def read_handle(flat: str) -> str | None:
    match = HANDLE.match(flat)
    return match["handle"] if match else None


def name_and_role(flat: str) -> ParsedAuthor | None:
    """ "Manuel Jacquinet", "Manuel Jacquinet, directeur de la rédaction", "Jean Dupont (@jd)"."""
    flat = flat.lstrip("—–-• ")
    handle = None
    if match := INLINE_HANDLE.search(flat):
        handle = match["handle"]
        flat = (flat[: match.start()] + flat[match.end() :]).strip()
    name, _, role = _split_role(flat)
    if not is_name(name) or (role and not is_role(fold(role))):
        return None
    if WEB_SOURCE.search(role) or PUBLICATION.search(role):
        return None  # "…, président de Telvia, dans lejournal.fr" / "…, dans Ouest-Éco": a source
    return ParsedAuthor(normalise_name(name), role or None, handle)


def _split_role(flat: str) -> tuple[str, str, str]:
    parts = re.split(r"\s*(?:,| - | – | — )\s*", flat, maxsplit=1)
    return (parts[0], ",", parts[1].strip()) if len(parts) == 2 else (flat, "", "")


def read_byline(flat: str, folded: str, dated=None) -> list[ParsedAuthor] | None:
    """The authors of a whole-line byline ("Par A et B"), or None if the line is not one.

    `dated` is the date found on the line, if any ("Par A, le 3 mars 2020"): it is cut out.
    """
    lead = len(folded) - len(folded.lstrip("–—- "))  # "– par Julien Morvan", set apart
    match = BYLINE.match(folded[lead:])
    if not match or len(folded.split()) > 20:
        return None
    names = flat[lead + match.end() :].strip(" .:")
    if dated is not None:
        names = flat[lead + match.end() : dated.start].strip(" .:,|–-")
        names = re.sub(r"\s(?:le|on)$", "", names)
        names = SOURCE_TAIL.sub("", names)  # "JULIETTE FAVRAND – Le Parisien – 03-09-2013"
    names = PLACE_TAIL.sub("", names)
    # "Par Anne Martin | 21/06 | 07:00 | Lesechos": a newspaper's date, time and name follow
    fields = NEWSPAPER_FIELDS.search(names)
    if fields and find_date(fold(fields.group())) is None:  # a full date: read_dated_byline's
        names = names[: fields.start()]
    handle = None
    if found := INLINE_HANDLE.search(names):
        handle = found["handle"]
        names = (names[: found.start()] + names[found.end() :]).strip(" ,")
    authors: list[ParsedAuthor] = []
    pieces = re.split(f"({NAME_SEPARATORS.pattern})", names)
    separator = ""
    for part in pieces:
        if NAME_SEPARATORS.fullmatch(part):
            separator = part.strip()
            continue
        if not part:
            continue
        if authors and authors[-1].role is None and separator == "," and is_role(fold(part)):
            authors[-1] = ParsedAuthor(authors[-1].name, part)
        elif authors and authors[-1].role and separator == ",":
            # "…, Directrice Expérience Client, Groupe Hestia": the role's organisation
            authors[-1] = ParsedAuthor(authors[-1].name, f"{authors[-1].role}, {part}")
        elif is_name(part):
            authors.append(ParsedAuthor(normalise_name(part)))
        elif authors and is_role(fold(part)) and authors[-1].role is None:
            authors[-1] = ParsedAuthor(authors[-1].name, part)
        else:
            return None
    if handle and len(authors) == 1:
        authors[0] = ParsedAuthor(authors[0].name, authors[0].role, handle)
    return authors or None


def titled_signature(flat: str) -> ParsedAuthor | None:
    """ "CLAIRE VASSEUR, Directrice de la rédaction" under a title: the author with her title
    (capitalised, as a signature writes it; a caption's "superviseure chez X" is not), or a
    newsroom role in any case ("Hélène Marchal, directrice de la rédaction")."""
    author = name_and_role(flat)
    if author is None or not author.role:
        return None
    if not author.role[:1].isupper() and not NEWSROOM_ROLE.match(fold(author.role)):
        return None
    return author
