"""Roles of lines: each non-blank line of a page gets one, with its reason.

The line-level rules of the parser (see articles.importing.parser for the pipeline): hard-wrapped
lines joined, metadata glued to text cut off, and `classify`, which gives every line its role —
metadata, furniture, photo credit, caption, byline, handle or text — by the first rule that holds.
"""

import re

from articles.importing import furniture as furniture_rules
from articles.importing.credits import read_credit
from articles.importing.dates import find_date, is_only_a_date
from articles.importing.metadata import MAGAZINE_NAME, Meta, read_meta, split_tags
from articles.importing.reading import TEXT, Line
from articles.importing.signatures import (
    read_byline,
    read_handle,
)
from textkit.folding import fold

FURNITURE = "furniture"

META = "meta"

CREDIT = "credit"

CAPTION = "caption"

BYLINE = "byline"

HANDLE = "handle"

SIGNATURE = "signature"

REPEAT = "repeat"

STANDFIRST = "standfirst"

TITLE = "title"

DROPPED = "dropped"

ROLE_NAMES = {
    TEXT: "texte",
    TITLE: "titre",
    FURNITURE: "décor",
    META: "métadonnée",
    CREDIT: "crédit",
    CAPTION: "légende",
    BYLINE: "signature",
    HANDLE: "identifiant",
    SIGNATURE: "signature",
    REPEAT: "titre répété",
    STANDFIRST: "chapô",
    DROPPED: "retiré",
}

MAX_TITLE_WORDS = 16

MAX_TITLE_CHARS = 180

MAX_META_WORDS = 40
TAG_WORDS = 5  # the longest tag of a list: "Opération 118 318 sévices clients"

LONG_TITLE_WORDS = 30  # a title that long needs more evidence than its shortness

CAPTION_LINE = re.compile(r"^(?:legende|caption) ?: ?\S")

# "Légendes photos :" under a text: the lines below it, to the page's end, caption its photos.
CAPTIONS_HEADING = re.compile(r"^(?:legendes?|captions?)(?: des)? (?:photos?|images?)\s?:?$")

# "Par JEANNE MARTIN   l Société 12/03/2011": a reprinted newspaper's section, between the
# name and the date, after a separator ("l" is how a "|" often comes out of a scrape).
NEWSPAPER_SECTION = re.compile(
    r"\s(?:l|\||•|·)\s(?P<section>[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s[\w’'-]+){0,2})\s*$"
)

# "#Citizen Kane//": the series a piece belongs to, above its text
SERIES_TAG = re.compile(r"^#\s?(?P<name>[^#/\s][^#/]{1,40}?)\s?//$")

SENTENCE_ENDS = (".", "!", "?", "…", "»", "”", '"', ")")

# Metadata that may carry text glued after it: issue lines ("n°", "#", "En-Contact 57 :").
ISSUE_LEAD = re.compile(r"^edito\s(?:du magazine\s)?(?:n°|#)\s?\d{1,3}\s?[/:]\s?\S")
GLUED_META_HINT = re.compile(r"n°|#|\bno\.?\s?\d|numero|en-?contact\s?\d")

# "Texte : Claire Vasseur – Photos : Marc Roy": the author's byline, then the photographer's.
TEXT_THEN_PHOTOS = re.compile(r"^textes?\s?:\s?\S[^–—|/]{2,60}?\s[–—|/-]\s(?=photos?\b)")

TRAILING_BYLINE = re.compile(r"(?:\s[–—-]|(?<=[?!])\s)\s?(?P<byline>[Pp]ar\s[^–—?!]+)$")

POST_HEADER = re.compile(
    r"^(?:this (?:article|entry|post) was (?:written|posted)|posted (?:by|on))"
)

HEADER_BELOW_TITLE = re.compile(r"^(?:posted (?:by|on)|publiee? le \d|le \d{1,2} \w+ \d{4} par)")

COMMENTS_END = re.compile(POST_HEADER.pattern + r"|^publiee? le \d")

SHORTCODE_CAPTION = "texte d'un code [caption] : légende"

WRAP_WIDTH = 60  # characters: shorter lines ending mid-sentence are verse or lists

SENTENCE_BREAK = re.compile(r"\w\w[.!?…] +[A-ZÀ-ÖØ-Þ]")  # two sentences: prose, not a heading
QUOTE_BREAK = re.compile(r"\w[»”\"]\s?[.!?]\s+[A-ZÀ-ÖØ-Þ«“\"]")  # "“Parfaits”. Le rôle…"


