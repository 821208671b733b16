"""Titles and posts: which line is a page's title, and where each further post starts.

The title is chosen among candidates by score (`choose_title`, `title_features`); a new post
starts at a heading that something besides its shortness announces (`starts_a_post`), and a page
with an article header holds one article per header.
"""

import re

from articles.importing.lines import (
    BYLINE,
    CREDIT,
    FURNITURE,
    HEADER_BELOW_TITLE,
    LONG_TITLE_WORDS,
    MAX_META_WORDS,
    MAX_TITLE_WORDS,
    META,
    SENTENCE_BREAK,
    attached_to_prose,
    heading_like,
    is_dated,
    is_header,
    is_prose,
    title_like,
)
from articles.importing.reading import TEXT, Line
from textkit.paragraphs import is_postscript, is_question, unquote

WIDE_GAP = 3  # blank lines (often lines of non-breaking spaces) between two blog posts

SHORT_TITLE_WORDS = 8  # a title that ends with a full stop must be that short

HEADER_REACH = 8  # lines after the first paragraph where a template may still put its header

INTERVIEW_QUESTIONS = 3

INTERVIEW_TITLE = re.compile(r"\b(?:interview|entretien|rencontre avec|questions? a)\b")

# A numbered heading: "Argument 2 : …", "2 – …", "Conseil n°3 : …".
NUMBERED = re.compile(r"^(?P<prefix>\D{0,30}?)(?P<number>\d{1,2})\s?(?:[–—:.)/-]|er\b|e\b)")

GUESSED_FIRST_LINE = "titre deviné : la première ligne de la page, au-dessus d'un paragraphe"
FIRST_LINE_TITLE_WORDS = 30

UNDER_A_HEADER = "sous l'en-tête d'un nouvel article (date, rubrique, mots-clés)"

SPACE_BEFORE = re.compile(r"\s+([,)\]]|\.(?!\.))")  # not before an ellipsis: "Lens ..."

