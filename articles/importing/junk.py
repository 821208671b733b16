"""Junk glued to the start of a paragraph by the scrape: image file names, UUIDs, alt text.

"3987376215_4618ab0136_zDans l’été…" → "Dans l’été…"; "f22d99e3-…-17ef44705Si vous…" →
"Si vous…"; an image's alt text on its own line and again glued to the next paragraph
("emmanuel" / "emmanuelBonjour") → both go.
"""

import re

from articles.importing.reading import Line

JUNK = re.compile(
    r"^(?:"
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"  # UUID
    r"|\d{5,}_[0-9a-f]{6,}(?:_[a-z])?"  # photo-sharing file names
    r"|[\w-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)"  # any image file name
    r"|(?:IMG|DSC|DSCN|DSCF|PIC|image|photo|shutterstock|istock|adobestock|gettyimages)"
    # "IMG_5521-1024x683", "photo_9921_b", "IMG_0412-edito97"
    r"[_-]?\d{3,}(?:[_-](?:\d+(?:x\d+)?|(?-i:[a-z]+\d*)))*"
    r"|(?-i:[a-z0-9]+(?:-[a-z0-9]+){2,})"  # a picture's slug: "couv-114-web-2", "interview-x-web"
    # a two-part slug with a number, glued before a capital: "edito74-standardIl y a…"
    r"|(?-i:(?=[a-z0-9-]*\d)[a-z0-9]+-[a-z0-9]+(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))"
    # a slug with capitals glued before a capital: "Visite-ministre-LimogesLe communiqué…"
    r"|(?-i:[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}?(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))"
    # a file name in capitals and underscores before the text: "ARVENA_SAINT_ETIENNE_112B 2 h…",
    # a copy's ("CAMILLE_DORAT_12_A - copieEn bonne…")
    r"|(?-i:[A-Z0-9]+(?:_[A-Z0-9]+){2,}(?:\s-\scopie(?:\s\(\d+\))?)?(?=\s|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))"
    # a file name with an underscore, glued before a capital or a quote: "plateau-lille_1Il y a",
    # "Port_Louis_vue_du_Pouce«"
    r"|(?-i:(?=[\w-]*_)[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+?(?=[«“\"]|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’']|À\s))"
    # a lowercase name glued before the first sentence: "originalPrès de 280 000 abonnés…"
    r"|(?-i:[a-z]{4,}(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))"
    r")",
    re.IGNORECASE,
)
# A page's button glued to the paragraph under it: "Je m'abonneQuelles sont…".
GLUED_BUTTON = re.compile(r"^(?:Je m['’]abonne|S['’]abonner|Imprimer|Partager)(?=[A-ZÀ-ÖØ-Þ«“])")
# WordPress shortcodes left in the text: "[divider top=”0″]", "[caption id=… ]…[/caption]".
SHORTCODE = re.compile(
    r"""\[/?[a-z][a-z0-9_-]*(?:\s+[a-z_-]+\s?=\s?["”″'][^\]]*)+\]
    |\[/[a-z][a-z0-9_-]*\]
    |\[(?:caption|divider|clear|gallery|separator|spacer|hr|toc|embed|/?row|/?column)\]
    |\[(?:audio|video|youtube|soundcloud|embed):[^\]]*\]""",
    re.VERBOSE,
)
# A page cut inside a shortcode: "[di", "[divider top=”0" alone on the last line.
CUT_SHORTCODE = re.compile(r"^\[/?[a-z][a-z0-9_-]*(?:\s[^\[\]]*)?$")
CAPTION_SHORTCODE = re.compile(r"\[caption\b[^\]]*\](?P<inner>.*?)\[/caption\]", re.IGNORECASE)
# What an e-mail obfuscator leaves in place of an address.
EMAIL_PROTECTED = re.compile(r"\[\s?email[\s\u00a0]?protected\s?\]", re.IGNORECASE)
# A teaser's link glued to the end of an archive page's paragraph.
TEASER_TAIL = re.compile(
    r"\s*(?:Read the rest of this entry\s?»?|More\.\.\.|Continue reading\s?(?:→|»)?"
    r"|Lire la suite\s?(?:»|…|\.\.\.|→)|(?<=\S)\s?\[(?:…|\.\.\.)\])\s*$"
)
# "( Archives magazine En-Contact, année 2016 )" after the last sentence of an old piece.
ARCHIVE_NOTE = re.compile(r"\s*\(\s?archives?\b[^()]{0,80}\)\s*$", re.IGNORECASE)
GLUED_START = re.compile(r"^[\s«“\"'(]*[A-ZÀ-ÖØ-Þ0-9]|^\s*$")


