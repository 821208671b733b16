"""Safe reading of the archive files an editor uploads on the admin's import page.

An upload is either several text files or one .zip archive. Nothing is trusted: the type is
judged from the bytes, not the name; the total size is capped (settings.IMPORT_UPLOAD_MAX_BYTES);
an archive is refused when it could expand into far more than it weighs (zip bomb), holds too
many members, or names a member outside itself ("../", absolute paths). Every refusal is an
`UploadError` whose message is written for the editor, in French.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.template.defaultfilters import filesizeformat

MAX_MEMBERS = 2000
# Prose compresses about 3 to 10 times; a member shrunk far more than that is a bomb.
MAX_RATIO = 100
# Below this size a member's ratio proves nothing (a run of blank lines compresses well).
RATIO_FLOOR = 1024 * 1024
UNCOMPRESSED_FACTOR = 5
CONTROL_SHARE = 0.01
# Members are inflated this much at a time (see read_member).
READ_CHUNK = 64 * 1024

ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
BINARY_SIGNATURES = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\xd0\xcf\x11\xe0",  # Word 97, Excel 97
    b"\x1f\x8b",  # gzip
    b"Rar!",
    b"7z\xbc\xaf",
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters other than tab, line feed, form feed and carriage return.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
DRIVE = re.compile(r"^[A-Za-z]:")


class UploadError(Exception):
    """An upload the import page refuses; the message is shown to the editor as is."""


@dataclass
class ReadUpload:
    """What an upload holds: (relative name, bytes) per text file, and what was left aside."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def max_upload_bytes():
    return settings.IMPORT_UPLOAD_MAX_BYTES


def max_uncompressed_bytes():
    return getattr(
        settings, "IMPORT_UNCOMPRESSED_MAX_BYTES", UNCOMPRESSED_FACTOR * max_upload_bytes()
    )


def size_error(size):
    return UploadError(
        f"Envoi trop volumineux ({filesizeformat(size)}) : la limite est de "
        f"{filesizeformat(max_upload_bytes())}. Envoyez l'archive en plusieurs fois, ou "
        "importez-la sur le serveur avec la commande « manage.py import_corpus »."
    )


def is_zip(data):
    return data.startswith(ZIP_SIGNATURES)


def is_text(data):
    """Whether `data` reads as text: no binary signature, (almost) no control characters.

    UTF-16 files are full of NUL bytes, so they count as text only when they decode.
    """
    if data.startswith(UTF16_BOMS):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError:
            return False
        return True
    if data.startswith(ZIP_SIGNATURES + BINARY_SIGNATURES) or b"\x00" in data:
        return False
    sample = data[:65536]
    return len(CONTROL_BYTES.findall(sample)) <= CONTROL_SHARE * max(len(sample), 1)


def read_uploads(uploaded_files):
    """Read Django `UploadedFile`s into a `ReadUpload`, or raise `UploadError`."""
    uploaded_files = list(uploaded_files)
    if not uploaded_files:
        raise UploadError("Choisissez au moins un fichier .txt ou une archive .zip.")
    total = sum(upload.size for upload in uploaded_files)
    if total > max_upload_bytes():
        raise size_error(total)

    contents = [(upload.name, upload.read()) for upload in uploaded_files]
    zips = [name for name, data in contents if is_zip(data)]
    if zips and len(contents) > 1:
        raise UploadError(
            "Envoyez soit des fichiers texte, soit une seule archive .zip, pas les deux à la fois."
        )
    if zips:
        return read_zip(contents[0][1])

    seen = set()
    for name, data in contents:
        if not is_text(data):
            raise UploadError(
                f"« {name} » n'est pas un fichier texte : seuls les .txt de l'archive et les "
                ".zip qui les contiennent sont acceptés."
            )
        if name in seen:
            raise UploadError(f"Deux fichiers portent le même nom : « {name} ».")
        seen.add(name)
    return ReadUpload(files=contents)