def under_a_paragraph(meta: Meta, lines: list[Line], index: int) -> bool:
    """A number alone right under a paragraph: "Le magazine En-Contact n°127" captions the
    issue's cover, "Règle n°1" is a subheading; neither numbers the page."""
    above = next((line for line in reversed(lines[:index]) if line.role != FURNITURE), None)
    return (
        bool(meta.issue_number)
        and not (meta.published or meta.updated or meta.rest)
        and above is not None
        and above.role == TEXT
        and above.words > MAX_META_WORDS
    )


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Text hard-wrapped at a fixed width: a long line that stops mid-sentence and a next line
    that goes on in lower case are one line ("… dans des villes" / "moyennes, attirés …")."""
    result: list[Line] = []
    for line in lines:
        previous = result[-1] if result else None
        if (
            previous is not None
            and previous.gap_after == 0
            and len(previous.flat) >= WRAP_WIDTH
            and not previous.flat.endswith(SENTENCE_ENDS + (":", ";", ","))
            and line.flat[:1].islower()
            and not ("_" in line.flat and " " not in line.flat)  # a picture's file name
        ):
            previous.replace_text(f"{previous.text} {line.text}")
            previous.gap_after = line.gap_after
            continue
        result.append(line)
    return result


def split_glued_metadata(lines: list[Line]) -> list[Line]:
    """Lines that carry metadata and something else, cut in two, the second part as a line of
    its own: "Edito du magazine #48 : Un titre", "Posted by x on nov 9, 2010 in Presse | 0
    commentsLe premier paragraphe…", "Un titre – par Manuel Jacquinet", "Texte : X – Photos : Y"."""
    result = []
    for line in lines:
        cut = None
        if (
            line.folded.startswith("posted ")
            or (line.words <= MAX_META_WORDS and GLUED_META_HINT.search(line.folded[:80]))
            or ISSUE_LEAD.match(line.folded)  # "Édito N°111 / Séverine Aubry …": a teaser
        ):
            meta = read_meta(line.flat[:300], line.folded[:300])
            cut = meta.rest if meta is not None else None
        if not cut and (match := TEXT_THEN_PHOTOS.match(line.folded)):
            cut = match.end()
        if not cut and "ar " in line.flat and (match := TRAILING_BYLINE.search(line.flat)):
            cut = (
                match.start("byline")
                if read_byline(match["byline"], fold(match["byline"]))
                else None
            )
        if cut is None:
            result.append(line)
            continue
        head, tail = line.flat[:cut].rstrip(" –—-"), line.flat[cut:].strip()
        line.replace_text(head)
        second = Line(tail, line.number, 0, line.gap_after)
        line.gap_after = 0
        result += [line, second]
    return result


