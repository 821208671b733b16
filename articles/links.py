"""Addresses of the pages named by a slug (an article, a tag, an author, a section), built
without running the URL resolver at each call.

A list page shows some 150 such links; `reverse()` cost about a third of its rendering
(bench/analysis.md). The address of each URL name is reversed once per script prefix with a
placeholder, and a slug is put in its place: slugs hold only characters addresses keep as they
are, and the resolver itself is unchanged until the process restarts.
"""

from django.urls import get_script_prefix, reverse

PLACEHOLDER = "slug-placeholder"
_addresses = {}


def slug_url(url_name, slug):
    """`reverse(url_name, kwargs={"slug": slug})`, from the address reversed once."""
    if not slug:
        return reverse(url_name, kwargs={"slug": slug})  # raises NoReverseMatch, as reverse does
    key = (url_name, get_script_prefix())
    parts = _addresses.get(key)
    if parts is None:
        parts = _addresses[key] = reverse(url_name, kwargs={"slug": PLACEHOLDER}).split(PLACEHOLDER)
    return f"{parts[0]}{slug}{parts[1]}"


def named_url(url_name):
    """`reverse(url_name)` for a page without arguments (the menu's), reversed once."""
    key = (url_name, get_script_prefix())
    address = _addresses.get(key)
    if address is None:
        address = _addresses[key] = reverse(url_name)
    return address
