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
from articles.importing.captions import (
    SURE_CAPTIONS,
    mark_captions,
    mark_credited_captions,
    mark_early_captions,
)
from articles.importing.doubts import body_doubts, field_notes
from articles.importing.editorials import issue_titles
from articles.importing.endings import mark_endings
from articles.importing.junk import split_glued_headline, strip_glued, strip_markup
from articles.importing.lines import (
    CAPTION,
    CREDIT,
    DROPPED,
    FURNITURE,
    META,
    POST_HEADER,
    ROLE_NAMES,
    TITLE,
    classify,
    heading_like,
    is_prose,
    join_wrapped,
    split_glued_metadata,
)
from articles.importing.metadata import Meta
from articles.importing.opening import QUOTED_TITLE_BYLINE, mark_opening, opening
from articles.importing.posts import (
    INTERVIEW_QUESTIONS,
    INTERVIEW_TITLE,
    banner,
    clean_title,
    find_posts,
)
from articles.importing.reading import TEXT, Line, decode, source_lines, to_lines
from articles.importing.records import ParsedArticle, ParsedAuthor, ParsedFile, ParseError
from articles.importing.signatures import (
    is_name,
    normalise_name,
)
from articles.importing.signing import read_signatures, title_credit
from textkit.folding import fold
from textkit.paragraphs import is_question

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

ISSUE_MENTION = re.compile(
    r"^(?P<section>edito|editorial)\s(?:du\s)?(?:numero|n°)\s?(?P<number>\d{1,4})\b"
)
# "En-Contact n°61 > indiscrétions", "Edito n°19 – Le prix du silence", "En-Contact 41 : …": a
# title that opens on the magazine's issue.
TITLE_ISSUE = re.compile(
    r"^(?:en-?contact|edito|editorial)(?: du magazine)?\s?"
    r"(?:(?:n°|no\.?|#)\s?(?P<number>\d{1,4})\b|(?P<bare>\d{1,3})\s?[:–—-]\s)"
    r"|^edito\s?[–—-]?\s?en-?contact\s?(?:n°\s?)?(?P<label>\d{1,4})$"  # "Edito En-Contact 43"
)


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
    lines = split_glued_headline(split_glued_metadata(lines))
    classify(lines, keys)
    mark_endings(lines)
    issue_titles(lines)
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
        article.notes.extend(  # an alt text repeated glued to the next line: a sure reading
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


def build_article(lines: list[Line], title_index: int | None, alone: bool = True) -> ParsedArticle:
    warnings: list[str] = []
    notes: list[str] = []
    if title_index is None:
        head, rest = [], lines
    else:
        head, rest = lines[:title_index], lines[title_index + 1 :]
    title_line = lines[title_index] if title_index is not None else None
    label = None  # "Brèves", "International" over the title: the section it is filed in
    for index, line in enumerate(head):
        if line.role == TEXT and banner(lines, index):
            line.assign(FURNITURE, "bandeau du site au-dessus du titre")
            label = line.flat if line.words == 1 and not line.flat.isupper() else label
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
    repeated = title_line is not None and any(
        line.folded == title_line.folded for line in lines if line is not title_line
    )
    mark_early_captions(rest)
    standfirst = mark_opening(rest, title_line, alone=alone, blog=blog, repeated=repeated)
    authors = read_signatures(rest)
    mark_captions(rest)
    for line in rest:
        if line.role == CAPTION and line.reason not in SURE_CAPTIONS:
            notes.append(f"Légende d'image retirée : « {line.flat} ».")
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
    meta.category = meta.category or label
    opening_words = standfirst or next((line.flat for line in rest if line.role == TEXT), "")
    if meta.issue_number is None and (found := ISSUE_MENTION.match(fold(opening_words))):
        # "Edito du numéro 131 d'En-Contact, …": the standfirst or the first paragraph names
        # the issue
        meta.issue_number = int(found["number"])
        meta.category = meta.category or opening_words[: found.end("section")]
    if meta.issue_number is None and (found := TITLE_ISSUE.match(fold(title))):
        meta.issue_number = int(found["number"] or found["bare"] or found["label"])
    if not authors and meta.authors:
        authors = meta.authors
    elif not authors and (credited := title_credit(title)):
        authors = credited
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
    # "Sophie Ramsamy, Directrice de site…" under a quoted title, above questions and answers:
    # the person who answers, not the author
    named = next((line for line in rest if line.reason == QUOTED_TITLE_BYLINE), None)
    if named is not None and asks_questions(body_lines):
        kind, interviewee = "interview", named.data[0].name
        authors = [author for author in authors if author.name != interviewee]
        named.reason = "nom et fonction de la personne interviewée, sous le titre"
    elif named is not None and named.data[0].name in body:
        # … or the person the text then speaks of by name ("Présent depuis 2007, Thierry
        # Kouamé …"): the caption of their photo
        authors = [author for author in authors if author.name != named.data[0].name]
        named.assign(CAPTION, "nom et fonction sous le titre, de la personne dont parle le texte")
    if kind == "interview":
        interviewee = interviewee or read_interviewee(title)
        if not interviewee:
            notes.append("Interview : la personne interviewée n'est pas nommée, à renseigner.")

    warnings.extend(body_doubts(title_line, rest, body_lines, dated=meta.published is not None))
    notes.extend(field_notes(title, meta.category))
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
        # a second issue line ("Règle n°1" under "En-Contact 46 /") numbers a subheading: its
        # words name no section
        later_issue = merged.issue_number is not None and meta.issue_number is not None
        merged.category = merged.category or (None if later_issue else meta.category)
        merged.issue_number = merged.issue_number or meta.issue_number
        merged.publisher = merged.publisher or meta.publisher
        merged.tags.extend(meta.tags)
        merged.authors.extend(meta.authors)
        if meta.unreadable_date and not merged.unreadable_date:
            merged.unreadable_date = meta.unreadable_date
    if merged.published is None:  # "Mis à jour le …" is the only date the page shows
        merged.published = merged.updated
    return merged


def asks_questions(body: list[Line]) -> bool:
    """Questions, each answered by a paragraph that asks nothing: an interview's text, with or
    without blank lines."""
    asked = sum(
        1
        for line, answer in zip(body, body[1:], strict=False)
        if is_question(line.flat)
        and line.words <= 35
        and is_prose(answer)
        and not is_question(answer.flat)
    )
    return asked >= INTERVIEW_QUESTIONS - 1


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
