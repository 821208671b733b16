"""Names only unpublished articles use stay unknown to readers, whatever slug they guess.

A section, tag or author used by drafts alone once showed in the list's section drop-down, and
as a chip when its slug was guessed (`?tag=…`, `?author=…`).
"""

import pytest

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_only(db):
    """A published article, and a draft with its own section, tag and author."""
    ArticleFactory(title="Publié", section=SectionFactory(name="Rubrique publique"))
    author = AuthorFactory(name="Plume Secrète")
    draft = ArticleFactory(
        title="Brouillon",
        status=Article.Status.DRAFT,
        section=SectionFactory(name="Rubrique cachée"),
        tag_names=["projet-secret"],
        authors=[author],
    )
    return {"draft": draft, "author": author}


def test_the_section_drop_down_shows_published_sections_only(client, draft_only):
    response = client.get("/articles/")

    assert ("Rubrique publique" in response.text, "Rubrique cachée" in response.text) == (
        True,
        False,
    )


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("tag=projet-secret", "projet-secret"),
        ("author=plume-secrete", "Plume Secrète"),
        ("section=rubrique-cachee", "Rubrique cachée"),
    ],
)
def test_a_guessed_slug_used_by_drafts_only_is_unknown(client, draft_only, query, name):
    response = client.get(f"/articles/?{query}")

    assert (response.status_code, name in response.content.decode()) == (404, False)