def classify(lines: list[Line], keys: frozenset[str]):
    """Give every line its role; lines left as TEXT are titles or body."""
    waiting_for_tags: Meta | None = None
    above_text = True  # a site's tagline can only stand above everything else
    in_comments = False  # readers' comments run from their heading to the next post
    in_related = False  # titles listed under « À lire aussi » are links, not text
    in_text = False  # a bare date once paragraphs have begun is the text's own ("7 mai 2020")
    after_paragraph = False  # a series' tag under a paragraph is a subheading
    titled_headers = False  # the blog's headers ("This article was written…") follow titles
    in_legends = False  # under « Légendes photos : », short lines caption the photos
    for index, line in enumerate(lines):
        heading = not above_text and bool(CAPTIONS_HEADING.match(line.folded.strip(" .")))
        bulleted = line.flat.startswith(("•", "–", "-", "*")) and line.words <= MAX_META_WORDS
        in_legends = heading or (in_legends and (line.words <= MAX_TITLE_WORDS + 10 or bulleted))
        if in_legends:
            line.assign(FURNITURE, "légende, sous « Légendes photos »")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if index and not in_text and POST_HEADER.match(line.folded):
            titled_headers = lines[index - 1].role == TEXT and heading_like(lines[index - 1])
        # comments end at the next post: its header, or its title when the header is below it
        next_post = following is not None and bool(
            HEADER_BELOW_TITLE.match(following.folded)
            or (titled_headers and POST_HEADER.match(following.folded))
        )
        if in_comments and not COMMENTS_END.match(line.folded) and not next_post:
            line.assign(FURNITURE, "commentaires des lecteurs")
            continue
        under_text = not above_text and line.words <= 20
        comments_start = (
            (line.words <= 12 or furniture_rules.quotes_its_post(line.folded))
            and furniture_rules.starts_comments(
                line.folded,
                counted=under_text and following is not None and following.words <= 4,
            )
        ) or (under_text and furniture_rules.is_comment_form(line.folded))
        if (
            in_related
            and not comments_start
            and line.words <= MAX_TITLE_WORDS
            and not line.flat.endswith((".", ","))  # a link's title, not a wrapped sentence
            and not (line.flat[:1].islower() and line.words > 4)  # "novembre 2010" is a link
        ):
            line.assign(FURNITURE, "lien vers un autre article, sous « À lire aussi »")
            continue
        in_related = not above_text and furniture_rules.heads_related_links(line.folded)
        if in_related:
            line.assign(FURNITURE, "titre d'une liste de liens (« À lire aussi », « Archives »)")
            continue
        in_comments = comments_start
        if in_comments:
            line.assign(FURNITURE, "début des commentaires des lecteurs")
            continue
        if (
            line.words >= 12
            and line.flat.endswith(SENTENCE_ENDS[:4])
            and not (above_text and furniture_rules.is_tagline(line.folded))
        ):
            in_text = True  # a sentence of the text: the page's header is behind
        if line.words > MAX_META_WORDS:  # a paragraph of prose: no rule below applies
            waiting_for_tags, above_text, in_text = None, False, True
            after_paragraph = True
            line.reason = f"paragraphe ({line.words} mots)"
            continue
        if not line.text:
            line.assign(
                FURNITURE, line.reason or "nom d'image ou texte alternatif seul sur sa ligne"
            )
            continue
        # a site's tagline tops a page, or the next post's page saved below the first one
        if furniture_rules.is_tagline(line.folded) and (
            above_text or opens_a_post(lines[index + 1 : index + 3])
        ):
            line.assign(FURNITURE, "slogan du site au-dessus du texte")
            continue
        if waiting_for_tags is not None:
            tags_line, waiting_for_tags = waiting_for_tags, None
            if looks_like_tags(line, lines[index + 1] if index + 1 < len(lines) else None):
                tags_line.tags.extend(split_tags(line.flat))
                line.assign(META, "mots-clés sous « tagged »", Meta())
                continue
        if in_text and is_only_a_date(line.folded) and not dates_head_posts(lines, index):
            line.reason = "date seule au milieu du texte : gardée"
        elif (rubric := SERIES_TAG.match(line.flat)) and not after_paragraph:
            meta = Meta(category=rubric["name"])
            line.assign(META, f"rubrique d'une série (« {rubric['name']} »)", meta)
        elif (meta := read_meta(line.flat, line.folded)) and under_a_paragraph(meta, lines, index):
            if MAGAZINE_NAME.search(line.folded):
                line.assign(CAPTION, "numéro seul au milieu du texte : légende de sa couverture")
            else:
                line.reason = "numéro sous un paragraphe : intertitre, gardé"
        elif meta:
            line.assign(META, f"métadonnée ({meta.describe()})", meta)
            waiting_for_tags = meta if meta.tags_follow else None
        elif furniture_rules.is_furniture(line.folded, keys):
            line.assign(FURNITURE, "décor du site (liste ou règle)")
        elif furniture_rules.is_glued_furniture(line.flat, keys):
            line.assign(FURNITURE, "lignes du décor collées l'une à l'autre")
        elif credit := read_credit(line):
            line.assign(CREDIT, "crédit photo", credit)
        elif line.captioned:
            line.assign(CAPTION, SHORTCODE_CAPTION)
        elif CAPTION_LINE.match(line.folded):
            line.assign(CAPTION, "ligne « Légende : »")
        elif authors := read_byline(line.flat, line.folded):
            line.assign(BYLINE, "signature « par … »", authors)
        elif dated_byline := read_dated_byline(line):
            line.assign(META, "signature datée", dated_byline)
        elif handle := read_handle(line.flat):
            line.assign(HANDLE, "identifiant @", handle)
        above_text = above_text and line.role != TEXT


