"""The opening of an article: the standfirst under the title (`summary_line`), repeats of the
title, a signature or a press kicker above the text (`mark_opening`). The captions between the
paragraphs are `captions.py`'s."""

import re

from articles.importing.captions import (
    KICKER_CAPTION,
    PERSON_CAPTION,
    caption_reason,
    is_picture_name,
    mark_role_under,
)
from articles.importing.dates import WEEKDAYS, find_date
from articles.importing.editorials import EDITORIAL, GOES_ON, editorial_kicker, short_kicker
from articles.importing.lines import (
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    HANDLE,
    MAX_TITLE_WORDS,
    META,
    POST_HEADER,
    REPEAT,
    SENTENCE_BREAK,
    SENTENCE_ENDS,
    STANDFIRST,
    attached_to_prose,
    heading_like,
    is_prose,
    labels_only,
    several_sentences,
)
from articles.importing.metadata import Meta
from articles.importing.questions import (
    FIRST_PERSON,
    OUR,
    asks_again,
    introduces_questions,
)
from articles.importing.reading import TEXT, Line, repeats_title
from articles.importing.signatures import is_name, titled_signature
from articles.importing.surroundings import (
    MAX_SUMMARY_WORDS,
    above_the_header,
    asking_summary,
    epigraph_source,
    heads_a_series,
    heads_the_byline,
    introduces_subheadings,
    is_note,
    paragraph_words,
    picture_follows,
    pictured_people,
    quote_sums_up,
    reprint_source,
    summary_lines,
)
from textkit.folding import fold
from textkit.paragraphs import is_question, unquote, without_quotations

MIN_SUMMARY_WORDS = 8

TIME_STAMP = re.compile(rf"^(?:{'|'.join(WEEKDAYS.split())})\b|^\d{{1,2}}\s?h\s?\d{{0,2}}\b")

SHORT_SUMMARY_REASON = "phrase courte sous le titre"

ADDRESSED = re.compile(r"\b(?:vous|votre|vos)\b")

REPRINT_SUMMARY_REASON = "résumé d'un article de presse repris, sous sa photo ou sans point final"

BYLINE_SUMMARY_REASON = "résumé sous le titre, suivi de la signature"

TITLE_GOES_ON_REASON = "suite du titre"

# Under a quotation's title, a name and a role may be the interviewee's: a doubt.
QUOTED_TITLE_BYLINE = "nom et fonction sous un titre entre guillemets"

KICKER = re.compile(r"\s/\s?[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ’' -]{2,}$")  # "Avant-première … / AURILLAC"

PERSON_UNDER_TITLE = "une personne et ce qu'elle fait, sous le titre : légende de sa photo"

PEOPLE_UNDER_TITLE = "plusieurs personnes et leurs fonctions sous le titre : légendes de photos"

SUBTITLE_REASON = "sous-titre seul entre deux blancs sous le titre répété"

PARENTHESISED = re.compile(r"^\((?P<inside>[^()]{6,200})\)$")  # "(quand les analystes rêvent)"

UPDATE_NOTE = re.compile(
    r"^(?:actualisation|actualise|mise a jour|mis a jour|maj|update|edit|erratum|rectificatif)\b"
)

# "Notre rôle ? Absorber les crises." a teaser may open on a question of a few words
SHORT_QUESTION_START = re.compile(r"^(?:\S+\s){0,2}\S+\s?\?\s+(?=[A-ZÀ-ÖØ-Þ])")
SHORT_QUESTION_END = re.compile(r"(?<=[.!…])\s+[A-ZÀ-ÖØ-Þ][\w’'-]*\s?\?$")  # "… Pourquoi ?"

# Words someone said, a sentence in quotes, opening the text (not a film's title in quotes).
DATED_CLOSE = re.compile(r"\(\s?[^()]{0,20}\b(?:19|20)\d\d\s?\)$")  # "( mars 2018)"

SPOKEN_OPENING = re.compile(r"^[«“\"][^»”\"]*[.!?…]\s?[»”\"]\s")

SHORT_SUMMARY_WORDS = 25

MAX_SENTENCE_WORDS = 45  # a summary in one sentence may run a little longer

MAX_INTRODUCTION_WORDS = 75  # a summary in the template's slot for it
MAX_TEASER_WORDS = 60  # the newer template's teaser above its photo
MAX_INTERVIEW_WORDS = 150  # an interview's introduction, above its first question

