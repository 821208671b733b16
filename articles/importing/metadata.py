"""Metadata lines: publication and update dates, category, tags, issue number, publisher.

A line is metadata only when the whole line is ("Publié le 25 avril 2018 à 09:42 par …",
"This article was written on 12 Août 2002, and is filled under Editos.", "Tags : a, b",
"Édito n°84 /", "le 12/09/2019"); dates inside sentences are the text's own business.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import takewhile

from articles.importing.dates import MONTH, WEEKDAYS, find_date, is_only_a_date
from articles.importing.reading import phrases
from articles.importing.signatures import read_byline
from textkit.folding import fold

NAME_GLUE = {"des", "les", "aux", "sur"}

LINKING_WORDS = {
    "de",
    "du",
    "des",
    "d'",
    "le",
    "la",
    "les",
    "au",
    "aux",
    "en",
    "dans",
}  # "Le Journal des Entreprises"

DEFAULT_CATEGORIES = {"non classe", "uncategorized", "uncategorised", "general", "divers"}

# Sections of a magazine (folded): the word before an issue number is a category only when it
# names a section ("Édito n°84"), not when it names the magazine ("En-Contact n°112").
SECTIONS = frozenset(
    """
    edito editos editorial interview interviews entretien tribune tribunes actualite actualites
    actu actus dossier dossiers enquete enquetes portrait portraits chronique chroniques
    reportage focus analyse temoignage debat etude etudes opinion decryptage agenda evenement
    evenements business management innovation strategie tendances point de vue
    """.split()
)

PUBLISHED = re.compile(
    r"^(?:publie|publiee|posted|published|mis en ligne|mise en ligne|paru|parution|"
    r"date de publication|date)\b"
)
POSTED = re.compile(
    r"""^posted\s(?:by\s(?P<who>.+?)\s)?on\s(?P<date>.+?)(?:\sin\s(?P<category>[^|]+?))?
    \s?(?:\|\s?(?:\d+|no)\scomments?|$)""",
    re.VERBOSE,
)
UPDATED = re.compile(r"^(?:mis a jour|mise a jour|derniere mise a jour|updated|modifie)\b")

# "This article was written on 04 Fév 2009, and is filled under Editos du magazine En-Contact."
WRITTEN = re.compile(
    r"^this (?:article|entry|post) was (?:written|posted|published) on (?P<date>.+?)"
    r"(?:,? and is fill?ed under (?P<category>.+?))?\.?$"
)
# "Filed under Editos", "Posted in Management | Tagged nuit, planning | Leave a comment"
FILED = re.compile(
    r"^(?:fill?ed|posted|classe|publie) (?:under|in|dans) (?P<category>[^|]+?)\.?"
    r"(?: ?\| ?(?P<rest>.*))?$"
)
# A theme's sentence under a text: "Cet article a été publié dans Management. Bookmarquez le
# permalien.", "This entry was posted in Editos and tagged crm, bpo. Bookmark the permalink."
PERMALINK = re.compile(
    r"^(?:this (?:entry|post) was posted in|(?:cet article|ce contenu|ce billet|cette entree)"
    r" a ete publiee? dans) (?P<category>[^.|]+?)(?:,? (?:and tagged|tagged|marque avec|avec"
    r" (?:comme )?(?:les )?mot\S*) (?P<tags>[^.|]+?))?(?:,? (?:par|by|le|on) [^.|]+?)?\."
    r" .{0,80}\b(?:permalien|permalink)\W*$"
)

# "Rubrique : Expériences", "Catégories : Actualités"
CATEGORY = phrases(
    """
    categories?
    rubriques?
    sections?
    category
    themes?
    """,
    then=r"\s?:\s?(?P<category>.+)$",
)
# "Tags : a, b", "Current post is tagged" (the tags on the next line)
TAGS = phrases(
    """
    tags?(?![a-z])
    tagged
    mots[- ]cles?
    mots[- ]clefs?
    etiquettes?
    keywords
    current post is tagged
    this (?:post|entry) (?:is|was) tagged(?: with)?
    """,
    then=r"\s?:?(?P<tags>.*)$",
)
ISSUE = re.compile(
    r"""^(?:(?P<prefix>[^\d#]{1,40}?)\s?)?
    (?:n°|no\.?|n\.|numero|num\.|\#|(?<![\w-])en-?contact)\s?(?P<number>\d{1,4})\b
    \s?(?P<sep>[:/|–—-]?)\s?(?P<rest>.*)$""",
    re.VERBOSE,
)
# What may follow an issue number on its line: "mai 2016", "d'En-Contact, 2010".
ISSUE_TAIL = re.compile(
    rf"^(?:(?:d'|de |du )?(?:en-?contact|magazine)\b,?\s?)?(?:(?:{MONTH})\.?\s)?\d{{4}}$"
    r"|^(?:d'|de |du )?(?:en-?contact|magazine)$"
)
TAG_SPLIT = re.compile(r"\s*[,;|]\s*")
NOT_ONLY_PUNCTUATION = re.compile(r"\w")
MAGAZINE_NAME = re.compile(r"\b(?:en-?contact|magazine|revue|numero|edition|hors-serie)\b")
# After a date, a colon and a sentence: an update's news, not a header ("… : la réunion …").
NEWS_AFTER_DATE = re.compile(r"\s:\s\S+(?:\s\S+){5,}")
PUBLISHED_BY = re.compile(r"\s?[,|–-]?\s?(?:par|by)\s(?P<who>.+)$")
SOURCE_END = re.compile(rf"(?:\s?[/|–-]\s?|\s)(?:le\s)?(?:(?:{WEEKDAYS.replace(' ', '|')})\s)?$")
# Where a reprinted text first appeared, said in words: "Interview de X sur RMC, le 5 juillet
# 2012.", "En direct de Suisse : article paru dans le journal « Le Temps » (Genève) Par Y".
SOURCE_CREDIT = re.compile(
    r"^(?P<genre>interview|entretien|emission|chronique|reportage)\s(?:de|d'|du|avec)\s?\S.{0,60}?"
    r"\s(?:sur|dans|a|au)\s\S|\b(?:paru|publie)e?\s(?:dans|sur)\s(?:le |la |l')?(?:journal|"
    r"quotidien|magazine|hebdomadaire|site|blog|revue)\b"
)
SOURCE_CREDIT_WORDS = 20
SOURCE_CREDIT_BY = re.compile(r"\s(?P<byline>[Pp]ar\s[A-ZÀ-ÖØ-Þ][^()«»:]+)$")
# "Avril 2005 – Le 18h.com – L’Expansion": a month, then the newspapers a reprint comes from.
MONTH_SOURCE = re.compile(rf"^(?:{MONTH})\.?\s\d{{4}}\s?[–|/-]\s?\S")
SOURCE_NAMES = re.compile(r"\s?[–|/-]\s")
LABELLED_BY = re.compile(r"^(?:par|by)\s(?P<who>.+?)(?:\s(?:le|on)\b.*|\s?\|.*)?$")
LABEL_WORDS = re.compile(r"\b(?:le|par|by|on|a|at|:)\b|[\W_]")


@dataclass
class Meta:
    published: date | datetime | None = None
    updated: date | datetime | None = None
    unreadable_date: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    tags_follow: bool = False  # "Current post is tagged" with the tags on the next line
    issue_number: int | None = None
    publisher: str | None = None  # "Publié le … par X": the account, an author only if a person
    authors: list = field(default_factory=list)  # "Par A et B, le 3 mars 2020"
    rest: int | None = None  # where text glued after the metadata starts (split off by the parser)
    reprinted: bool = False  # a reprinted article's source line: "LE PROGRÈS / 23.11.2010"

    def describe(self) -> str:
        """What the line says, in a few French words, for `import_corpus --explain`."""
        parts = [
            f"{label} {value}"
            for label, value in (
                ("date", self.published),
                ("mise à jour", self.updated),
                ("rubrique", self.category),
                ("numéro", self.issue_number),
                ("compte", self.publisher),
            )
            if value
        ]
        if self.tags or self.tags_follow:
            parts.append(f"mots-clés {', '.join(self.tags) or 'à la ligne suivante'}")
        if self.unreadable_date:
            parts.append("date illisible")
        return "; ".join(parts) or "ligne d'en-tête"


def split_tags(text: str) -> list[str]:
    tags = (tag.strip(" .#") for tag in TAG_SPLIT.split(text))
    return [tag for tag in tags if NOT_ONLY_PUNCTUATION.search(tag)]


def read_meta(flat: str, folded: str) -> Meta | None:
    """The metadata a whole line carries, or None when the line is not a metadata line."""
    if match := WRITTEN.match(folded):
        meta = Meta(category=_cut(flat, match, "category"))
        _set_date(meta, "published", flat[match.start("date") : match.end("date")])
        return meta
    if match := TAGS.match(folded):
        value = flat[match.start("tags") :].strip(" :")
        return Meta(tags=split_tags(value), tags_follow=not value)
    if match := PERMALINK.match(folded):
        tags = _cut(flat, match, "tags")
        return Meta(category=_cut(flat, match, "category"), tags=split_tags(tags or ""))
    match = CATEGORY.match(folded) or FILED.match(folded)
    if match and find_date(folded) is None:
        return Meta(category=_cut(flat, match, "category"), tags=filed_tags(flat, match))
    if (match := POSTED.match(folded)) and (posted := read_posted(flat, match)):
        return posted
    for field_name, pattern in (("updated", UPDATED), ("published", PUBLISHED)):
        match = pattern.match(folded)
        if match and len(folded.split()) <= 25:
            return dated_meta(field_name, flat, folded, folded[match.end() :])
    if is_only_a_date(folded) or dated_by(folded):
        return dated_meta("published", flat, folded, folded)
    return (
        read_issue(flat, folded)
        or read_source_date(flat, folded)
        or read_source_credit(flat, folded)
    )


def read_posted(flat: str, match: re.Match) -> Meta | None:
    """ "Posted by someone on nov 22, 2010 in Presse | 0 comments", with the first sentence of
    the text often glued after "comments" (split off, see `Meta.rest`). Without a readable
    date it is a sentence ("Posted on the wall of the canteen, …"), not a header."""
    found = find_date(fold(flat[match.start("date") : match.end("date")]))
    if found is None or found.value is None:
        return None
    meta = Meta(category=_cut(flat, match, "category"), publisher=_cut(flat, match, "who"))
    meta.published = found.value
    if flat[match.end() :].strip():
        meta.rest = match.end()
    return meta


def dated_by(folded: str) -> bool:
    """ "Le 9 septembre 2010 par Magazine En-Contact": a date line with its publisher."""
    found = find_date(folded)
    if found is None or folded[: found.start].strip() not in ("", "le"):
        return False
    return PUBLISHED_BY.fullmatch(folded, found.end) is not None and len(folded.split()) <= 12


def read_source_date(flat: str, folded: str) -> Meta | None:
    """The source line of an article reprinted from a newspaper: "LE DAUPHINÉ.FR / Le
    19/11/2010", "L’Éveil le 21.09.2009 / Ardèche": its date is the article's."""
    found = find_date(folded)
    if found is None or found.value is None or len(folded.split()) > 12:
        return None
    source = SOURCE_END.sub("", folded[: found.start]).strip()
    name = flat[: len(source)].split()
    after = folded[found.end :].strip()
    if source in ("", *WEEKDAYS.split()):
        # "mardi 9 octobre 2007 – Les Echos", "3 juin 2004 – L'Express.fr": the date first,
        # then the newspaper
        name, source = flat[found.end :].strip(" /|–-").split(), ""
        if name and not after.startswith(("/", "|", "–", "-")):
            return None  # "3 juin 2004 Paris": a dateline
        after = ""
    if not name or len(name) > 5 or source.endswith(",") or source.startswith(("par ", "by ")):
        return None
    if not newspaper_name(name):
        return None
    if after and (after[0] not in "/|–-" or len(after.split()) > 4):
        return None
    return Meta(published=found.value, reprinted=True)


def read_source_credit(flat: str, folded: str) -> Meta | None:
    """A line saying where a reprinted text first appeared: "Interview de X sur RMC, le 5
    juillet 2012." (its date is the article's, as a newspaper's source line's is), "… article
    paru dans le journal « Le Temps » (Genève) Par Y" (Y signs it), "Avril 2005 – Le 18h.com –
    L’Expansion" (a month only: no date)."""
    if len(folded.split()) > SOURCE_CREDIT_WORDS or folded.rstrip(" .").count(". ") > 0:
        return None
    if MONTH_SOURCE.match(folded):
        names = SOURCE_NAMES.split(flat[MONTH_SOURCE.match(folded).end() - 1 :])
        if all(
            newspaper_name([word for word in name.split() if "." not in word] or ["X"])
            for name in names
        ):
            return Meta(reprinted=True)
        return None
    found = find_date(folded)
    said = SOURCE_CREDIT.search(folded)
    # A named interview or programme counts only with the date that closes its line.
    closing_date = found is not None and not folded[found.end :].strip(" .")
    if said is None or (said["genre"] and not closing_date):
        return None
    meta = Meta(published=found.value if found else None, reprinted=True)
    if (signed := SOURCE_CREDIT_BY.search(flat)) and (
        authors := read_byline(signed["byline"], fold(signed["byline"]))
    ):
        meta.authors = authors
    return meta


def dated_meta(field_name: str, flat: str, folded: str, rest: str) -> Meta | None:
    """A "Publié le …" line: its date, or a warning-worthy unreadable date, or its publisher.

    "Publié par Magazine En-Contact" names the publishing account, never an author. A line of
    keywords alone ("Publié par le") is furniture, not metadata.
    """
    if NEWS_AFTER_DATE.search(rest):
        return None  # "Mise à jour du 4 décembre : la commission a été reportée …" is text
    found = find_date(folded)
    if found is not None and found.value is not None:
        meta = Meta(**{field_name: found.value})
        if by := PUBLISHED_BY.match(folded, found.end):
            meta.publisher = flat[by.start("who") : by.end("who")].strip(" .") or None
        return meta
    words = LABEL_WORDS.sub("", rest).split()
    if not words:
        return Meta()  # "Publié le par": the template's labels without their values
    if (
        found is not None
        or any(char.isdigit() for char in rest)
        or rest.lstrip(" :").startswith("le ")
    ):
        return Meta(unreadable_date=flat)
    by = LABELLED_BY.match(rest.lstrip(" :"))
    if by and len(by["who"].split()) <= 5 and not re.search(r"[,.;]", by["who"]):
        # "Publié par Julien Roussel le | Mis à jour le", not "Publié par la fédération en …"
        start = len(flat) - len(rest.lstrip(" :")) + by.start("who")
        return Meta(publisher=flat[start : start + len(by["who"])].strip(" .") or None)
    return None


def read_issue(flat: str, folded: str) -> Meta | None:
    """An issue line: "Édito n°84 /", "Edito – En-Contact 57", "N° 95 – mai 2016", "Edito du
    magazine #48 : Un titre" (the title after the colon is split off, see `Meta.rest`)."""
    match = ISSUE.match(folded)
    if not match:
        return None
    prefix = (match["prefix"] or "").strip(" -–—|/:")
    if "," in prefix:  # "Lisbonne, quai numéro 4.": a place and its number, not a label
        return None
    words = prefix.split()
    sections = [word for word in words if word in SECTIONS]
    names_magazine = bool(MAGAZINE_NAME.search(folded[: match.start("number")]))
    if len(words) > 3 and not (names_magazine or all(word in SECTIONS for word in words)):
        return None  # a sentence that happens to hold a number, not an issue line
    meta = Meta(issue_number=int(match["number"]))
    rest = match["rest"].strip()
    if NOT_ONLY_PUNCTUATION.search(rest) and not ISSUE_TAIL.match(rest.strip(" .,")):
        if match["sep"] not in (":", "/") or not (sections or names_magazine) or not words:
            return None
        meta.rest = match.start("rest")
    if (
        words
        and flat[:1].isupper()
        and not MAGAZINE_NAME.search(words[0])
        and words[-1] not in LINKING_WORDS  # "Archive du N°53": a phrase, not a section
        and words[0] not in ("archive", "archives")  # "Archive : En-Contact n°61": a label
    ):
        # the section that opens the line: "Édito" of "Édito du magazine #48", "Experts n°95"
        lead = takewhile(SECTIONS.__contains__, words) if sections else words
        meta.category = flat[: len(" ".join(lead))].strip(" -–—|/:") or None
    return meta


def newspaper_name(words: list[str]) -> bool:
    """A newspaper's name: "L’Éveil", "LE JOURNAL DE L’AISNE", "La Montagne"."""
    return 0 < len(words) <= 5 and all(
        len(word) <= 2 or word[:1].isupper() or word in NAME_GLUE for word in words
    )


def filed_tags(flat: str, match: re.Match) -> list[str]:
    """The tags after a "Posted in …" line's category: "| Tagged nuit, planning | 2 Comments"."""
    if "rest" not in match.re.groupindex or match["rest"] is None:
        return []
    tags = []
    for segment in (part.strip() for part in flat[match.start("rest") :].split("|")):
        if tagged := TAGS.match(fold(segment)):
            tags += split_tags(segment[tagged.start("tags") :].strip(" :"))
    return tags


def _cut(flat: str, match: re.Match, group: str) -> str | None:
    if match[group] is None:
        return None
    text = flat[match.start(group) : match.end(group)].strip(" .:") or None
    return text


def section_name(category: str) -> str:
    """The section a post goes in, from the categories its page shows (kept as shown, as an
    editor copies them: "Articles rédigés, Editos du magazine En-Contact"; on the held-out
    rounds 73-80 five testers out of five did). "Non classé, Presse" → "Presse": the blog
    engine's default category goes when the post has a real one (alone, it is what the page
    says). Of several categories, the one that names a section of the magazine is the
    post's ("Articles rédigés, Editos du magazine En-Contact" → "Editos du magazine
    En-Contact")."""
    names = [name.strip() for name in category.split(",")]
    kept = [name for name in names if fold(name) not in DEFAULT_CATEGORIES] or names
    sections = [name for name in kept if SECTIONS.intersection(fold(name).split())]
    return sections[0] if len(kept) > 1 and len(sections) == 1 else ", ".join(kept)


def _set_date(meta: Meta, field_name: str, text: str):
    found = find_date(fold(text))
    if found is None or found.value is None:
        meta.unreadable_date = text
    else:
        setattr(meta, field_name, found.value)
