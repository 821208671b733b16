"""From bytes to lines: encodings, line ends, invisible characters, spacing.

The body keeps its typography (’ « » … – and non-breaking spaces before French punctuation);
metadata is matched on `Line.flat` (spaces normalised) and `Line.folded` (also lower case,
accents and curly apostrophes removed, same length as `flat` so spans can be cut from it).
"""

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from articles.importing.records import ParseError
from textkit.folding import fold

TEXT = "text"

CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Control characters and the invisible ones (zero-width spaces and joiners, BOM, soft hyphen).
UNSEEN = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
QUOTE_MARKS = re.compile(r"[\"'«»“”‘’]")
ENCODINGS = (("utf-8-sig", None), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))


def decode(data: bytes) -> tuple[str, str]:
    """Decode an archive file: UTF-8 (with or without BOM), else Windows-1252, else Latin-1.

    Returns (text, encoding name). Raises ParseError for data that is not text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as error:
            raise ParseError(f"UTF-16 invalide ({error.reason})") from None
    if b"\x00" in data:
        raise ParseError("fichier binaire : il contient des octets nuls")
    for codec, label in ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        encoding = label or ("UTF-8 (BOM)" if data.startswith(codecs.BOM_UTF8) else "UTF-8")
        break
    controls = len(CONTROL.findall(text))
    if controls > 8 and controls * 50 > len(text):
        raise ParseError("fichier binaire : trop de caractères de contrôle")
    return text, encoding


def phrases(block: str, *, whole: bool = True, then: str = "") -> re.Pattern:
    """One pattern for a list of folded phrases, one a line (each may use regular expression
    syntax; `#` starts a comment line): it matches a text that starts with one of them and,
    when `whole`, holds nothing else; `then` is what must follow the phrase instead (a label's
    colon and its value, say)."""
    forms = [line.strip() for line in block.splitlines()]
    forms = [form for form in forms if form and not form.startswith("#")]
    return re.compile(rf"^(?:{'|'.join(forms)}){then or ('$' if whole else '')}")


def without_quotes(text: str) -> str:
    """The words without their quote marks: a title repeated with other quotes ("…" under
    « … » or '…') is the same title."""
    return " ".join(QUOTE_MARKS.sub(" ", text).split())


# "Episode 4 : ", "Partie 2 – ": a series' label and number before a title printed again.
SERIES_LABEL = re.compile(r"^[^\W\d]+(?: [^\W\d]+)? (?:n° ?)?\d{1,3} ?[:–—-] ")


def repeats_title(text: str, title: str) -> bool:
    """`text` is `title` again (folded both), with other quote marks or after a series' label."""
    text, title = without_quotes(text), without_quotes(title)
    if text == title:
        return True
    label = SERIES_LABEL.match(text)
    return label is not None and text[label.end() :] == title


def flatten(text: str) -> str:
    """Odd spaces (non-breaking, thin, tabs…) as plain spaces, runs collapsed, ends stripped.

    `str.split()` cuts on the same Unicode spaces as the regular expression `\\s+`, faster."""
    return " ".join(text.split())


@dataclass(eq=False)
class Line:
    """A non-blank source line and the blank lines around it (a paragraph boundary)."""

    text: str
    number: int
    gap_before: int
    gap_after: int = 1
    role: str = TEXT
    data: object = None
    glued: str = ""
    reason: str = ""  # why the line has its role: `import_corpus --explain` shows it
    post: int = 0  # which post of a multi-post page the line belongs to
    captioned: bool = False  # the text stood inside a [caption]…[/caption] shortcode
    teaser: bool = False  # ended on "[…]" or "Read the rest of this entry" (`junk.strip_markup`)
    subtitle: bool = False  # split off the headline it was saved on (`junk.split_glued_headline`)

    @cached_property
    def flat(self) -> str:
        return flatten(self.text)

    @cached_property
    def folded(self) -> str:
        return fold(self.flat)

    @cached_property
    def words(self) -> int:
        return len(self.flat.split())

    def replace_text(self, text: str):
        self.text = text
        for name in ("flat", "folded", "words"):
            self.__dict__.pop(name, None)

    def assign(self, role: str, reason: str, data: object = None):
        self.role, self.reason = role, reason
        if data is not None:
            self.data = data

    @property
    def standalone(self) -> bool:
        return self.gap_before > 0 and self.gap_after > 0


def source_lines(text: str) -> list[str]:
    """The text's lines, whatever their ends (LF, CRLF, CR), without invisible characters."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = UNSEEN.sub("", text.replace("\r\n", "\n"))
    return [line.rstrip() for line in text.splitlines()]


def to_lines(raw: list[str]) -> list[Line]:
    """The non-blank lines; the start and the end of the text count as paragraph boundaries."""
    lines: list[Line] = []
    gap = 1
    for number, text in enumerate(raw):
        if not text.strip():
            gap += 1
            continue
        if lines:
            lines[-1].gap_after = gap
        lines.append(Line(text.strip(), number, gap))
        gap = 0
    if lines:
        lines[-1].gap_after = gap + 1
    return lines
