"""Parse one archive file into articles. Pure Python: no Django, no database.

The steps, in the order they apply (`read_page`):
1. decode the bytes and cut the text into non-blank lines, keeping the blank-line gaps; join
   hard-wrapped lines (`join_wrapped`);
2. remove shortcodes, e-mail placeholders and teaser links, the text of a [caption] becoming a
   caption line (`junk.strip_markup`); strip junk glued to paragraph starts: image names,
   UUIDs, repeated alt text (`junk.strip_glued`); cut lines that carry metadata and text glued
   together in two (`split_glued_metadata`);
3. give each line a role with its reason: metadata, furniture, photo credit, caption, byline,
   handle or text (`classify`, `mark_credited_captions`);
4. choose the title among candidates by score (`choose_title`, `title_features`) and find the
   start of each further post (`starts_a_post`; one article per header on headed pages);
5. for each post, read its metadata, standfirst (`summary_line`), signatures, captions, and keep
   the rest, line by line, as the body's paragraphs (`build_article`).
The parser's doubts become French warnings (they ask for a review); what a page does not say
becomes a note. `explain_bytes` shows every line's role and reason.
"""

import re
from collections.abc import Iterable

from articles.importing import furniture as furniture_rules
from articles.importing import thesaurus as thesaurus_rules
from articles.importing.dates import WEEKDAYS, find_date, is_only_a_date
from articles.importing.junk import strip_glued, strip_markup
from articles.importing.metadata import Meta, read_meta, split_tags
from articles.importing.reading import TEXT, Line, decode, source_lines, to_lines
from articles.importing.records import ParsedArticle, ParsedAuthor, ParsedFile, ParseError
from articles.importing.signatures import (
    is_name,
    is_role,
    name_and_role,
    normalise_name,
    read_byline,
    read_handle,
)
from textkit.folding import fold
from textkit.paragraphs import is_footnote, is_postscript, is_question, unquote

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
LONG_TITLE_WORDS = 30  # a title that long needs more evidence than its shortness
WIDE_GAP = 3  # blank lines (often lines of non-breaking spaces) between two blog posts
HEADER_REACH = 8  # lines after the first paragraph where a template may still put its header
INTERVIEW_QUESTIONS = 3

CREDIT_LINE = re.compile(
    r"^(?:(?:credits?|copyrights?) ?(?:photos?|images?|illustrations?)?|"
    r"(?:photos?|images?|illustrations?|visuels?) ?(?:credits?)?) ?:\s?(?P<who>.+)$"
    r"|^(?:credits? photos?|©|\(c\)) ?:?\s?(?P<bare>.+)$"
)
# A caption that ends with its credit: "Name et Name – © Photographer", "Le quai, Saint-Louis
# – © DR", "Name, © En-Contact", "… / Photo Claire Besson", "Name, role - crédit X (Y)".
CAPTION_CREDIT = re.compile(
    r"^(?P<caption>.+?)(?:\s?,|\s[–—/-])\s?(?:©|\(c\)|photos?\s?:?|credits?(?:\sphotos?)?\s?:?)"
    r"\s?(?P<who>[^©/]{2,60})$"
)
# "… Photos d’archives et de Jules Ferrand.": a line of credits that names the photographer.
CREDIT_SENTENCE = re.compile(
    r"(?:^|\.\s)(?:photos?|illustrations?)\b[^.]{0,40}?\s(?:de|par)\s(?P<who>[^.]{3,40}?)\.?$"
)
CAPTION_LINE = re.compile(r"^(?:legende|caption) ?: ?\S")
INTERVIEW_TITLE = re.compile(r"\b(?:interview|entretien|rencontre avec|questions? a)\b")
INTERVIEWEE = re.compile(
    r"(?:interview|entretien|rencontre)\w*(?:\s+(?:exclusive?|exclusif))?\s+(?:avec\s+|de\s+|d['’])"
    r"(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*)(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|de|du|van|von|le|la)){1,3})",
    re.IGNORECASE,
)
KINDS = (
    (re.compile(r"\b(?:edito|editos|editorial)\b"), "edito"),
    (re.compile(r"\btribunes?\b"), "tribune"),
    (re.compile(r"\bactu(?:alites?|s)?\b"), "actualite"),
    (re.compile(r"\bdossiers?\b"), "dossier"),
)
# "Par JEANNE MARTIN   l Société 12/03/2011": a reprinted newspaper's section, between the
# name and the date, after a separator ("l" is how a "|" often comes out of a scrape).
NEWSPAPER_SECTION = re.compile(
    r"\s(?:l|\||•|·)\s(?P<section>[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s[\w’'-]+){0,2})\s*$"
)
ROLE_AND_INITIALS = re.compile(r"^(?:le |la |l')?(?P<role>[^,]{3,50}),\s?[a-z]{1,3}\.?$")
SIGNERS_SEPARATOR = re.compile(r"\s?,\s|\s(?:et|and|&)\s")
INITIALS = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]\.\s?){2,3}$")
SENTENCE_ENDS = (".", "!", "?", "…", "»", "”", '"', ")")
# Metadata that may carry text glued after it: issue lines ("n°", "#", "En-Contact 57 :").
GLUED_META_HINT = re.compile(r"n°|#|\bno\.?\s?\d|numero|en-?contact\s?\d")
TRAILING_BYLINE = re.compile(r"\s[–—-]\s?(?P<byline>[Pp]ar\s[^–—]+)$")
POST_HEADER = re.compile(
    r"^(?:this (?:article|entry|post) was (?:written|posted)|posted (?:by|on))"
)
HEADER_BELOW_TITLE = re.compile(r"^(?:posted (?:by|on)|publiee? le \d|le \d{1,2} \w+ \d{4} par)")
COMMENTS_END = re.compile(POST_HEADER.pattern + r"|^publiee? le \d")
ISSUE_MENTION = re.compile(
    r"^(?P<section>edito|editorial)\s(?:du\s)?(?:numero|n°)\s?(?P<number>\d{1,4})\b"
)
CREDIT_WORDS = re.compile(r"©|\bcredits? photos?\b|\bphotos? (?:de|d'|:)|\(c\) ")
CAPTIONED_NAME = re.compile(r"^(?P<name>[A-ZÀ-ÖØ-Þ][^,]{2,40}),\s")
AGED = re.compile(r"^(?:\d{1,2}|[a-z-]+) ans\b")  # "Léa, vingt ans, sur un plateau"
# "Sur le plateau d’Orvalis à Cholet. Les campagnes…": a place, then what the photo shows.
PLACE_CAPTION = re.compile(
    r"^(?:Sur|Dans|Au|Aux|Devant|Lors)\s[^.,;:!?]{3,50}\.\s[A-ZÀ-ÖØ-Þ]", re.UNICODE
)
MIN_SUMMARY_WORDS = 8
TIME_STAMP = re.compile(rf"^(?:{'|'.join(WEEKDAYS.split())})\b|^\d{{1,2}}\s?h\s?\d{{0,2}}\b")
EDITORIAL = re.compile(r"\bedito|\beditorial")
SHORT_SUMMARY_REASON = "phrase courte sous le titre"
ADDRESSED = re.compile(r"\b(?:vous|votre|vos)\b")
BYLINE_SUMMARY_REASON = "résumé sous le titre, suivi de la signature"
OUR = re.compile(r"\b(?:nous|notre|nos)\b")  # the author's own voice, not a summary's
# "The green line", "The intricate Matrix": a photo's English title, not a French subheading
ENGLISH = re.compile(r"^(?:the|a|an|my|our|your|this|these)\s|\b(?:of|and|with)\b.*\b(?:the|of)\b")
KICKER = re.compile(r"\s/\s?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’' -]{2,}$")  # "Avant-première … / AURILLAC"
SHORT_QUESTION_END = re.compile(r"(?<=[.!…])\s+[A-ZÀ-ÖØ-Þ][\w’'-]*\s?\?$")  # "… Pourquoi ?"
PERSON_CAPTION = "une personne et ce qu'elle fait, seuls entre deux paragraphes : légende"
SHORTCODE_CAPTION = "texte d'un code [caption] : légende"
SURE_CAPTIONS = {PERSON_CAPTION, SHORTCODE_CAPTION}  # no doubt to report
WEAK_SPLIT = re.compile(r"page sans lignes vides|crédit")
# A picture's file name, a slug or a shortcode the rules did not know, left in a paragraph.
LEFTOVER_CODE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+(?:[A-ZÀ-ÖØ-Þ]|$)|\[/?[a-z_]+[\] ]")
WRAP_WIDTH = 60  # characters: shorter lines ending mid-sentence are verse or lists
MAX_SUMMARY_WORDS = 40
SHORT_SUMMARY_WORDS = 25
# An opening in the author's own voice is the text itself: "je", or an exhortation
# ("regardons…"); the magazine's reporting "nous" is not ("nous avons suivi…").
FIRST_PERSON = re.compile(
    r"\b(?:je|j'|moi|mon|ma|mes)\b"
    r"|\b(?:regardons|voyons|disons|rappelons|notons|avouons|reconnaissons|soyons|commencons"
    r"|parlons|imaginons|prenons|posons|revenons|osons|allons-y)\b"
)
SENTENCE_BREAK = re.compile(r"\w\w[.!?…] +[A-ZÀ-ÖØ-Þ]")  # two sentences: prose, not a heading
SPACE_BEFORE = re.compile(r"\s+([,.)\]])")
SPACE_AFTER = re.compile(r"([(\[])\s+")