SPACE_AFTER = re.compile(r"([(\[])\s+")
# "Henri Michaux, Exorcismes-Ecce Homo" under a poem: who wrote the lines above, not a title.
ATTRIBUTION = re.compile(r"^(?:[A-ZÀ-Þ][\w’'-]+ ){1,2}[A-ZÀ-Þ][\w’'-]+, [^,.;:!?]{2,60}$")


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
    elif title is None and first_line_title(lines, first_prose):
        title = first_prose
        lines[title].reason = GUESSED_FIRST_LINE
        first_prose = next(i for i in range(title + 1, len(lines)) if is_prose(lines[i]))

    # A page whose article has a dated header ("Publié le …", "This article was written on…")
    # holds one article per header: a heading without its own header is a subheading.
    dated_header = any(is_header(line) for line in lines[: first_prose + HEADER_REACH])
    gaps = sorted(line.gap_before for line in lines[first_prose + 1 :])
    no_blank_lines = bool(gaps) and gaps[len(gaps) // 2] == 0  # paragraphs follow each other
    # … and so do titles and their text, on a list of briefs; a blank under the title and none
    # under a later heading make that heading a subheading (three testers of one page)
    no_blank_lines = no_blank_lines and (title is None or lines[title].gap_after == 0)
    # Where the template puts a post's dated header: above its title or below it (Posted by).
    header_above = title is not None and any(is_header(line) for line in lines[:title])
    starts = [(0, title)]
    seen_prose = False
    for index in range(first_prose, len(lines)):
        if (
            seen_prose
            and not continues_a_series(lines, index, starts[-1][0])
            and (why := starts_a_post(lines, index, no_blank_lines, header_above))
        ):
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


def continues_a_series(lines: list[Line], index: int, since: int) -> bool:
    """ "Argument 2 : …" after "Argument 1 : …" in the same post: a numbered subheading."""
    match = NUMBERED.match(lines[index].folded)
    if not match:
        return False
    previous = f"{match['prefix']}{int(match['number']) - 1}"
    return any(
        (other := NUMBERED.match(lines[j].folded))
        and f"{other['prefix']}{other['number']}" == previous
        for j in range(since, index)
    )


def header_start(lines: list[Line], title: int, previous: int) -> int:
    """A post's header (its date, category, tags: "This article was written on…") stands
    above its title: the post starts there; not at the last post's footer ("Publié dans X"
    glued under its text, a blank under it), which stays the last post's."""
    start = title
    while start - 1 > previous and lines[start - 1].role in (META, FURNITURE):
        above = lines[start - 1]
        if above.role == META and above.gap_after and not above.gap_before:
            break
        start -= 1
    while start < title and lines[start].role == FURNITURE:
        start += 1
    return start


# A quotation, then what it is about: "“En affaires, pas de panique”. Le livre de…"
QUOTE_THEN_MORE = re.compile(r"^[«“\"][^»”\"]{3,}[»”\"]\s?[.:,]?\s\S")


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
    vouched = unquote(line.flat) is not None or repeated_on_page(lines, line)
    first_line = not any(lines[j].role == TEXT for j in range(index))
    if first_line and line.flat.endswith(("?", "!")) and line.words <= 25:
        vouched = True  # "… au Bénin. Pourquoi ?": a headline that asks, on the first line
    if first_line and line.flat[-1:].isalnum() and line.words <= 25:
        vouched = True  # "… factures par an. L'ex-directrice raconte": a headline, no full stop
    # "“Pas de farniente”. Le livre qui raconte…", set apart on the first line: a headline
    quoted_head = first_line and line.standalone and bool(QUOTE_THEN_MORE.match(line.flat))
    # "… aurait « orchestré la campagne ». / Le 26 novembre 2019 par Magazine En-Contact": the
    # template's header under it says it is the title, full stop or not
    headed = first_line and header_below(lines, index)
    vouched = vouched or quoted_head or headed
    if (SENTENCE_BREAK.search(line.flat) and not vouched) or line.flat.endswith(":"):
        return None
    ends_a_sentence = line.flat.endswith((".", ",", ";")) and not line.flat.endswith("...")
    if (
        ends_a_sentence
        and line.words > 8
        and not (quoted_head or headed or repeated_on_page(lines, line))
    ):
        return None
    above = [other for other in lines[:index] if other.role != FURNITURE]
    if any(other.role == TEXT and other.words > MAX_META_WORDS for other in above):
        return None
    text_above = [j for j in range(index) if lines[j].role == TEXT]
    if not text_above:
        return "première ligne de texte de la page"
    under_banner = all(banner(lines, j) or lines[j].folded == line.folded for j in text_above)
    if above[-1].role == META and under_banner:
        return "juste sous les métadonnées d'en-tête"
    if lines[index - 1].role == FURNITURE and under_banner:
        return "juste sous le bandeau et le décor du site"
    return None


def repeated_on_page(lines: list[Line], line: Line) -> bool:
    return any(other.folded == line.folded for other in lines if other is not line)


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
    if index == candidates[-1]:
        features.append((1, "la plus proche du texte"))
    others = lines[: max(index - 1, 0)] + lines[index + 2 :]  # not an image's alt text twice
    repeated = any(other.folded == line.folded for other in others)
    if repeated:
        features.append((3, "répétée sur la page"))
    elif header_below(lines, index):
        features.append((3, "juste au-dessus de son en-tête (« Posted by », « Publié le »)"))
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


def header_below(lines: list[Line], index: int) -> bool:
    """The next line but furniture is a header that templates put under the title."""
    below = next((other for other in lines[index + 1 :] if other.role != FURNITURE), None)
    return below is not None and below.role == META and bool(HEADER_BELOW_TITLE.match(below.folded))


def banner(lines: list[Line], index: int) -> bool:
    """A site's name at the top of the page ("AMBUSH"), followed by furniture or metadata."""
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    if any(other.role == TEXT for other in lines[:index]) or following is None:
        return False
    if line.words == 1 and following.role == TEXT and (line.flat.isupper() or line.standalone):
        return heading_like(following)  # "AMBUSH", or a section's label, above the title
    return (line.words <= 2 and following.role in (FURNITURE, META)) or (
        line.words <= 4 and following.role == FURNITURE and not line.flat.endswith(("?", "!"))
    )


def first_line_title(lines: list[Line], index: int) -> bool:
    """The page's first line, short, above a paragraph at least twice as long: the title, even
    with two sentences ("“Direction les USA”, le mot d’ordre des patrons. Marocains, etc..");
    the rules found none, so it stays a doubt."""
    following = next((line for line in lines[index + 1 :] if is_prose(line)), None)
    return (
        all(line.role != TEXT for line in lines[:index])
        and lines[index].words <= FIRST_LINE_TITLE_WORDS
        and following is not None
        and following.words >= 2 * lines[index].words
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


def starts_a_post(
    lines: list[Line], index: int, no_blank_lines: bool = False, header_above: bool = False
) -> str | None:
    """A heading that opens a new post: something besides its shortness must say so (the
    reason is returned). On a page whose posts carry their dated header above the title, a
    line right above such a header ends the previous post (a signature's role, say)."""
    line = lines[index]
    above = lines[index - 1] if index else None
    if (
        above is not None
        and above.role == META
        and line.words <= SHORT_TITLE_WORDS
        and line.flat.endswith(".")  # ambush.fr's "La rentrée des classes."
        and not SENTENCE_BREAK.search(line.flat)
        and under_a_dated_header(lines, index)
    ):
        return UNDER_A_HEADER
    if not title_like(line, LONG_TITLE_WORDS) or is_postscript(line.flat):
        return None
    following = [i for i in range(index + 1, len(lines)) if lines[i].role != FURNITURE]
    header_next = bool(following) and is_dated(lines[following[0]])
    if (
        header_next
        and header_above
        and not HEADER_BELOW_TITLE.match(lines[following[0]].folded)
        and not lines[following[0]].data.reprinted  # a reprint's source, under its headline
    ):
        return None
    prefix = lines[index - 1] if index else None
    if (
        prefix is not None
        and prefix.number == line.number  # "Edito du magazine #40 :" cut off its title
        and prefix.role == META
        and prefix.gap_before
        and under_a_dated_header(lines, index)
    ):
        return UNDER_A_HEADER
    if not line.standalone:  # on a page without blank lines, its header or a blank says so
        if header_next and (
            line.gap_before == 0 or HEADER_BELOW_TITLE.match(lines[following[0]].folded)
        ):
            return "suivie de son en-tête daté"
        if following and lines[following[0]].role == CREDIT and line.words <= MAX_TITLE_WORDS:
            return "suivie du crédit de sa photo"
        if (
            no_blank_lines
            and line.gap_before
            and any(is_prose(lines[i]) for i in following[:2])
            and not interview_question(lines, index)
            and not ATTRIBUTION.match(line.flat)
        ):
            return "blanc au-dessus, sur une page sans lignes vides entre les paragraphes"
        return None
    if not following or not any(is_prose(lines[i]) for i in following[:4]):
        return None
    after = lines[following[0]]
    last_prose = next((lines[i] for i in range(index - 1, -1, -1) if is_prose(lines[i])), None)
    listing = sum(other.teaser for other in lines) > 1  # an archive page of teasers
    if listing and (after.teaser or (last_prose is not None and last_prose.teaser)):
        return "titre d'un extrait d'une page d'archives (son paragraphe finit sur « […] »)"
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
    if (
        no_blank_lines
        and line.gap_before
        and (before is None or before.gap_after)
        and not ATTRIBUTION.match(line.flat)
    ):
        return "blanc au-dessus, sur une page sans lignes vides entre les paragraphes"
    if before is not None and before.role == CREDIT:
        return "après un crédit photo"
    if before is not None and before.role == META and under_a_dated_header(lines, index):
        return UNDER_A_HEADER
    if before is not None and is_postscript(before.flat):
        return "après un PS"
    return None


def interview_question(lines: list[Line], index: int) -> bool:
    """A question longer than a headline, under another question: an interview's."""
    line = lines[index]
    return (
        is_question(line.flat)
        and line.words > MAX_TITLE_WORDS
        and any(other.role == TEXT and is_question(other.flat) for other in lines[:index])
    )


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
