"""Photo credits: "Crédit photo : X", "© X", "@ X", a caption that ends on its credit.

`read_credit` gives the name a credit line or a captioned credit names; the parser keeps it as
the article's `photo_credit` and drops the line from the text.
"""

import re

from articles.importing.reading import Line

CREDIT_LINE = re.compile(
    r"^(?:(?:credits?|copyrights?) ?(?:photos?|images?|illustrations?)?|"
    r"(?:photos?|images?|illustrations?|visuels?) ?(?:credits?)?) ?:\s?(?P<who>.+)$"
    r"|^(?:@ ?)?(?:credits? photos?|©|\(c\)) ?:?\s?(?P<bare>.+)$"  # "@ (c) Name" too
    r"|^@\s(?P<at>[^@\s][^@]{1,60})$"  # "@ Fotolia/ Marc Verdier": "@" for "©", not a handle
)

# A newspaper's caption may run to two sentences before its credit ("… à partir de vendredi. Et
# quatre fois à Yssingeaux, dès le jeudi 25 novembre / Photo X": 26 words).
CAPTION_WORDS = 35

# A caption that ends with its credit: "Name et Name – © Photographer", "Le quai, Saint-Louis
# – © DR", "Name, © En-Contact", "… / Photo Claire Besson", "Name, role - crédit X (Y)".
CAPTION_CREDIT = re.compile(
    r"^(?P<caption>.+?)(?:\s?,|\s[–—/-])\s?(?:©|\(c\)|photos?\s?:?|credits?(?:\sphotos?)?\s?:?)"
    r"\s?(?P<who>[^©/]{2,60})$"
)

# "Le plateau de Lille © Anne Roy", "Claire Morin dans le centre de Brest (Photo DR)": the
# credit closes the caption without a separator ("(Crédit Lyonnais en moins)" is a bank).
CAPTION_CLOSING_CREDIT = re.compile(
    r"^(?P<caption>.+?)\s(?:©|\((?:©|photos?|credits?\sphotos?|credits?(?=\s?:))\s?:?)"
    r"\s?(?P<who>[^©/()]{2,60}?)\)?$"
)

# "Un plateau de rappel à Nantes. Crédit photo : Louis Merlet": a caption's sentence, then its
# credit under its label, "Photo :" included (a plain "Photo" after a full stop may be the
# text's own word, "Photo souvenir pour les exposants").
CAPTION_THEN_CREDIT = re.compile(
    r"^(?P<caption>.+?[.!?])\s(?:©|credits?\sphotos?\s?:|photos?\s?:)\s?(?P<who>[^©/.]{2,60})$"
)

# "… dans les locaux, à Niort. Photo Marc Delorme": a caption, then "Photo" and a name in
# capitals, read on the line as printed (the folded form has lost the capitals).
CAPTION_THEN_PHOTOGRAPHER = re.compile(
    r"^(?P<caption>.+?[.!?])\sPhotos?\s(?P<who>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s[A-ZÀ-ÖØ-Þ][\w’'-]+){1,2})$"
)

# "… Photos d’archives et de Jules Ferrand.": a line of credits that names the photographer.
CREDIT_SENTENCE = re.compile(
    r"(?:^|\.\s)(?:photos?|illustrations?)\b[^.]{0,40}?\s(?:de|par)\s(?P<who>[^.]{3,40}?)\.?$"
)


def read_credit(line: Line) -> str | None:
    if line.words > CAPTION_WORDS:
        return None
    match = CREDIT_LINE.match(line.folded)
    if match and line.words <= 15:
        group = next(name for name in ("who", "bare", "at") if match[name] is not None)
    elif match := (
        CAPTION_CREDIT.match(line.folded)
        or CAPTION_CLOSING_CREDIT.match(line.folded)
        or CAPTION_THEN_CREDIT.match(line.folded)
        or (CREDIT_SENTENCE.search(line.folded) if line.words <= 25 else None)
    ):
        group = "who"
    elif match := CAPTION_THEN_PHOTOGRAPHER.match(line.flat):
        return match["who"]
    else:
        return None
    return line.flat[match.start(group) :].strip(" .") or None