def parse_bytes(data: bytes, *, furniture=None, thesaurus=None) -> ParsedFile:
    """Parse an archive file's bytes; raises ParseError only for data that is not text."""
    text, encoding = decode(data)
    parsed = parse_text(text, furniture=furniture, thesaurus=thesaurus)
    parsed.encoding = encoding
    if not encoding.startswith("UTF-8"):
        parsed.warnings.append(f"Fichier en {encoding}, converti en UTF-8.")
    return parsed


def parse_or_error(data: bytes, furniture=None, thesaurus=None) -> ParsedFile | ParseError:
    """`parse_bytes` with its error as a value: for a worker process, whose exceptions travel
    badly."""
    try:
        return parse_bytes(data, furniture=furniture, thesaurus=thesaurus)
    except ParseError as error:
        return error


def parse_text(text: str, *, furniture: Iterable[str] | None = None, thesaurus=None) -> ParsedFile:
    """Parse an archive page's text into its articles (one, several, or none with a reason).

    `furniture` is the list of furniture lines and `thesaurus` the subjects for suggested tags;
    by default both come from fixtures/.
    """
    return read_page(text, furniture=furniture, thesaurus=thesaurus)[0]


def explain_bytes(data: bytes, *, furniture=None, thesaurus=None):
    """Why the parser read a file as it did: each non-blank source line as (line number from
    1, role, reason, text), with the parsed file. Raises ParseError like `parse_bytes`."""
    text, _encoding = decode(data)
    parsed, lines = read_page(text, furniture=furniture, thesaurus=thesaurus)
    explained = [
        (
            line.number + 1,
            ROLE_NAMES.get(line.role, line.role) + (f" [{line.post + 1}]" if line.post else ""),
            (line.reason or "texte")
            + (f" ; « {line.glued} » collé au début, retiré" if line.glued else ""),
            line.flat or line.glued,
        )
        for line in lines
    ]
    return explained, parsed


