"""`make accuracy`: every article of both truth corpora is read as an editor would read it."""

import json
from pathlib import Path

import pytest

from articles.importing import parse_bytes
from articles.importing.accuracy import Score, compare, percent, score_corpus

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
CORPORA = [FIXTURES / "corpus", FIXTURES / "layouts"]


def truth_cases():
    for folder in CORPORA:
        truth = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["files"]
        for name, entry in truth.items():
            yield pytest.param(folder, name, entry, id=f"{folder.name}/{name}")


@pytest.mark.parametrize(("folder", "name", "entry"), list(truth_cases()))
def test_every_article_is_read_as_the_editor_reads_it(folder, name, entry):
    articles = [a.as_report() for a in parse_bytes((folder / name).read_bytes()).articles]
    wrong = {
        index: sorted(key for key, right in compare(got, want).items() if not right)
        for index, (got, want) in enumerate(zip(articles, entry["articles"], strict=False))
    }
    left = [c for c in entry.get("chrome", []) for a in articles if c in a["body"]]
    assert (len(articles), {i: keys for i, keys in wrong.items() if keys}, left) == (
        len(entry["articles"]),
        {},
        [],
    )


def test_the_layout_corpus_is_large_enough_to_mean_something():
    truth = json.loads((FIXTURES / "layouts" / "expected.json").read_text(encoding="utf-8"))
    files = [name for name in truth["files"] if (FIXTURES / "layouts" / name).exists()]
    assert len(files) >= 60


def test_a_wrong_field_is_counted_as_a_miss_with_its_value():
    score = Score()
    want = {"title": "Le vrai titre", "body_starts": "Un", "authors": []}
    score.add("page.txt", 0, {"title": "AMBUSH", "body": "Un texte", "needs_review": True}, want)
    assert (score.exact, score.wrong, score.flagged_wrong, score.misses) == (
        0,
        1,
        1,
        ["page.txt#0 « Le vrai titre » (signalé): title='AMBUSH'"],
    )


def test_a_page_without_a_title_is_scored_without_failing():
    """A truth may say a page shows no title (null): the parser's guess is then a miss."""
    score = Score()
    want = {"title": None, "body_starts": "Un", "authors": []}
    score.add("page.txt", 0, {"title": "Un texte…", "body": "Un texte"}, want)
    assert (score.wrong, score.misses) == (1, ["page.txt#0 «  »: title='Un texte…'"])


def test_a_missing_article_counts_as_flagged_only_when_its_page_is():
    want = {"title": "Le second billet", "body_starts": "Un", "authors": []}
    score = Score()
    score.add("page.txt", 1, None, want, page_flagged=True)
    score.add("autre.txt", 1, None, want, page_flagged=False)
    assert (score.wrong, score.flagged_wrong) == (2, 1)
    assert score.misses == [
        "page.txt#1: article manquant « Le second billet » (page signalée)",
        "autre.txt#1: article manquant « Le second billet »",
    ]


def test_a_partial_page_is_judged_only_on_what_its_truth_states():
    want = {"title": "Coupé", "body_starts": "Début", "partial": True}
    checks = compare({"title": "Coupé", "body": "Début du texte", "issue_number": 7}, want)
    assert checks == {"title": True, "body_starts": True}


def test_missing_and_extra_articles_are_wrong_and_unflagged(tmp_path):
    (tmp_path / "a.txt").write_text("Un titre\n\n" + "Une phrase de texte assez longue. " * 9)
    truth = {"title": "Un titre", "body_starts": "Une phrase", "authors": []}
    (tmp_path / "expected.json").write_text(
        json.dumps({"files": {"a.txt": {"articles": [truth, truth]}}})
    )
    score = score_corpus(tmp_path)
    assert (score.articles, score.exact, score.wrong, score.flagged_wrong) == (2, 1, 1, 0)


def test_a_rate_short_of_every_article_never_reads_100_percent():
    assert percent(1493, 1495) == "99 %"
    assert percent(8, 8) == "100 %"
    assert percent(0, 0) == "—"
