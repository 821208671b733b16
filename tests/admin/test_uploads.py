"""Reading uploaded archive files safely: sizes, types by content, zip bombs, escaping paths."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.admin.uploads import UploadError, is_text, read_uploads

TEXT = "Publié le 25 avril 2018 à 09:42 par Magazine En-Contact\n\nLe texte.\n".encode()


def upload(name, data):
    return SimpleUploadedFile(name, data)


def zipped(members, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refusal(*files):
    with pytest.raises(UploadError) as error:
        read_uploads(files)
    return str(error.value)


def test_several_text_files_are_read_with_their_names():
    read = read_uploads([upload("001.txt", TEXT), upload("002.txt", TEXT)])
    assert [name for name, _ in read.files] == ["001.txt", "002.txt"]


def test_text_is_recognised_by_content_whatever_its_name():
    read = read_uploads([upload("notes.dat", TEXT)])
    assert read.files == [("notes.dat", TEXT)]


def test_a_png_named_txt_is_refused():
    message = refusal(upload("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)))
    assert "n'est pas un fichier texte" in message


def test_a_pdf_is_refused():
    assert "n'est pas un fichier texte" in refusal(upload("a.txt", b"%PDF-1.7\n..."))


def test_windows_1252_text_counts_as_text():
    assert is_text("Publié à l'été, « cœur »".encode("cp1252")) is True


def test_utf16_text_with_a_bom_counts_as_text():
    assert is_text("Publié le 25 avril".encode("utf-16")) is True


def test_upload_over_the_limit_is_refused_with_the_limit(settings):
    settings.IMPORT_UPLOAD_MAX_BYTES = 1000
    message = refusal(upload("big.txt", b"a" * 1001))
    assert "trop volumineux" in message and "1000" in message


def test_nothing_uploaded_is_refused():
    assert "au moins un fichier" in refusal()


def test_a_zip_and_text_files_together_are_refused():
    message = refusal(upload("a.zip", zipped({"a.txt": TEXT})), upload("b.txt", TEXT))
    assert "pas les deux" in message


def test_zip_members_are_read_without_their_common_folder():
    read = read_uploads(
        [upload("a.zip", zipped({"archive/001.txt": TEXT, "archive/sub/002.txt": TEXT}))]
    )
    assert [name for name, _ in read.files] == ["001.txt", "sub/002.txt"]


def test_zip_clutter_is_skipped_and_other_files_are_listed_as_ignored():
    data = zipped(
        {"001.txt": TEXT, "__MACOSX/._001.txt": b"x", ".DS_Store": b"x", "cover.jpg": b"x"}
    )
    read = read_uploads([upload("a.zip", data)])
    assert ([name for name, _ in read.files], read.ignored) == (["001.txt"], ["cover.jpg"])


def test_zip_is_recognised_by_content_whatever_its_name():
    read = read_uploads([upload("archive.bin", zipped({"001.txt": TEXT}))])
    assert len(read.files) == 1


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "..\\evil.txt"])
def test_zip_member_climbing_out_is_refused(name):
    assert "remonte hors de l'archive" in refusal(upload("a.zip", zipped({name: TEXT})))


@pytest.mark.parametrize("name", ["/etc/cron.d/evil.txt", "C:/evil.txt"])
def test_zip_member_with_an_absolute_path_is_refused(name):
    assert "chemin absolu" in refusal(upload("a.zip", zipped({name: TEXT})))


def test_zip_bomb_is_refused_by_its_compression_ratio():
    bomb = zipped({"bomb.txt": b"\n" * (20 * 1024 * 1024)})
    assert "bombe de décompression" in refusal(upload("a.zip", bomb))


def test_zip_expanding_beyond_the_total_limit_is_refused(settings):
    settings.IMPORT_UPLOAD_MAX_BYTES = 10_000
    data = zipped({f"{i}.txt": TEXT * 50 for i in range(20)})
    assert "décompressée, elle pèserait" in refusal(upload("a.zip", data))


def test_zip_lying_about_its_sizes_is_refused():
    data = bytearray(zipped({"a.txt": b"z" * 5000}, compression=zipfile.ZIP_DEFLATED))
    # Forge the central directory's uncompressed size (offset 24 of the entry) down to 10.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    assert "ne correspond pas à ce que l'archive annonce" in refusal(upload("a.zip", bytes(data)))


def test_zip_with_too_many_members_is_refused(monkeypatch):
    monkeypatch.setattr("articles.admin.uploads.MAX_MEMBERS", 3)
    data = zipped({f"{i}.txt": TEXT for i in range(4)})
    assert "contient 4 fichiers" in refusal(upload("a.zip", data))


def test_zip_holding_a_binary_txt_is_refused():
    data = zipped({"a.txt": b"\x89PNG\r\n\x1a\n" + bytes(100)})
    assert "n'est pas un fichier texte" in refusal(upload("a.zip", data))


def test_zip_without_text_files_is_refused():
    assert "aucun fichier .txt" in refusal(upload("a.zip", zipped({"a.jpg": b"x"})))


def test_damaged_zip_is_refused():
    assert "illisible" in refusal(upload("a.zip", b"PK\x03\x04 not really a zip"))
