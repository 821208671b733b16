"""A zip whose directory lies about a member's size is refused without inflating it.

The probe's archive: 1 MB, one member declared at 1,000 bytes that inflates to 1 GiB; reading
it sent the worker to 2.1 GB before the refusal. Members are now read in bounded chunks and
reading stops at the declared size.
"""

import io
import struct
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.admin.uploads import UploadError, read_uploads

INFLATED = 64 * 1024 * 1024
DECLARED = 1000


def lying_zip(inflated=INFLATED, declared=DECLARED):
    """A zip of one text member of `inflated` bytes whose directory says `declared`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("001.txt", b"Le texte. " * (inflated // 10))
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, declared)  # uncompressed size, central directory
    local = data.index(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, declared)  # and in the local header
    return bytes(data)


def test_the_forged_archive_declares_a_small_member():
    archive = zipfile.ZipFile(io.BytesIO(lying_zip()))
    assert [info.file_size for info in archive.infolist()] == [DECLARED]


def test_a_member_larger_than_declared_is_refused_within_a_few_megabytes():
    upload = SimpleUploadedFile("bombe.zip", lying_zip())
    tracemalloc.start()
    try:
        with pytest.raises(UploadError):
            read_uploads([upload])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 8 * 1024 * 1024