DATELINE_WORDS = 20


def opening(rest: list[Line]) -> list[Line]:
    """The lines between the title and the first paragraph of prose."""
    result = []
    for line in rest:
        if is_prose(line):
            break
        result.append(line)
    return result


def mark_opening(
    rest: list[Line],
    title: Line | None,
    *,
    alone: bool = True,
    blog: bool = False,
    repeated: bool = False,
) -> str | None:
    """Repeats of the title, captions and the standfirst at the top; returns the standfirst.

    `alone` is False for the posts of a multi-post page (blog archives), which have none;
    `blog` is True under a blog's post header, whose template has no standfirst; `repeated`
    when the page prints the title twice (en-contact.com's newer template)."""
    standfirst = None
    first_text = True
    for index, line in enumerate(rest):
        if line.role != TEXT:
            continue
        if title is not None and repeats_title(line.folded, title.folded):
            line.assign(REPEAT, "répète le titre")
            continue
        if (
            first_text
            and (inside := unquote(line.flat))
            and len(inside.split()) >= 2
            and quote_sums_up(rest, index)
        ):
            line.assign(STANDFIRST, "entre guillemets sous le titre")
            standfirst = inside
        elif (
            first_text
            and (aside := PARENTHESISED.match(line.flat))
            and len(aside["inside"].split()) >= 5  # "(On the line)": a series, not a summary
            and any(is_prose(other) for other in rest[index + 1 :])
        ):
            line.assign(STANDFIRST, "entre parenthèses sous le titre")
            standfirst = line.flat
        elif first_text and alone and editorial_kicker(rest, index):
            line.assign(STANDFIRST, "accroche courte sous le numéro d'un édito")
            standfirst = line.flat
        elif (
            first_text
            and (why := summary_line(rest, index, blog=blog, repeated=repeated))
            and (alone or why == REPRINT_SUMMARY_REASON)  # a reprint's, even among posts
        ):
            standfirst = " ".join(part.flat for part in summary_lines(rest, index))
            for part in summary_lines(rest, index):
                part.assign(STANDFIRST, why)
        elif is_prose(line) and not (first_text and heads_the_byline(rest, index)):
            break
        elif first_text and heads_the_byline(rest, index):
            # "Services – Le retour au pays," / "par Jeanne Martin": section, headline, author
            line.assign(CAPTION, "rubrique et titre du journal, au-dessus de sa signature")
            continue
        elif first_text and reprint_source(rest, index):
            line.assign(
                META, "nom du journal, sous la date de l'article repris", Meta(reprinted=True)
            )
            continue
        elif first_text and titled_signature(line.flat) and pictured_people(rest, index):
            # "Jérôme Castaing – Directeur…" / "Sophie Lenormand – Directrice…": two photos
            for person in pictured_people(rest, index):
                person.assign(CAPTION, PEOPLE_UNDER_TITLE)
            continue
        elif first_text and (author := titled_signature(line.flat)):
            quoted = title is not None and title.flat.startswith(("«", "“", '"'))
            line.assign(
                BYLINE, QUOTED_TITLE_BYLINE if quoted else "nom et fonction sous le titre", [author]
            )
        elif (
            first_text
            and index + 1 < len(rest)
            and caption_reason(line, rest[index + 1]) == PERSON_CAPTION
            and any(is_prose(other) for other in rest[index + 1 :])
        ):
            # "Hélène Duvivier, directrice générale, Banque Azur" under the header: the
            # photo's caption; the chapô may follow it
            line.assign(CAPTION, PERSON_UNDER_TITLE)
            continue
        elif line.words <= 4 and is_name(line.flat) and not line.flat.endswith(SENTENCE_ENDS):
            line.assign(CAPTION, "un nom seul sous le titre : légende de la photo")
            mark_role_under(rest, index)  # "DIRECTRICE GÉNÉRALE DE VOXALIA FRANCE"
        elif (
            index
            and rest[index - 1].text  # a file name, not a shortcode's empty line
            and is_picture_name(rest[index - 1])
            and heading_like(line)
            and not is_question(line.flat)
        ):
            # "phoneexpert.027" / "L'un des plateaux de Phone Expert": the photo's caption
            line.assign(CAPTION, "ligne courte sous le nom de fichier d'une photo : légende")
        elif KICKER.search(line.flat) and heading_like(line):
            line.assign(CAPTION, KICKER_CAPTION)
            following = rest[index + 1] if index + 1 < len(rest) else None
            if following is not None and not following.flat.endswith(SENTENCE_ENDS):
                continue  # a newspaper's web summary, without a full stop, may follow
        elif (
            heading_like(line)
            and line.gap_before  # without blank lines, every line is "attached"
            and not (index and rest[index - 1].role == META)  # an editorial's first words
            and attached_to_prose(rest, index)
            and not is_question(line.flat)
            and not heads_a_series(rest, index)
        ):
            line.assign(CAPTION, "ligne courte collée au-dessus d'un paragraphe : légende")
        first_text = False
    return standfirst