def read_page(text: str, *, furniture=None, thesaurus=None) -> tuple[ParsedFile, list[Line]]:
    raw = source_lines(text)
    lines = to_lines(raw)
    if not lines:
        return ParsedFile([], warnings=["Fichier vide."]), lines
    keys = (
        furniture_rules.default_keys()
        if furniture is None
        else furniture_rules.furniture_keys(tuple(furniture))
    )
    subjects = thesaurus_rules.default_thesaurus() if thesaurus is None else thesaurus

    lines = join_wrapped(lines)
    lines = strip_markup(lines)
    alt_texts = strip_glued(lines)
    lines = split_glued_metadata(lines)
    classify(lines, keys)
    mark_credited_captions(lines)
    posts = find_posts(lines)
    if not posts:
        return ParsedFile([], warnings=[no_article_reason(lines)]), lines

    articles, warnings = [], []
    for number, (start, title, end) in enumerate(posts):
        first_source_line = 0 if number == 0 else lines[start].number
        last_source_line = lines[end].number if end < len(lines) else len(raw)
        article = build_article(
            lines[start:end], title - start if title is not None else None, len(posts) == 1
        )
        if not article.body:
            warnings.append(f"Article sans texte ignoré : « {article.title} ».")
            continue
        article.raw = "\n".join(raw[first_source_line:last_source_line]).strip("\n")
        article.position = len(articles)
        for line in lines[start:end]:
            line.post = article.position
        article.warnings.extend(
            f"Texte d'image collé au paragraphe retiré : « {alt} »."
            for alt in alt_texts
            if lines[start].number <= _line_of(lines, alt) < last_source_line
        )
        article.suggested_tags = thesaurus_rules.suggest(
            article.title, f"{article.standfirst or ''}\n{article.body}", subjects, article.tags
        )
        articles.append(article)
    if len(articles) > 1:
        warnings.append(f"Page découpée en {len(articles)} articles : vérifier les découpes.")
    if not articles:
        warnings.append(no_article_reason(lines))
    return ParsedFile(articles, warnings=warnings), lines


def _line_of(lines: list[Line], glued: str) -> int:
    return next((line.number for line in lines if line.glued == glued), -1)


def no_article_reason(lines: list[Line]) -> str:
    if all(line.role != TEXT for line in lines):
        return "Aucun article : le fichier ne contient que le décor du site ou des métadonnées."
    return "Aucun article : aucun paragraphe de texte reconnu."


# Roles of lines ---------------------------------------------------------------------------


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
        ):
            previous.replace_text(f"{previous.text} {line.text}")
            previous.gap_after = line.gap_after
            continue
        result.append(line)
    return result


def split_glued_metadata(lines: list[Line]) -> list[Line]:
    """Lines that carry metadata and something else, cut in two, the second part as a line of
    its own: "Edito du magazine #48 : Un titre", "Posted by x on nov 9, 2010 in Presse | 0
    commentsLe premier paragraphe…", "Un titre – par Manuel Jacquinet"."""
    result = []
    for line in lines:
        cut = None
        if line.folded.startswith("posted ") or (
            line.words <= MAX_META_WORDS and GLUED_META_HINT.search(line.folded[:80])
        ):
            meta = read_meta(line.flat[:300], line.folded[:300])
            cut = meta.rest if meta is not None else None
        if not cut and (match := TRAILING_BYLINE.search(line.flat)):
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
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        # comments end at the next post: its header, or its title when the header is below it
        next_post = following is not None and HEADER_BELOW_TITLE.match(following.folded)
        if in_comments and not COMMENTS_END.match(line.folded) and not next_post:
            line.assign(FURNITURE, "commentaires des lecteurs")
            continue
        if in_related and line.words <= MAX_TITLE_WORDS and not line.flat.endswith("."):
            line.assign(FURNITURE, "lien vers un autre article, sous « À lire aussi »")
            continue
        in_related = not above_text and furniture_rules.heads_related_links(line.folded)
        in_comments = line.words <= 12 and furniture_rules.starts_comments(line.folded)
        if in_comments:
            line.assign(FURNITURE, "début des commentaires des lecteurs")
            continue
        if line.words >= 12 and line.flat.endswith(SENTENCE_ENDS[:4]):
            in_text = True  # a sentence of the text: the page's header is behind
        if line.words > MAX_META_WORDS:  # a paragraph of prose: no rule below applies
            waiting_for_tags, above_text, in_text = None, False, True
            line.reason = f"paragraphe ({line.words} mots)"
            continue
        if not line.text:
            line.assign(
                FURNITURE, line.reason or "nom d'image ou texte alternatif seul sur sa ligne"
            )
            continue
        if above_text and furniture_rules.is_tagline(line.folded):
            line.assign(FURNITURE, "slogan du site au-dessus du texte")
            continue
        if waiting_for_tags is not None:
            tags_line, waiting_for_tags = waiting_for_tags, None
            if looks_like_tags(line, lines[index + 1] if index + 1 < len(lines) else None):
                tags_line.tags.extend(split_tags(line.flat))
                line.assign(META, "mots-clés sous « tagged »", Meta())
                continue
        if in_text and is_only_a_date(line.folded):
            line.reason = "date seule au milieu du texte : gardée"
        elif meta := read_meta(line.flat, line.folded):
            line.assign(META, f"métadonnée ({meta.describe()})", meta)
            waiting_for_tags = meta if meta.tags_follow else None
        elif furniture_rules.is_furniture(line.folded, keys):
            line.assign(FURNITURE, "décor du site (liste ou règle)")
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


def mark_credited_captions(lines: list[Line]):
    """A short line just above a photo credit of its own ("Le plateau de Nantes, avant les
    travaux" / "Crédit photo : Anne Roux") is that photo's caption."""
    headed = False  # on a page without an article header, such a line may title a post
    for line, following in zip(lines, lines[1:], strict=False):
        headed = headed or is_header(line)
        if (
            headed
            and line.role == TEXT
            and following.role == CREDIT
            and CREDIT_LINE.match(following.folded)  # a photo's credit, not a credits note
            and line.words <= 20
            and not line.flat.endswith(SENTENCE_ENDS)
        ):
            line.assign(CAPTION, "ligne courte au-dessus d'un crédit photo : sa légende")


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
    if line.words > 15 or line.flat.endswith("."):
        return False
    if "," in line.flat or line.flat[:1].islower():
        return True
    return line.words <= 4 and following is not None and heading_like(following)


def read_credit(line: Line) -> str | None:
    if line.words > 25:
        return None
    match = CREDIT_LINE.match(line.folded)
    if match and line.words <= 15:
        group = "who" if match["who"] is not None else "bare"
    elif match := CAPTION_CREDIT.match(line.folded) or CREDIT_SENTENCE.search(line.folded):
        group = "who"
    else:
        return None
    return line.flat[match.start(group) :].strip(" .") or None


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


# Titles and posts -------------------------------------------------------------------------


