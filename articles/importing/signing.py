"""Signatures in a text: bylines anywhere, the closing lines that sign it (a name with its
role or handle, an author box, two signers, initials), or a name with its role under the title.
"""

import re

from articles.importing.lines import BYLINE, HANDLE, SENTENCE_ENDS, SIGNATURE, is_prose
from articles.importing.opening import opening
from articles.importing.reading import TEXT, Line
from articles.importing.records import ParsedAuthor
from articles.importing.signatures import is_name, is_role, name_and_role, normalise_name
from articles.importing.surroundings import is_note
from textkit.folding import fold

ROLE_AND_INITIALS = re.compile(r"^(?:le |la |l')?(?P<role>[^,]{3,50}),\s?[a-z]{1,3}\.?$")

SIGNERS_SEPARATOR = re.compile(r"\s?,\s|\s(?:et|and|&)\s")

# "Billet d’ Olivier Ramel publié le 3 juillet 2012 sur son blog": a reprint's title naming its
# writer.
TITLE_CREDIT = re.compile(
    r"^(?:article|billet|chronique|tribune|texte|edito|editorial|lettre)\s(?:de|d')\s?"
    r"(?P<name>.+?)\s(?:paru|parue|publie|publiee|dans|sur|pour)\b"
)
INITIALS = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]\.(?:-[A-ZÀ-ÖØ-Þ]\.)?\s?){2,3}$")  # "M. R.", "J.-P. L."


def read_signatures(rest: list[Line]) -> list[ParsedAuthor]:
    """Authors from bylines anywhere, else a signature at the end (or just under the title)."""
    authors: list[ParsedAuthor] = []
    for index, line in enumerate(rest):
        if line.role == BYLINE:
            for author in line.data:
                authors.append(complete_author(author, rest, index))
    if not authors:
        authors = tail_signature(rest) or head_signature(rest)
    else:
        sign_again(rest, {author.name for author in authors})
    handles = [line for line in rest if line.role == HANDLE]
    if len(authors) == 1 and handles and authors[0].handle is None:
        authors[0] = ParsedAuthor(authors[0].name, authors[0].role, handles[0].data)
    for line in handles:
        if authors:
            line.assign(SIGNATURE, "identifiant de l'auteur")
        else:
            line.assign(TEXT, "identifiant sans auteur : gardé dans le texte")
    return list(dict.fromkeys(authors))


def sign_again(rest: list[Line], names: set[str]) -> None:
    """The byline's name closing the text again ("Par Sophie Lemarchand" … "Sophie
    Lemarchand"): a signature, not the text's last line."""
    last = next((line for line in reversed(rest) if line.role == TEXT), None)
    if last is not None and is_name(last.flat) and normalise_name(last.flat) in names:
        last.assign(SIGNATURE, "signature en fin de texte, le nom de la signature « par »")


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
            or (index == len(tail) - 1 and lowercase_signature(last.flat))
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
    if initials and (name := lowercase_signature(text)):
        return [ParsedAuthor(name)]
    return []


def lowercase_signature(text: str) -> str | None:
    """ "Manuel jacquinet." closing a text: a signature typed without its capitals (three
    testers of three on rounds 87-90), as the name it stands for."""
    if not text.rstrip().endswith("."):  # "Cet astér": a page cut in a word
        return None
    words = text.strip().rstrip(".").split()
    if len(words) != 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return None
    name = f"{words[0]} {words[1][:1].upper()}{words[1][1:]}"
    return name if is_name(name) else None


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


def title_credit(title: str) -> list[ParsedAuthor]:
    """The writer a reprint's title names ("Article d’Étienne Ferrand paru le 3 juillet …")."""
    found = TITLE_CREDIT.match(fold(title))
    if found is None:
        return []
    name = title[found.start("name") : found.end("name")].strip()
    return [ParsedAuthor(normalise_name(name))] if is_name(name) else []
