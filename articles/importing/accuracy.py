"""How well the parser reads a corpus whose truth an editor wrote down: `make accuracy`.

A corpus is a folder of archive pages with an `expected.json` (the format of the shared demo
corpus: per file, the articles a careful editor extracts and the furniture that must not stay in
a body). Fields are compared as the project's scorer compares them (titles and bodies after
whitespace normalisation, authors after accent and case folding, dates to the minute or the
day); an article marked `"partial": true` (a page cut short) is judged on the fields its truth
states. Besides the per-field counts it reports whether the « à relire » flag is predictive:
how many wrong articles carry it and how many right ones do.

    python -m articles.importing.accuracy fixtures/corpus fixtures/layouts [-v]
"""

import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from articles.importing.parser import parse_bytes
from textkit.folding import fold

FIELDS = (
    "title",
    "authors",
    "author_role",
    "author_handle",
    "published",
    "issue_number",
    "category",
    "tags",
    "standfirst",
    "photo_credit",
    "body_starts",
    "body_ends",
)
ALWAYS_JUDGED = {"title", "body_starts"}


def norm(text) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text)).replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).strip()


def loose(text) -> str:
    """How names, roles, handles, sections and tags are compared: normalised, then folded."""
    return fold(norm(text) or "")


def compare(got: dict, want: dict) -> dict[str, bool]:
    """Field → right or wrong, for one article of the report against its truth."""
    checks = {"title": norm(got.get("title")) == norm(want["title"])}
    got_authors = got.get("authors") or []
    checks["authors"] = sorted(loose(a["name"]) for a in got_authors) == sorted(
        loose(a["name"]) for a in want.get("authors") or []
    )
    for author in want.get("authors") or []:
        match = next((a for a in got_authors if loose(a["name"]) == loose(author["name"])), {})
        if author.get("role"):
            checks["author_role"] = loose(match.get("role")) == loose(author["role"])
        if author.get("handle"):
            checks["author_handle"] = loose(match.get("handle")).lstrip("@") == loose(
                author["handle"]
            ).lstrip("@")
    wanted, published = want.get("published"), got.get("published")
    checks["published"] = (wanted is None and published is None) or (
        wanted is not None
        and published is not None
        and published[: len(wanted[:16])] == wanted[:16]
    )
    checks["issue_number"] = got.get("issue_number") == want.get("issue_number")
    wanted, category = want.get("category"), got.get("category")
    checks["category"] = (wanted is None and not category) or (
        wanted is not None
        and category is not None
        and loose(category).startswith(loose(wanted)[:5])
    )
    checks["tags"] = sorted(map(loose, got.get("tags") or [])) == sorted(
        map(loose, want.get("tags") or [])
    )
    checks["standfirst"] = (
        norm(got.get("standfirst")) == norm(want["standfirst"])
        if want.get("standfirst")
        else not got.get("standfirst")
    )
    if want.get("photo_credit"):
        checks["photo_credit"] = norm(want["photo_credit"]) in (norm(got.get("photo_credit")) or "")
    body = norm(got.get("body")) or ""
    checks["body_starts"] = body.startswith(norm(want["body_starts"]))
    if want.get("body_ends"):
        checks["body_ends"] = body.endswith(norm(want["body_ends"]))
    if want.get("partial"):
        given = set(want) | ({"author_role", "author_handle"} if "authors" in want else set())
        checks = {k: v for k, v in checks.items() if k in given or k in ALWAYS_JUDGED}
    return checks


@dataclass
class Score:
    """The tally of one or more corpora."""

    articles: int = 0
    exact: int = 0
    right: Counter = field(default_factory=Counter)
    judged: Counter = field(default_factory=Counter)
    furniture: int = 0
    flagged_wrong: int = 0
    wrong: int = 0
    flagged_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(
        self,
        name: str,
        index: int,
        got: dict | None,
        want: dict | None,
        page_flagged: bool = False,
    ):
        """One article: `got` is None when the parser found fewer, `want` when it found more.

        A missing article's text went into another article of its page: it counts as flagged
        when that page has a flagged article (`page_flagged`), the one an editor will open."""
        self.articles += want is not None
        checks = compare(got or {}, want) if want is not None else {}
        for key, value in checks.items():
            self.judged[key] += 1
            self.right[key] += value
        bad = [key for key, value in checks.items() if not value]
        flagged = bool(got.get("needs_review")) if got else page_flagged
        if want is not None and got is not None and not bad:
            self.exact += 1
            self.flagged_right += flagged
            return
        self.wrong += 1
        self.flagged_wrong += flagged
        label = f"{name}#{index}"
        if want is None:
            self.misses.append(f"{label}: article en trop « {(got['title'] or '')[:60]} »")
        elif got is None:
            where = " (page signalée)" if flagged else ""
            self.misses.append(f"{label}: article manquant « {(want['title'] or '')[:60]} »{where}")
        else:
            details = ", ".join(f"{key}={shown(key, got)!r}" for key in bad)
            where = " (signalé)" if flagged else ""
            self.misses.append(f"{label} « {(want['title'] or '')[:40]} »{where}: {details}")

    def lines(self, verbose: bool = False) -> list[str]:
        out = [f"{key:<14} {self.right[key]:>4}/{self.judged[key]:<4}" for key in FIELDS]
        out.append(
            f"articles exacts : {self.exact}/{self.articles} ({percent(self.exact, self.articles)})"
        )
        out.append(f"décor resté dans un texte : {self.furniture}")
        out.append(
            f"signalés « à relire » : {self.flagged_wrong}/{self.wrong} des articles faux, "
            f"{self.flagged_right}/{self.exact} des articles justes"
        )
        if verbose or self.misses:
            out.extend(self.misses)
        return out


def shown(key: str, got: dict):
    if key == "body_starts":
        return (norm(got.get("body")) or "")[:60]
    if key == "body_ends":
        return (norm(got.get("body")) or "")[-60:]
    return got.get(key.removeprefix("author_") if key.startswith("author_") else key)


def percent(part: int, whole: int) -> str:
    """Rounded down, so that 1,493 of 1,495 never reads "100 %"."""
    return f"{100 * part // whole} %" if whole else "—"


def score_corpus(folder: Path, score: Score | None = None, *, parse=parse_bytes) -> Score:
    """Parse every file of `folder` that its expected.json names, and tally the result."""
    score = score or Score()
    truth = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for name, expected in truth["files"].items():
        want = expected.get("articles", [])
        got = [article.as_report() for article in parse((folder / name).read_bytes()).articles]
        for article in got:
            body = norm(article["body"]) or ""
            for chrome in expected.get("chrome", []):
                if norm(chrome) in body:
                    score.furniture += 1
                    score.misses.append(f"{name}: décor « {chrome} » resté dans le texte")
        page_flagged = any(article["needs_review"] for article in got)
        for index in range(max(len(want), len(got))):
            score.add(
                name,
                index,
                got[index] if index < len(got) else None,
                want[index] if index < len(want) else None,
                page_flagged,
            )
    return score


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(arg) for arg in argv if arg != "-v"]
    total = Score()
    for folder in folders:
        score = score_corpus(folder)
        print(f"== {folder}")
        print("\n".join(score.lines(verbose)))
        for key in ("articles", "exact", "furniture", "flagged_wrong", "wrong", "flagged_right"):
            setattr(total, key, getattr(total, key) + getattr(score, key))
    if len(folders) > 1:
        rate = percent(total.exact, total.articles)
        print(f"== total : {total.exact}/{total.articles} articles exacts ({rate})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