def safe_member_name(name):
    """The member's path as a relative POSIX path, or raise when it points outside the archive."""
    path = name.replace("\\", "/")
    if path.startswith("/") or DRIVE.match(path):
        raise UploadError(
            f"Archive refusée : le fichier « {name} » porte un chemin absolu. Les fichiers "
            "d'une archive doivent rester dans son dossier."
        )
    if ".." in PurePosixPath(path).parts:
        raise UploadError(
            f"Archive refusée : le fichier « {name} » remonte hors de l'archive (« ../ »). Les "
            "fichiers d'une archive doivent rester dans son dossier."
        )
    return path


def is_clutter(path):
    """Folders, macOS resource forks and hidden files: nothing an editor put there on purpose."""
    parts = PurePosixPath(path).parts
    return path.endswith("/") or parts[0] == "__MACOSX" or parts[-1].startswith(".")


def read_zip(data):
    """Read the .txt members of a zip archive, refusing bombs and escaping paths."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise UploadError(f"Archive .zip illisible : {error}.") from error
    if len(members) > MAX_MEMBERS:
        raise UploadError(
            f"Archive refusée : elle contient {len(members)} fichiers, la limite est de "
            f"{MAX_MEMBERS}. Découpez-la en plusieurs envois."
        )

    declared = 0
    for info in members:
        safe_member_name(info.filename)
        if info.flag_bits & 0x1:
            raise UploadError(f"Archive refusée : « {info.filename} » est chiffré.")
        declared += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise UploadError(
                f"Archive refusée : « {info.filename} » se décompresse {int(ratio)} fois plus "
                "gros qu'il ne pèse, ce qui n'arrive pas avec du texte (bombe de décompression)."
            )
    if declared > max_uncompressed_bytes():
        raise UploadError(
            f"Archive refusée : décompressée, elle pèserait {filesizeformat(declared)}, la limite "
            f"est de {filesizeformat(max_uncompressed_bytes())}."
        )

    result = ReadUpload()
    for info in members:
        path = safe_member_name(info.filename)
        if is_clutter(path):
            continue
        if not path.lower().endswith(".txt"):
            result.ignored.append(path)
            continue
        content = read_member(archive, info)
        if not is_text(content):
            raise UploadError(f"Archive refusée : « {path} » n'est pas un fichier texte.")
        result.files.append((path, content))
    if not result.files:
        raise UploadError("L'archive ne contient aucun fichier .txt.")
    result.files = strip_common_folder(result.files)
    return result


def read_member(archive, info):
    """A member's bytes, read in chunks of READ_CHUNK; a member whose directory entry lies
    about its size is refused.

    Never read a member whole: zipfile inflates what one compressed block holds before
    cutting it to the declared size, and a 1 MB block of zeros is a gigabyte. In bounded
    chunks, zipfile stops at the declared size (which the checks above bounded) and verifies
    the CRC there, so a forged size ends in an error, caught here.
    """
    chunks = []
    try:
        with archive.open(info) as member:
            while chunk := member.read(READ_CHUNK):
                chunks.append(chunk)
    except (zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as error:
        raise UploadError(
            f"Archive refusée : « {info.filename} » est illisible ou ne correspond pas à ce "
            "que l'archive annonce."
        ) from error
    return b"".join(chunks)


def strip_common_folder(files):
    """Drop a folder that holds everything ("archive/001.txt" → "001.txt").

    Names are the importer's provenance keys: the command, given that folder, names its files
    the same way, so the same file imported either way updates one article.
    """
    firsts = {PurePosixPath(name).parts[0] for name, _ in files}
    if len(firsts) != 1 or any(len(PurePosixPath(name).parts) < 2 for name, _ in files):
        return files
    return [
        (PurePosixPath(*PurePosixPath(name).parts[1:]).as_posix(), data) for name, data in files
    ]