def find_posts(lines: list[Line]) -> list[tuple[int, int | None, int]]:
    """(start, title index or None, end) of each post in the file."""
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    first_prose = next((i for i in prose if not title_slot(lines, i)), prose[0] if prose else None)
    if first_prose is None:
        return []
    title = choose_title(lines, first_prose)
    if title is None and long_title(lines, first_prose):
        title = first_prose
        lines[title].reason = "titre long : ligne seule, sans point final, prose en dessous"
        first_prose = next((i for i in range(title + 1, len(lines)) if is_prose(lines[i])), None)
        if first_prose is None:
            return []

    # A page whose article has a dated header ("Publié le …", "This article was written on…")
    # holds one article per header: a heading without its own header is a subheading.
    dated_header = any(is_header(line) for line in lines[: first_prose + HEADER_REACH])
    gaps = sorted(line.gap_before for line in lines[first_prose + 1 :])
    no_blank_lines = bool(gaps) and gaps[len(gaps) // 2] == 0  # paragraphs follow each other
    starts = [(0, title)]
    seen_prose = False
    for index in range(first_prose, len(lines)):
        if seen_prose and (why := starts_a_post(lines, index, no_blank_lines)):
            start = header_start(lines, index, starts[-1][0])
            if dated_header and not any(is_header(line) for line in lines[start : index + 3]):
                lines[index].reason = f"intertitre (pas d'en-tête daté, malgré : {why})"
                continue
            lines[index].reason = f"titre d'un nouvel article : {why}"
            starts.append((start, index))
            seen_prose = False
        elif is_prose(lines[index]):
            seen_prose = True
    ends = [start for start, _ in starts[1:]] + [len(lines)]
    return [(start, title, end) for (start, title), end in zip(starts, ends, strict=True)]


def is_dated(line: Line) -> bool:
    return line.role == META and bool(line.data.published or line.data.updated)


def labels_only(meta: Meta) -> bool:
    """The template's header without its values: "Publié le par", "Publié par X le | Mis à
    jour le"."""
    return not (meta.published or meta.updated or meta.issue_number or meta.category or meta.tags)


def is_header(line: Line) -> bool:
    """An article's header line: its date, or the template's labels without values ("Publié
    par le") that single-article pages carry."""
    return is_dated(line) or (line.role == META and labels_only(line.data))


def header_start(lines: list[Line], title: int, previous: int) -> int:
    """A post's header (its date, category, tags: "This article was written on…") stands
    above its title: the post starts there."""
    start = title
    while start - 1 > previous and lines[start - 1].role in (META, FURNITURE):
        start -= 1
    while start < title and lines[start].role == FURNITURE:
        start += 1
    return start


def title_slot(lines: list[Line], index: int) -> str | None:
    """Where a page's layout puts its title: its first line of text, or the line right after
    the header's metadata ("This article was written on…" / tags / « Merci. »). A line there
    may be longer than a heading, end with a comma or start with a quote and still be the
    title; the reason is returned."""
    line = lines[index]
    if line.role != TEXT or line.glued or line.words > LONG_TITLE_WORDS:
        return None
    # A title may hold sentences ("Tribune. Le coût…", "“… plateau. Puis …”") when the page
    # repeats it or quotes it whole; otherwise two sentences are prose.
    vouched = unquote(line.flat) is not None or any(
        other.folded == line.folded for other in lines if other is not line
    )
    first_line = not any(lines[j].role == TEXT for j in range(index))
    if first_line and line.flat.endswith(("?", "!")) and line.words <= 25:
        vouched = True  # "… au Bénin. Pourquoi ?": a headline that asks, on the first line
    if (SENTENCE_BREAK.search(line.flat) and not vouched) or line.flat.endswith(":"):
        return None
    if line.flat.endswith((".", ",", ";")) and not line.flat.endswith("...") and line.words > 8:
        return None
    above = [other for other in lines[:index] if other.role != FURNITURE]
    if any(other.role == TEXT and other.words > MAX_META_WORDS for other in above):
        return None
    text_above = [j for j in range(index) if lines[j].role == TEXT]
    if not text_above:
        return "première ligne de texte de la page"
    if above[-1].role == META and all(
        banner(lines, j) or lines[j].folded == line.folded for j in text_above
    ):
        return "juste sous les métadonnées d'en-tête"
    return None


def choose_title(lines: list[Line], first_prose: int) -> int | None:
    """The title among the heading-like lines above the first paragraph, by score.

    Each candidate's features add to its score (see `title_features`); the best wins, the
    later one on a tie (the heading closest to the text). The scores and their reasons are
    kept on the lines for `--explain`.
    """
    candidates = [i for i in range(first_prose) if title_like(lines[i]) or title_slot(lines, i)]
    if not candidates:
        return None
    scored = []
    for index in candidates:
        features = title_features(lines, index, candidates)
        score = sum(points for points, _ in features)
        lines[index].reason = f"titre possible, score {score} : " + ", ".join(
            f"{why} ({points:+d})" for points, why in features
        )
        scored.append((score, index))
    scored.sort(reverse=True)
    best = scored[0]
    rivals = [index for score, index in scored[1:] if score >= best[0] - 1]
    if any(lines[index].folded != lines[best[1]].folded for index in rivals):
        lines[best[1]].reason += " ; doute : une autre ligne a presque le même score"
    return best[1]


def title_features(lines: list[Line], index: int, candidates: list[int]) -> list[tuple[int, str]]:
    """Points for and against a title candidate, each with its reason in French."""
    line = lines[index]
    features = []
    if slot := title_slot(lines, index):
        features.append((3 if "sous" in slot else 2, slot))
    if not attached_to_prose(lines, index):
        features.append((2, "détachée du texte"))
    if any(other.folded == line.folded for other in lines if other is not line):
        features.append((3, "répétée sur la page"))
    if index == candidates[-1]:
        features.append((1, "la plus proche du texte"))
    if banner(lines, index):
        features.append((-5, "bandeau du site (mot court en tête, suivi du décor)"))
    if line.flat.startswith(("«", "“", '"')) and not slot:
        features.append((-2, "citation entre guillemets"))
    if (
        len(candidates) > 1
        and index == candidates[-1]
        and first_question(lines, candidates[-2], index)
    ):
        features.append((-4, "première question d'une interview"))
    return features


def banner(lines: list[Line], index: int) -> bool:
    """A site's name at the top of the page ("AMBUSH"), followed by furniture or metadata."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if any(other.role == TEXT for other in lines[:index]) or following is None:
        return False
    if line.words == 1 and line.flat.isupper() and following.role == TEXT:
        return heading_like(following)  # "AMBUSH" above the title
    return (line.words <= 2 and following.role in (FURNITURE, META)) or (
        line.words <= 4 and following.role == FURNITURE and not line.flat.endswith(("?", "!"))
    )


def long_title(lines: list[Line], index: int) -> bool:
    """A long title: a line of its own, not ending like a sentence, with prose under it."""
    line = lines[index]
    return (
        line.standalone
        and title_like(line, LONG_TITLE_WORDS)
        and any(is_prose(following) for following in lines[index + 1 : index + 4])
    )


def first_question(lines: list[Line], title: int, question: int) -> bool:
    """An interview's first question right under its title, not a title ending with "?"."""
    if not is_question(lines[question].flat):
        return False
    more = sum(1 for line in lines[question + 1 :] if line.standalone and is_question(line.flat))
    return bool(INTERVIEW_TITLE.search(lines[title].folded)) or more >= 2


def starts_a_post(lines: list[Line], index: int, no_blank_lines: bool = False) -> str | None:
    """A heading that opens a new post: something besides its shortness must say so (the
    reason is returned)."""
    line = lines[index]
    if not title_like(line, LONG_TITLE_WORDS) or is_postscript(line.flat):
        return None
    following = [i for i in range(index + 1, len(lines)) if lines[i].role != FURNITURE]
    if not line.standalone:  # on a page without blank lines, its header or a blank says so
        if following and is_dated(lines[following[0]]) and line.gap_before == 0:
            return "suivie de son en-tête daté"
        if following and lines[following[0]].role == CREDIT and line.words <= MAX_TITLE_WORDS:
            return "suivie du crédit de sa photo"
        if no_blank_lines and line.gap_before and any(is_prose(lines[i]) for i in following[:2]):
            return "blanc au-dessus, sur une page sans lignes vides entre les paragraphes"
        return None
    if not following or not any(is_prose(lines[i]) for i in following[:4]):
        return None
    after = lines[following[0]]
    before = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].role != FURNITURE), None)
    if after.glued:
        return "nom d'image collé au paragraphe suivant"
    if after.role in (META, BYLINE):
        return "suivie d'une date ou d'une signature"
    if after.folded == line.folded:
        return "répétée juste en dessous"
    if after.role == TEXT and heading_like(after) and attached_to_prose(lines, following[0]):
        return "suivie d'une légende d'image"
    if line.gap_before >= WIDE_GAP:
        return "large blanc au-dessus"
    if no_blank_lines and line.gap_before and (before is None or before.gap_after):
        return "blanc au-dessus, sur une page sans lignes vides entre les paragraphes"
    if before is not None and before.role == CREDIT:
        return "après un crédit photo"
    if before is not None and before.role == META and under_a_dated_header(lines, index):
        return "sous l'en-tête d'un nouvel article (date, rubrique, mots-clés)"
    if before is not None and is_postscript(before.flat):
        return "après un PS"
    return None