def dates_head_posts(lines: list[Line], index: int) -> bool:
    """A date alone on its line heads a post, as the page's first line did ("14 mars 2013" /
    title / text on a blog's archive page): a title follows it, set apart."""
    first = next((line for line in lines[:index] if line.role != FURNITURE), None)
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        first is not None
        and first.role == META
        and is_only_a_date(first.folded)
        and lines[index].standalone
        and following is not None
        and following.standalone
        and heading_like(following)
    )


def opens_a_post(lines: list[Line]) -> bool:
    """A title, then its dated header ("Publié le …"): the top of a post's page."""
    if len(lines) < 2 or not heading_like(lines[0]):
        return False
    meta = read_meta(lines[1].flat, lines[1].folded)
    return meta is not None and meta.published is not None


def read_dated_byline(line: Line) -> Meta | None:
    """ "Par Anne Martin, le 3 mars 2020" / "Par Anne Martin | 3 mars 2020": authors and date;
    a newspaper's "Par JEANNE MARTIN   l Société 12/03/2011 à 00h00" also gives its section."""
    found = find_date(line.folded) if line.words <= 20 else None
    if found is None or found.value is None or line.folded[found.end :].strip(" ."):
        return None
    category = None
    if section := NEWSPAPER_SECTION.search(line.flat[: found.start]):
        category = section["section"]
        flat = line.flat[: section.start()] + " " * (found.start - section.start())
        flat += line.flat[found.start :]
        folded = fold(flat)
        found = find_date(folded)
    else:
        flat, folded = line.flat, line.folded
    authors = read_byline(flat, folded, dated=found)
    if not authors:
        return None
    return Meta(published=found.value, authors=authors, category=category)


def looks_like_tags(line: Line, following: Line | None) -> bool:
    """The line after "Current post is tagged": a short list, not the next title.

    A single tag ("CRM") is told from a title by what follows: a title comes next.
    """
    if line.words > 15 or line.flat.endswith((".", "…", "?", "!")):
        return False  # "Faire un film sur les call centers, quelle drôle d'idée…": a title
    if "," in line.flat:  # tags are a few words each: "centres d'appels, film, Booder"
        return max(len(tag.split()) for tag in line.flat.split(",")) <= TAG_WORDS
    if line.flat[:1].islower():
        return True
    return line.words <= 4 and following is not None and heading_like(following)


def heading_like(line: Line, longest: int = MAX_TITLE_WORDS) -> bool:
    """Short enough for a heading and not ending like a sentence ("?", "!" and "…" may)."""
    flat = line.flat
    if not 1 <= line.words <= longest or len(flat) > longest * MAX_TITLE_CHARS // 16:
        return False
    if flat.count(",") > 2 + (longest > MAX_TITLE_WORDS) or SENTENCE_BREAK.search(flat):
        return False
    return not flat.endswith((".", ",", ";", ":")) or flat.endswith(("...", "…"))


def is_prose(line: Line) -> bool:
    return line.role == TEXT and not heading_like(line)


def title_like(line: Line, longest: int = MAX_TITLE_WORDS) -> bool:
    if line.role != TEXT or line.glued or not heading_like(line, longest):
        return False  # junk glued to a line marks a paragraph under an image, not a title
    if line.flat.startswith(("«", "“", '"')):
        return False
    first = next((char for char in line.flat if char.isalnum()), "")
    return first.isupper() or first.isdigit()


def attached_to_prose(lines: list[Line], index: int) -> bool:
    """A short line glued above a paragraph, like an image caption."""
    return lines[index].gap_after == 0 and index + 1 < len(lines) and is_prose(lines[index + 1])


def is_dated(line: Line) -> bool:
    return line.role == META and bool(line.data.published or line.data.updated)


def labels_only(meta: Meta) -> bool:
    """The template's header without its values: "Publié le par", "Publié par X le | Mis à
    jour le"."""
    return not (
        meta.published
        or meta.updated
        or meta.issue_number
        or meta.category
        or meta.tags
        or meta.reprinted  # a newspaper's name alone, under its date
    )


def is_header(line: Line) -> bool:
    """An article's header line: its date, or the template's labels without values ("Publié
    par le") that single-article pages carry."""
    return is_dated(line) or (line.role == META and labels_only(line.data))


def several_sentences(text: str) -> bool:
    """Two sentences or more, a closing quotation's full stop counted."""
    return bool(SENTENCE_BREAK.search(text) or QUOTE_BREAK.search(text))
