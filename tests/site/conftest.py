"""Fixtures of the public site's tests: a small magazine with every kind of article."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, IssueFactory, SectionFactory


@pytest.fixture
def magazine(db):
    """Five published articles in one issue, plus one draft, one scheduled and one archived."""
    now = timezone.now()
    author = AuthorFactory(name="Manuel Jacquinet", role="Directeur de la rédaction")
    other = AuthorFactory(name="Romaine Klein")
    issue = IssueFactory(number=84, title="Spécial offshore")
    edito = SectionFactory(name="Édito")
    published = [
        ArticleFactory(
            title=f"Article publié {n}",
            authors=[author, other] if n % 2 else [other],
            tag_names=["crm", "offshore"] if n < 3 else ["crm"],
            issue=issue,
            issue_position=n,
            section=edito,
            published_at=now - timedelta(days=n + 1),
        )
        for n in range(5)
    ]
    in_issue = {"issue": issue, "issue_position": 2, "section": edito}
    hidden = {
        "draft": ArticleFactory(title="Brouillon secret", status=Article.Status.DRAFT, **in_issue),
        "review": ArticleFactory(
            title="Relecture secrète", status=Article.Status.REVIEW, **in_issue
        ),
        "archived": ArticleFactory(
            title="Archive retirée", status=Article.Status.ARCHIVED, **in_issue
        ),
        "scheduled": ArticleFactory(
            title="Programmé demain", published_at=now + timedelta(days=1), **in_issue
        ),
    }
    for article in hidden.values():
        article.tags.add("crm", "offshore", "secret")
        article.authors.add(author, through_defaults={"position": 0})
    return {"author": author, "issue": issue, "section": edito, "published": published, **hidden}