def under_a_dated_header(lines: list[Line], index: int) -> bool:
    """The lines right above are a post's header with its date ("This article was written on
    …", "Current post is tagged", …)."""
    above = index - 1
    while above >= 0 and lines[above].role in (META, FURNITURE):
        if is_dated(lines[above]):
            return True
        above -= 1
    return False


def clean_title(text: str) -> str:
    """Stray spaces before punctuation go ("Mignot , le" → "Mignot, le")."""
    return SPACE_AFTER.sub(r"\1", SPACE_BEFORE.sub(r"\1", text)).strip()


# One article ------------------------------------------------------------------------------


def build_article(lines: list[Line], title_index: int | None, alone: bool = True) -> ParsedArticle:
    warnings: list[str] = []
    notes: list[str] = []
    if title_index is None:
        head, rest = [], lines
    else:
        head, rest = lines[:title_index], lines[title_index + 1 :]
    title_line = lines[title_index] if title_index is not None else None
    for index, line in enumerate(head):
        if line.role == TEXT and banner(lines, index):
            line.assign(FURNITURE, "bandeau du site au-dessus du titre")
    dropped = [
        line.flat
        for line in head
        if line.role == TEXT and (title_line is None or line.folded != title_line.folded)
    ]
    if dropped:
        warnings.append(f"Texte retiré au-dessus du titre : « {' / '.join(dropped)} ».")
    for line in head:
        if line.role == TEXT:
            line.assign(DROPPED, f"au-dessus du titre ; {line.reason or 'texte'}")
    if title_line is not None:
        title_line.assign(TITLE, title_line.reason or "titre")

    if title_index is None:
        first = next((line for line in rest if line.role == TEXT), None)
        words = first.flat.split() if first else []
        title = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
        warnings.append("Titre deviné (aucune ligne de titre reconnue) : à vérifier.")
    else:
        title = clean_title(title_line.flat)

    blog = any(line.role == META and POST_HEADER.match(line.folded) for line in lines)
    standfirst = mark_opening(rest, title_line, alone=alone, blog=blog)
    authors = read_signatures(rest)
    mark_captions(rest)
    for line in rest:
        if line.role == CAPTION and line.reason not in SURE_CAPTIONS:
            warnings.append(f"Légende d'image retirée : « {line.flat} ».")
    kept_short = [
        line.flat
        for line in opening(rest)
        if line.role == TEXT and heading_like(line) and not is_question(line.flat)
    ]
    if kept_short:
        warnings.append(
            f"Ligne courte gardée en tête du texte : « {' / '.join(kept_short)} » : "
            "intertitre ou décor ?"
        )

    meta = merge_meta(line for line in lines if line.role == META)
    if (
        meta.issue_number is None
        and standfirst
        and (found := ISSUE_MENTION.match(fold(standfirst)))
    ):
        # "Edito du numéro 131 d'En-Contact, …": the standfirst names the issue
        meta.issue_number = int(found["number"])
        meta.category = meta.category or standfirst[: found.end("section")]
    if not authors and meta.authors:
        authors = meta.authors
    elif not authors and meta.publisher and is_name(meta.publisher):
        authors = [ParsedAuthor(normalise_name(meta.publisher))]
        warnings.append(
            f"Auteur tiré de la ligne de publication (« par {meta.publisher} ») : à vérifier."
        )
    credits = [line.data for line in rest if line.role == CREDIT]
    body_lines = [line for line in rest if line.role == TEXT]
    body = "\n\n".join(line.text for line in body_lines)

    kind = article_kind(title, meta.category, body_lines)
    interviewee = None
    if kind == "interview":
        interviewee = read_interviewee(title)
        if not interviewee:
            notes.append("Interview : la personne interviewée n'est pas nommée, à renseigner.")

    warnings.extend(body_doubts(title_line, rest, body_lines))
    if meta.unreadable_date:
        warnings.append(f"Date non reconnue : « {meta.unreadable_date} ».")
    if not authors:
        notes.append("Aucun auteur indiqué sur la page : à renseigner si on le connaît.")
    if meta.published is None:
        notes.append("Aucune date de publication sur la page : à renseigner.")
    if meta.issue_number is None:
        notes.append("Aucun numéro du magazine indiqué.")

    return ParsedArticle(
        title=title,
        body=body,
        kind=kind,
        authors=authors,
        published=meta.published,
        updated=meta.updated,
        issue_number=meta.issue_number,
        category=meta.category,
        tags=list(dict.fromkeys(meta.tags)),
        standfirst=standfirst,
        photo_credit="; ".join(dict.fromkeys(credits)) or None,
        interviewee=interviewee,
        warnings=warnings,
        notes=notes,
    )


