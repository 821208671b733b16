"""Uploads go to MEDIA_ROOT, or to an S3-compatible bucket switched on by MEDIA_S3_BUCKET."""

import os
import subprocess
import sys
from pathlib import Path

from encontact.settings import media_origin, media_storage

ROOT = Path(__file__).resolve().parents[1]
BUCKET = {
    "MEDIA_S3_BUCKET": "encontact-media",
    "MEDIA_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
    "MEDIA_S3_REGION": "fr-par",
    "MEDIA_S3_CUSTOM_DOMAIN": "media.en-contact.fr",
}


def test_uploads_stay_on_disk_without_a_bucket():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_switches_uploads_to_django_storages():
    assert media_storage(BUCKET) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "encontact-media",
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
            "object_parameters": {"CacheControl": "max-age=31536000, public"},
            "endpoint_url": "https://s3.fr-par.scw.cloud",
            "region_name": "fr-par",
            "custom_domain": "media.en-contact.fr",
        },
    }


def test_django_storages_accepts_the_options_and_gives_lasting_public_addresses():
    from storages.backends.s3 import S3Storage

    storage = S3Storage(**media_storage(BUCKET)["OPTIONS"])

    assert storage.url("articles/2026/11/plateau.jpg") == (
        "https://media.en-contact.fr/articles/2026/11/plateau.jpg"
    )


def test_images_from_the_bucket_are_allowed_by_the_content_security_policy():
    assert (
        media_origin({}),
        media_origin(BUCKET),
        media_origin({"MEDIA_S3_BUCKET": "b", "MEDIA_S3_ENDPOINT_URL": "https://minio.local:9000"}),
        media_origin({"MEDIA_S3_BUCKET": "b"}),
    ) == (
        None,
        "https://media.en-contact.fr",
        "https://minio.local:9000",
        "https://*.amazonaws.com",
    )


def storage_in_a_fresh_process(env):
    """The default storage's class, and whether django-storages was imported at all."""
    code = (
        "import sys, django; django.setup();"
        "from django.core.files.storage import storages;"
        "print(type(storages['default']).__name__, 'storages' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "encontact.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout.split(), result.stderr


def test_django_storages_is_imported_only_when_a_bucket_is_set():
    without = dict.fromkeys(BUCKET, "")

    assert (storage_in_a_fresh_process(without), storage_in_a_fresh_process(BUCKET)) == (
        (["FileSystemStorage", "False"], ""),
        (["S3Storage", "True"], ""),
    )