def strip_markup(lines: list[Line]) -> list[Line]:
    """Remove shortcodes, e-mail placeholders and teaser links ("Read the rest of this entry
    »"); a line left empty becomes furniture. The text of a [caption]…[/caption] becomes a
    line of its own, marked as a caption, even when a paragraph was glued after it."""
    result = []
    for line in lines:
        text = line.text
        if text.endswith(("»", "...", "→", "…", ")", "]")):
            cut = TEASER_TAIL.sub("", text)
            line.teaser = cut != text  # "… Read the rest of this entry »": an archive's teaser
            text = ARCHIVE_NOTE.sub("", cut)
        if "[" in text and (caption := CAPTION_SHORTCODE.search(text)):
            inner = Line(clean(caption["inner"]), line.number, line.gap_before, 0)
            inner.captioned = True
            result.append(inner)
            text = text[: caption.start()] + text[caption.end() :]
            line.gap_before = 0
        if "[" in text:
            text = EMAIL_PROTECTED.sub("", SHORTCODE.sub("", text))
            text = CUT_SHORTCODE.sub("", text)
        if text != line.text:
            line.replace_text(clean(text))
            line.reason = "code de mise en page, lien « suite » ou adresse masquée retiré"
        result.append(line)
    return result


def is_alt_of(text: str, file_name: str) -> bool:
    """Whether a short line is the alt text WordPress made from a picture's file name."""
    return 0 < len(text) <= 60 and " " not in text and file_name.startswith(f"{text}-")


def clean(text: str) -> str:
    return " ".join(EMAIL_PROTECTED.sub("", SHORTCODE.sub("", text)).split())


def strip_glued(lines: list[Line]) -> list[str]:
    """Remove glued junk in place; return what was taken out for the editors' warnings.

    Junk alone on its line leaves the line empty (the caller drops it). An alt-text line is
    only removed when the next line repeats it glued to its first word.
    """
    alt_texts = []
    for index, line in enumerate(lines):
        if button := GLUED_BUTTON.match(line.text):  # "Je m'abonneLe marché…": the text stays
            line.replace_text(line.text[button.end() :])
        match = JUNK.match(line.text)
        if match and GLUED_START.match(line.text[match.end() :]):
            line.glued = match.group()
            line.replace_text(line.text[match.end() :].strip())
            above = lines[index - 1] if index else None
            # "plateau-nuit" / "plateau-nuit-300x200Chaque année…": the picture's alt text above
            # the file name it was made from
            if above is not None and is_alt_of(above.text, line.glued):
                alt_texts.append(above.text)
                above.replace_text("")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or not line.text or len(line.text) > 60 or line.words > 5:
            continue
        rest = following.text[len(line.text) :]
        if (
            following.text.startswith(line.text)
            and rest[:1].isupper()
            and (rest[1:2].islower() or rest[1:2] in ("’", "'"))
        ):
            following.glued = line.text
            following.replace_text(rest)
            line.replace_text("")
            alt_texts.append(following.glued)
    return alt_texts


# "… pour faire naître 15 000 postes en France Une ligne certifiée promettrait …": a newspaper's
# headline and its subtitle saved as one line, the subtitle starting on a capitalised article or
# pronoun glued after a lowercase word (not "selon Le Parisien": a name follows there).
GLUED_SUBTITLE = re.compile(
    r"(?<=[a-zà-ÿ0-9])\s(?=(?:Un|Une|Le|La|Les|Des|Il|Elle|Ils|Elles|Ce|Cette|Ces|Son|Sa|Ses"
    r"|Leur|Leurs|Selon|Depuis|Après|Avec|Pour)\s[a-zà-ÿ])"
)
HEADLINE_WORDS = (6, 20)  # the headline before the subtitle
GLUED_HEADLINE_WORDS = 24  # a first line that long is no headline alone


def split_glued_headline(lines: list[Line]) -> list[Line]:
    """The page's first line, when it is a headline with its subtitle glued on, in two lines."""
    if not lines or lines[0].words < GLUED_HEADLINE_WORDS or lines[0].flat.endswith(("?", "!")):
        return lines
    first = lines[0]
    cuts = [found.start() for found in GLUED_SUBTITLE.finditer(first.flat)]
    if len(cuts) != 1:
        return lines
    head, tail = first.flat[: cuts[0]], first.flat[cuts[0] :].strip()
    if not HEADLINE_WORDS[0] <= len(head.split()) <= HEADLINE_WORDS[1] or any(
        mark in head for mark in (". ", "! ", "? ")
    ):
        return lines
    first.replace_text(head)
    second = Line(tail, first.number, 0, first.gap_after, subtitle=True)
    first.gap_after = 0
    return [first, second, *lines[1:]]