def body_doubts(title: Line | None, rest: list[Line], body: list[Line]) -> list[str]:
    """What an editor should look at: a title chosen by a hair or a post cut on a mere blank,
    a text that ends on a short unfinished line, credits or file names left in the text."""
    doubts = []
    if title is not None and "doute" in title.reason:
        doubts.append("Titre choisi entre deux lignes presque à égalité : à vérifier.")
    if title is not None and WEAK_SPLIT.search(title.reason):
        doubts.append("Article découpé sur un simple blanc ou un crédit : vérifier les découpes.")
    summary = next((line for line in rest if line.role == STANDFIRST), None)
    if summary is not None and summary.reason == BYLINE_SUMMARY_REASON:
        doubts.append("Chapô suivi de la signature : chapô ou premier paragraphe ?")
    last = next((line for line in reversed(body) if not is_note(line)), None)
    if (
        last is not None
        and len(body) > 1
        and last.words <= 6
        and not last.flat.endswith(SENTENCE_ENDS)
    ):
        doubts.append(
            f"Le texte finit sur une ligne courte : « {last.flat} » : intertitre d'une page "
            "coupée, signature ou décor ?"
        )
    for line in body:
        if is_note(line):
            continue
        if line.words <= 25 and CREDIT_WORDS.search(line.folded):
            doubts.append(f"Crédit ou légende resté dans le texte ? « {line.flat} »")
        elif LEFTOVER_CODE.search(line.flat):
            doubts.append(f"Nom de fichier ou code resté dans le texte ? « {line.flat[:80]} »")
    return doubts


def opening(rest: list[Line]) -> list[Line]:
    """The lines between the title and the first paragraph of prose."""
    result = []
    for line in rest:
        if is_prose(line):
            break
        result.append(line)
    return result


def mark_opening(
    rest: list[Line], title: Line | None, *, alone: bool = True, blog: bool = False
) -> str | None:
    """Repeats of the title, captions and the standfirst at the top; returns the standfirst.

    `alone` is False for the posts of a multi-post page (blog archives), which have none;
    `blog` is True under a blog's post header, whose template has no standfirst."""
    standfirst = None
    first_text = True
    for index, line in enumerate(rest):
        if line.role != TEXT:
            continue
        if title is not None and line.folded == title.folded:
            line.assign(REPEAT, "répète le titre")
            continue
        if first_text and (inside := unquote(line.flat)) and len(inside.split()) >= 2:
            line.assign(STANDFIRST, "entre guillemets sous le titre")
            standfirst = inside
        elif first_text and alone and (why := summary_line(rest, index, blog=blog)):
            standfirst = " ".join(part.flat for part in summary_lines(rest, index))
            for part in summary_lines(rest, index):
                part.assign(STANDFIRST, why)
        elif is_prose(line):
            break
        elif first_text and (author := titled_signature(line.flat)):
            line.assign(BYLINE, "nom et fonction sous le titre", [author])
        elif KICKER.search(line.flat) and heading_like(line):
            line.assign(CAPTION, "surtitre de presse (« … / VILLE ») : légende")
        elif (
            heading_like(line)
            and line.gap_before  # without blank lines, every line is "attached"
            and not (index and rest[index - 1].role == META)  # an editorial's first words
            and attached_to_prose(rest, index)
            and not is_question(line.flat)
        ):
            line.assign(CAPTION, "ligne courte collée au-dessus d'un paragraphe : légende")
        first_text = False
    return standfirst


def titled_signature(flat: str) -> ParsedAuthor | None:
    """ "CLAIRE VASSEUR, Directrice de la rédaction" under a title: the author with her title
    (capitalised, as a signature writes it; a caption's "superviseure chez X" is not)."""
    author = name_and_role(flat)
    if author is None or not author.role or not author.role[:1].isupper():
        return None
    return author


def mark_captions(rest: list[Line]):
    """Photo captions left between paragraphs: someone and what they do ("Awa Ndiaye,
    superviseure chez Atlantique Contact", "Karim Benali, pendant le tournage"), a place ("Sur
    le plateau d’Orvalis à Cholet. …"), or a short line that ends a post just above its PS."""
    text = [index for index, line in enumerate(rest) if line.role == TEXT]
    blank_lines = any(rest[index].gap_before for index in text[1:])
    for position, index in enumerate(text[1:-1], start=1):
        line = rest[index]
        if blank_lines and not line.standalone:
            continue
        if why := caption_reason(line, rest[text[position + 1]]):
            line.assign(CAPTION, why)


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
    if line.words <= 30 and PLACE_CAPTION.match(line.flat):
        return "un lieu en quelques mots, seul entre deux paragraphes : légende"
    if heading_like(line) and is_postscript(following.flat) and not is_question(line.flat):
        return "ligne courte entre la fin du texte et le PS : légende"
    if line.words <= 4 and is_name(line.flat):
        return "un nom seul entre deux paragraphes : légende"
    if line.words <= 8 and line.flat.isascii() and ENGLISH.search(line.folded):
        return "titre de photo en anglais dans une page en français : légende"
    return None