def summary_line(
    rest: list[Line], index: int, *, blog: bool = False, repeated: bool = False
) -> str | None:
    """The chapô: a short summary in the third person right under the title, before the text.

    "Près de 1 200 postes restent menacés chez les sous-traitants de Nordtel." is one; an
    opening in the first person, a question (but for a closing one-word "Pourquoi ?"), a line
    after an editorial's issue number or a paragraph glued to an image is the text itself.
    Returns the reason."""
    parts = summary_lines(rest, index)
    text = " ".join(part.flat for part in parts)
    words = len(text.split())
    header_below = above_the_header(rest, index + len(parts))
    below = rest[index + len(parts)] if index + len(parts) < len(rest) else None
    buttons_below = below is not None and below.role == FURNITURE and 1 <= below.words <= 5
    # The template's slot for the chapô (between the title or header and the page's buttons or
    # header), or an interview's introduction above the first question, may run longer.
    interview = introduces_questions(rest, index + len(parts))
    # the newer template's teaser above its photo: two sentences, up to 60 words
    teaser = repeated and picture_follows(rest, index + len(parts))
    introduces_sections = introduces_subheadings(rest, index, len(parts))
    longest, breaks = (
        (MAX_INTERVIEW_WORDS, 8)
        if interview
        else (MAX_INTRODUCTION_WORDS, 3)
        if header_below or buttons_below or introduces_sections
        else (MAX_TEASER_WORDS, 1)
        if teaser
        else (MAX_SUMMARY_WORDS, 2)
    )
    if not SENTENCE_BREAK.search(text):
        longest = max(longest, MAX_SENTENCE_WORDS)  # one sentence sums up, however long
    if words > longest or len(SENTENCE_BREAK.findall(text)) > breaks:
        return None
    if several_sentences(text) and not (header_below or buttons_below):
        return None  # several sentences: the text's first paragraph (§3.2, the one-sentence rule)
    if parts[0].glued and not interview and not (repeated and not several_sentences(text)):
        return None  # a paragraph under its picture: the text's first; not a teaser's sentence
    # A teaser may end on a one-word question ("… des assureurs français. Pourquoi ?"); any
    # other question is an interviewer's.
    teaser = text
    asks_first = SHORT_QUESTION_START.match(text)
    if (SENTENCE_BREAK.search(text) or asks_first) and not ADDRESSED.search(fold(text)):
        teaser = SHORT_QUESTION_START.sub("", SHORT_QUESTION_END.sub(".", text))
    asked_summary = not interview and asking_summary(rest, index, parts)
    if (
        ("?" in without_quotations(teaser) and not (introduces_sections or asked_summary))
        or ";" in text
        or text.startswith(("–", "-", "•", "*"))
    ):
        return None
    text = teaser
    if ("*" in text and not DATED_CLOSE.search(text)) or KICKER.search(text):
        # a footnote's call is the text's (a dated subtitle may carry one), a press kicker
        return None
    if SPOKEN_OPENING.match(text) and unquote(text) is None and not introduces_sections:
        return None  # "« Allô, ici Samira. » Souvenez-vous.": a report opening on a quote
    if UPDATE_NOTE.match(fold(text)):  # "Actualisation du 10 mars : …", the editors' notice
        return None
    if epigraph_source(parts, rest, index):
        return None  # "Définition du Dictionnaire…", a quotation over its source: an epigraph
    before = [line for line in rest[:index] if line.role in (META, TEXT, REPEAT)]
    reprint = any(line.role == META and line.data.reprinted for line in before)
    # a newspaper's web summary ends without a full stop, and may open on its day
    web_summary = reprint and not text.endswith(SENTENCE_ENDS)
    dated = find_date(fold(text)[:40]) or TIME_STAMP.match(fold(text))
    # "À Toamasina, le 14 juin 2019, où le ministre a inauguré …" above its photo sums it up
    above_picture = words > SHORT_SUMMARY_WORDS // 2 and picture_follows(rest, index + len(parts))
    # "Mardi 9 avril, 9h40." opens a report; "À Guéret, le 14 octobre, où …" in one long
    # sentence sums one up
    dateline = dated and (
        words < DATELINE_WORDS or SENTENCE_BREAK.search(text) or TIME_STAMP.match(fold(text))
    )
    if parts[0].subtitle and len(parts) == 1:  # one sentence, or it was returned above
        return "sous-titre du journal, collé au titre sur la même ligne"
    if (kicker := short_kicker(text)) and any(is_prose(o) for o in rest[index + len(parts) :]):
        return TITLE_GOES_ON_REASON if kicker == GOES_ON else SHORT_SUMMARY_REASON
    if words < MIN_SUMMARY_WORDS or (dateline and not web_summary and not above_picture):
        return None
    if FIRST_PERSON.search(fold(text)):
        return None
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
    if sum(line.words for line in text_after) < (1 if interview else 2) * words:
        return None  # a summary announces a text longer than itself (an interview, cut short)
    above = rest[index - 1] if index else None
    below = rest[index + len(parts)] if index + len(parts) < len(rest) else None
    if above is not None and is_picture_name(above) and below is not None and below.role == CREDIT:
        return None  # between a picture's file name and its credit: its caption
    if (
        reprint
        and words <= SHORT_SUMMARY_WORDS
        and above is not None
        and (above.role in (CAPTION, CREDIT) or web_summary)
        and text_after[0].words > words  # the text it sums up runs longer
    ):
        # under its photo, or a newspaper's web summary that ends without a full stop
        return REPRINT_SUMMARY_REASON
    if header_below:
        return "résumé entre le titre et l'en-tête de la page (« Publié par le »)"
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
    if is_question(after.flat) and weak_rules and asks_again(following[1:]):
        return "résumé sous le titre d'une interview"
    if text.startswith(("…", "...")):
        return TITLE_GOES_ON_REASON
    glued_below = parts[-1].gap_after == 0 and after.gap_before == 0 and after.role == TEXT
    # without its full stop, a sentence longer than any heading, glued above the text
    unfinished = (
        glued_below
        and words > MAX_TITLE_WORDS
        and not before_meta
        and text[-1:].isalnum()  # not a hard-wrapped paragraph ("…de métier,")
        and after.flat.lstrip('«“" ')[:1].isupper()
    )
    # the newer template's subtitle: a line without a full stop, alone between blank lines
    # under the repeated title, above the first paragraph ("Quand le ministre chante faux")
    if (
        repeated
        and weak_rules
        and len(parts) == 1
        and parts[0].gap_before
        and parts[0].gap_after
        and heading_like(parts[0])
        and is_prose(after)
        and not titled_signature(parts[0].flat)  # "Thierry Mensah, Directeur …": a person
    ):
        return SUBTITLE_REASON
    # "… ou The Golden Bear* ( octobre 2017)" closes a subtitle too
    ended = text.endswith((".", "…", "!", "»", "”")) or bool(DATED_CLOSE.search(text))
    if not (ended or unfinished or asked_summary) or not weak_rules:
        return None
    if glued_below and not before_meta and not blog:  # a blog post's template has no chapô
        return "résumé collé au texte, sur une ligne à part, juste sous le titre"
    if sum(line.words for line in text_after[:3]) <= words * min(3, len(text_after)):
        return None  # a summary announces longer paragraphs
    if words <= SHORT_SUMMARY_WORDS:
        return SHORT_SUMMARY_REASON
    # the newer template prints its title twice, and its chapô may run to one long sentence
    if repeated and not SENTENCE_BREAK.search(text) and paragraph_words(text_after) > words:
        return "une seule phrase sous le titre répété, au-dessus d'un paragraphe plus long"
    return None
