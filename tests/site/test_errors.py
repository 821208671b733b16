"""The 404 and 500 pages wear the site's design, in French."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_404_page_is_in_the_sites_design(client, db):
    response = client.get("/articles/nulle-part/")

    assert [
        response.status_code,
        "Cette page n'existe pas" in response.text,
        'class="skip-link"' in response.text,
        'action="/recherche/"' in response.text,
    ] == [404, True, True, True]


def test_500_page_is_in_the_sites_design_and_needs_no_database():
    # Without the `db` fixture, any query would fail this test.
    response = server_error(RequestFactory().get("/"))

    assert (response.status_code, "Un incident nous empêche" in response.text) == (500, True)


def test_500_page_renders_when_the_static_manifest_is_missing(settings, tmp_path):
    # As in production before (or after a failed) collectstatic: no staticfiles.json.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    response = server_error(RequestFactory().get("/"))

    assert (
        response.status_code,
        "Un incident nous empêche" in response.text,
        'href="/static/css/site.css"' in response.text,
    ) == (500, True, True)