def summary_line(rest: list[Line], index: int, *, blog: bool = False) -> str | None:
    """The chapô: a short summary in the third person right under the title, before the text.

    "Près de 1 200 postes restent menacés chez les sous-traitants de Nordtel." is one; an
    opening in the first person, a question (but for a closing one-word "Pourquoi ?"), a line
    after an editorial's issue number or a paragraph glued to an image is the text itself.
    Returns the reason."""
    parts = summary_lines(rest, index)
    text = " ".join(part.flat for part in parts)
    words = len(text.split())
    if words > MAX_SUMMARY_WORDS or len(SENTENCE_BREAK.findall(text)) > 2 or parts[0].glued:
        return None
    # A teaser may end on a one-word question ("… des assureurs français. Pourquoi ?"); any
    # other question is an interviewer's.
    teaser = text
    if SENTENCE_BREAK.search(text) and not ADDRESSED.search(fold(text)):  # "vous": an interviewer
        teaser = SHORT_QUESTION_END.sub(".", text)
    if "?" in teaser or ";" in text or text.startswith(("–", "-", "•", "*")):
        return None
    text = teaser
    if "*" in text:  # a footnote's call: the text itself
        return None
    if words < MIN_SUMMARY_WORDS or find_date(fold(text)[:40]) or TIME_STAMP.match(fold(text)):
        return None  # "Mardi 9 avril, 9h40." opens a report, it sums nothing up
    if FIRST_PERSON.search(fold(text)):
        return None
    before = [line for line in rest[:index] if line.role in (META, TEXT, REPEAT)]
    issues = [line.data for line in before if line.role == META and line.data.issue_number]
    if any(EDITORIAL.search(fold(issue.category or "")) for issue in issues):
        return None  # "Édito n°84 /" then the editorial's first paragraph
    # Under an issue number or a post header below the title ("Posted by …"), only a picture
    # or a button makes a standfirst.
    weak_rules = not issues and not any(
        line.role == META and POST_HEADER.match(line.folded) for line in before
    )
    before_meta = any(line.role == META for line in before)
    following = [line for line in rest[index + len(parts) :] if line.role != FURNITURE]
    text_after = [
        line
        for line in following
        if is_prose(line) and not is_note(line) and line.words >= MIN_SUMMARY_WORDS
    ]
    if sum(line.words for line in text_after) < 2 * words:
        return None  # a summary announces a text longer than itself
    after = following[0]
    next_line = rest[index + len(parts)] if index + len(parts) < len(rest) else None
    if next_line is not None and next_line.role == FURNITURE and 1 <= next_line.words <= 5:
        return "résumé au-dessus des boutons de la page"
    if before and before[-1].role == META and labels_only(before[-1].data):
        return "résumé sous l'en-tête du site (« Publié le par »)"
    pictured = after.role in (CAPTION, CREDIT)
    if pictured or after.glued:
        return "résumé sous le titre, suivi d'une photo"
    if (
        after.role in (BYLINE, HANDLE)
        and words <= SHORT_SUMMARY_WORDS
        and not OUR.search(fold(text))
    ):
        return BYLINE_SUMMARY_REASON
    if is_question(after.flat) and weak_rules:
        return "résumé sous le titre d'une interview"
    if text.startswith(("…", "...")):
        return "suite du titre"
    if not text.endswith((".", "…", "!", "»", "”")) or not weak_rules:
        return None
    glued_below = parts[-1].gap_after == 0 and after.gap_before == 0 and after.role == TEXT
    if glued_below and not before_meta and not blog:  # a blog post's template has no chapô
        return "résumé collé au texte, sur une ligne à part, juste sous le titre"
    if sum(line.words for line in text_after[:3]) <= words * min(3, len(text_after)):
        return None  # a summary announces longer paragraphs
    if words <= SHORT_SUMMARY_WORDS:
        return SHORT_SUMMARY_REASON
    return None


def is_note(line: Line) -> bool:
    return is_footnote(line.text) or is_postscript(line.text)


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
    ):
        parts.append(nxt)
    return parts


def read_signatures(rest: list[Line]) -> list[ParsedAuthor]:
    """Authors from bylines anywhere, else a signature at the end (or just under the title)."""
    authors: list[ParsedAuthor] = []
    for index, line in enumerate(rest):
        if line.role == BYLINE:
            for author in line.data:
                authors.append(complete_author(author, rest, index))
    if not authors:
        authors = tail_signature(rest) or head_signature(rest)
    handles = [line for line in rest if line.role == HANDLE]
    if len(authors) == 1 and handles and authors[0].handle is None:
        authors[0] = ParsedAuthor(authors[0].name, authors[0].role, handles[0].data)
    for line in handles:
        if authors:
            line.assign(SIGNATURE, "identifiant de l'auteur")
        else:
            line.assign(TEXT, "identifiant sans auteur : gardé dans le texte")
    return list(dict.fromkeys(authors))


def complete_author(author: ParsedAuthor, lines: list[Line], index: int) -> ParsedAuthor:
    """A role or a handle on the lines right under a signature belongs to it."""
    role, handle = author.role, author.handle
    for line in lines[index + 1 : index + 3]:
        if line.gap_before > 1:
            break
        if line.role == HANDLE and handle is None:
            handle = line.data
            line.assign(SIGNATURE, "identifiant sous la signature")
        elif line.role == TEXT and role is None and is_role(line.folded):
            role = line.flat
            line.assign(SIGNATURE, "fonction sous la signature")
        else:
            break
    return ParsedAuthor(author.name, role, handle)


