"""The seed corpus against what a careful editor extracts (fixtures/corpus/expected.json)."""

import json
from pathlib import Path

import pytest

from articles.importing import parse_bytes

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]
CASES = [
    (name, position, expected)
    for name, entry in EXPECTED.items()
    for position, expected in enumerate(entry["articles"])
]


def published(value):
    return value.isoformat() if value is not None else None


@pytest.fixture(scope="module")
def parsed():
    return {name: parse_bytes((CORPUS / name).read_bytes()) for name in EXPECTED}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_file_gives_the_expected_number_of_articles(parsed, name):
    assert len(parsed[name].articles) == len(EXPECTED[name]["articles"])


@pytest.mark.parametrize(("name", "position", "expected"), CASES)
def test_article_fields_match_the_editor(parsed, name, position, expected):
    article = parsed[name].articles[position]
    got = {
        "title": article.title,
        "authors": [{"name": a.name, "role": a.role, "handle": a.handle} for a in article.authors],
        "published": published(article.published),
        "issue_number": article.issue_number,
        "category": article.category,
        "tags": article.tags,
        "standfirst": article.standfirst,
        "photo_credit": article.photo_credit,
    }
    wanted = {
        "title": expected["title"],
        "authors": [
            {"name": a["name"], "role": a.get("role"), "handle": a.get("handle")}
            for a in expected["authors"]
        ],
        "published": expected["published"],
        "issue_number": expected["issue_number"],
        "category": expected["category"],
        "tags": expected["tags"],
        "standfirst": expected["standfirst"],
        "photo_credit": expected.get("photo_credit"),
    }
    assert got == wanted


@pytest.mark.parametrize(("name", "position", "expected"), CASES)
def test_body_starts_and_ends_where_the_editor_says(parsed, name, position, expected):
    body = parsed[name].articles[position].body
    assert (body[: len(expected["body_starts"])], body[-len(expected["body_ends"]) :]) == (
        expected["body_starts"],
        expected["body_ends"],
    )


@pytest.mark.parametrize("name", EXPECTED)
def test_no_site_chrome_in_any_body(parsed, name):
    bodies = [article.body for article in parsed[name].articles]
    leftovers = [chrome for chrome in EXPECTED[name]["chrome"] for body in bodies if chrome in body]
    assert leftovers == []


@pytest.mark.parametrize(
    ("name", "position", "expected"), [case for case in CASES if "kind" in case[2]]
)
def test_kind_and_interviewee(parsed, name, position, expected):
    article = parsed[name].articles[position]
    assert (article.kind, article.interviewee) == (expected["kind"], expected.get("interviewee"))


@pytest.mark.parametrize(("name", "position", "expected"), CASES)
def test_missing_author_or_date_is_left_empty_and_noted(parsed, name, position, expected):
    article = parsed[name].articles[position]
    noted = {
        "authors": any("auteur" in note for note in article.notes),
        "published": any("date de publication" in note for note in article.notes),
    }
    assert noted == {field: not expected[field] for field in noted}


def test_the_blog_page_keeps_each_post_apart(parsed):
    posts = parsed["004_94a55e2e95f20323.txt"].articles
    assert [post.position for post in posts] == [0, 1, 2, 3]
    assert "Chrissy Wainwright" not in posts[2].body + posts[3].body
    assert all(post.raw.lstrip().startswith(post.title[:20]) for post in posts)


def test_every_article_gets_suggested_tags_from_the_thesaurus(parsed):
    articles = [article for file in parsed.values() for article in file.articles]
    assert all(article.suggested_tags for article in articles)
    assert all(article.tags == [] for article in articles)


def test_parsing_is_deterministic():
    data = (CORPUS / "004_94a55e2e95f20323.txt").read_bytes()
    assert parse_bytes(data) == parse_bytes(data)