def tail_signature(rest: list[Line]) -> list[ParsedAuthor]:
    """Signatures as the last lines: "Manuel JACQUINET" + "Directeur de la rédaction", a name
    with its handle, an author box (name / role / @handle), "Claire Martin et Paul DURAND" (+
    their role), initials ("M. R."), a bare name, or a role with initials ("Le rédacteur en
    chef, mj.", which names nobody); several may follow one another."""
    tail = [line for line in rest if line.role in (TEXT, HANDLE) and not is_note(line)]
    authors: list[ParsedAuthor] = []
    index = len(tail) - 1
    signed_role = ROLE_AND_INITIALS.match(tail[index].folded) if index >= 1 else None
    if signed_role and is_role(signed_role["role"]):  # "Le rédacteur en chef, mj.": no name
        tail[index].assign(SIGNATURE, "fonction et initiales en fin de texte")
        index -= 1
    while index >= 1:  # a signature never is the whole text
        last, before = tail[index], tail[index - 1]
        if index >= 3 and (author := signature_block(tail[index - 2 : index + 1])):
            authors.append(author)  # "Name" / "Fondatrice du cabinet X" / "@handle"
            index -= 3
            continue
        names = signers(before.flat) if before.role == TEXT and before.gap_after <= 1 else []
        if len(names) == 1 and last.role == HANDLE:
            authors.append(ParsedAuthor(names[0], None, last.data))
        elif names and last.role == TEXT and index >= 2 and signers_role(last, len(names)):
            authors.extend(ParsedAuthor(name, last.flat) for name in reversed(names))
        elif last.role == TEXT and (
            last.gap_before > 0
            or authors
            or is_name(before.flat)
            or is_role(before.folded)
            or (is_prose(before) and before.flat.endswith(SENTENCE_ENDS))
        ):
            found = signed(last.flat, initials=index == len(tail) - 1)
            if not found:
                break
            authors.extend(reversed(found))
            last.assign(SIGNATURE, "signature en fin de texte")
            index -= 1
            continue
        else:
            break
        before.assign(SIGNATURE, "signature en fin de texte")
        last.assign(SIGNATURE, "fonction ou identifiant sous la signature")
        index -= 2
    return authors[::-1]


def signature_block(block: list[Line]) -> ParsedAuthor | None:
    """An author box of three lines: a name, a role, a handle."""
    name, role, handle = block
    if handle.role != HANDLE or name.role != TEXT or role.role != TEXT:
        return None
    if not is_name(name.flat) or not signers_role(role, 2) or name.gap_after > 1:
        return None
    for line, why in ((name, "nom"), (role, "fonction"), (handle, "identifiant")):
        line.assign(SIGNATURE, f"{why} de l'encadré de l'auteur en fin de texte")
    return ParsedAuthor(normalise_name(name.flat), role.flat, handle.data)


def signers_role(line: Line, signers_count: int) -> bool:
    """The line under a signature is its role: a known title, or, under two names or more
    (which only a signature puts on a line), any short line that is not a sentence."""
    if is_role(line.folded):
        return True
    return signers_count > 1 and line.words <= 8 and not line.flat.endswith(SENTENCE_ENDS)


def signers(text: str) -> list[str]:
    """ "Claire Martin et Paul DURAND" → both names, normalised; [] if any part is no name."""
    parts = [part for part in SIGNERS_SEPARATOR.split(text.strip(" –—-")) if part]
    if not parts or len(parts) > 4 or not all(is_name(part) for part in parts):
        return []
    return [normalise_name(part) for part in parts]


def signed(text: str, *, initials: bool) -> list[ParsedAuthor]:
    """The authors a closing line names: one name with its role, several names, or (as the
    very last line) a journalist's initials."""
    if author := name_and_role(text):
        return [author]
    if names := signers(text):
        return [ParsedAuthor(name) for name in names]
    if initials and INITIALS.match(text):
        return [ParsedAuthor(text.strip())]
    return []


def head_signature(rest: list[Line]) -> list[ParsedAuthor]:
    """A name with a role or handle line just under the title."""
    top = [line for line in opening(rest) if line.role in (TEXT, HANDLE)][:3]
    for line, following in zip(top, top[1:], strict=False):
        if line.role == TEXT and is_name(line.flat) and line.gap_after == 0:
            if following.role == HANDLE:
                line.assign(SIGNATURE, "nom sous le titre")
                following.assign(SIGNATURE, "identifiant sous le nom")
                return [ParsedAuthor(normalise_name(line.flat), None, following.data)]
            if following.role == TEXT and is_role(following.folded):
                line.assign(SIGNATURE, "nom sous le titre")
                following.assign(SIGNATURE, "fonction sous le nom")
                return [ParsedAuthor(normalise_name(line.flat), following.flat)]
    return []


def read_interviewee(title: str) -> str | None:
    """ "Interview exclusive d'Emmanuel Mignot, …", "Entretien avec X", or "X : « … »"."""
    if found := INTERVIEWEE.search(title):
        return normalise_name(trim_name(found["name"])) or None
    lead = re.split(r"\s?[:,–—]\s", title, maxsplit=1)[0]
    return normalise_name(lead) if is_name(lead) else None


def trim_name(name: str) -> str:
    """An interviewee's name from a title: its capitalised words, not the rest of the title."""
    words = name.split()
    while words and not words[-1][:1].isupper():
        words.pop()
    return " ".join(words)


def merge_meta(lines: Iterable[Line]) -> Meta:
    merged = Meta()
    for line in lines:
        meta: Meta = line.data
        merged.published = merged.published or meta.published
        merged.updated = merged.updated or meta.updated
        merged.category = merged.category or meta.category
        merged.issue_number = merged.issue_number or meta.issue_number
        merged.publisher = merged.publisher or meta.publisher
        merged.tags.extend(meta.tags)
        merged.authors.extend(meta.authors)
        if meta.unreadable_date and not merged.unreadable_date:
            merged.unreadable_date = meta.unreadable_date
    if merged.published is None:  # "Mis à jour le …" is the only date the page shows
        merged.published = merged.updated
    return merged


def article_kind(title: str, category: str | None, body: list[Line]) -> str:
    folded_title, folded_category = fold(title), fold(category or "")
    if INTERVIEW_TITLE.search(folded_title) or INTERVIEW_TITLE.search(folded_category):
        return "interview"
    questions = sum(
        1
        for index, line in enumerate(body[:-1])
        if line.standalone and is_question(line.flat) and is_prose(body[index + 1])
    )
    if questions >= INTERVIEW_QUESTIONS:
        return "interview"
    for pattern, kind in KINDS:
        if pattern.search(folded_category) or pattern.search(folded_title):
            return kind
    return "article"
