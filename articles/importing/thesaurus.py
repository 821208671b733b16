"""Suggested tags: the magazine's subjects and the words that reveal them.

An article "clearly treats" a subject when its variants come up at least twice in the text, or
once in the title. The list lives in fixtures/thesaurus.json and in the back office.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from textkit.folding import fold

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "thesaurus.json"
MAX_SUGGESTIONS = 5
TITLE_WEIGHT = 2
THRESHOLD = 2


@dataclass(frozen=True)
class Subject:
    name: str
    variants: tuple[str, ...] | list[str] = ()


def load_thesaurus(path: Path | None = None) -> list[Subject]:
    path = path or DEFAULT_FILE
    if not path.exists():
        return []
    entries = json.loads(path.read_text(encoding="utf-8"))
    return [Subject(entry["name"], tuple(entry.get("variants", ()))) for entry in entries]


@lru_cache(maxsize=1)
def default_thesaurus() -> tuple[Subject, ...]:
    return tuple(load_thesaurus())


def variant_words(variant: str) -> list[str]:
    return [word for word in re.split(r"[\s'’-]+", fold(variant)) if word]


def subject_form(name: str, variants) -> str:
    """A subject's name and variants as one pattern, singular or plural, any spacing."""
    forms = [
        r"[\s'-]*".join(re.escape(word) + r"(?:s|x)?" for word in variant_words(variant))
        for variant in sorted({name, *variants})
    ]
    return "|".join(sorted(filter(None, forms), key=len, reverse=True))


@lru_cache(maxsize=8)
def thesaurus_pattern(subjects: tuple[tuple[str, tuple[str, ...]], ...]) -> re.Pattern:
    """Every subject in one pattern (one scan of the text), a named group per subject.

    A lookahead on the letters the subjects start with comes first, so that the engine tries
    the alternatives only there (a sixth faster on the magazine's pages)."""
    groups = "|".join(
        f"(?P<s{number}>{subject_form(name, variants)})"
        for number, (name, variants) in enumerate(subjects)
    )
    initials = "".join(
        sorted(
            {
                words[0][0]
                for name, variants in subjects
                for variant in (name, *variants)
                if (words := variant_words(variant))
            }
        )
    )
    lookahead = f"(?=[{re.escape(initials)}])" if initials else ""
    return re.compile(rf"(?<![a-z0-9]){lookahead}(?:{groups})(?![a-z0-9])")


def suggest(title: str, text: str, subjects, exclude=()) -> list[str]:
    """Names of the subjects an article clearly treats, the most present first."""
    subjects = tuple((subject.name, tuple(subject.variants)) for subject in subjects)
    if not subjects:
        return []
    pattern = thesaurus_pattern(subjects)
    scores = [0] * len(subjects)
    for weight, part in ((TITLE_WEIGHT, title), (1, text)):
        for match in pattern.finditer(fold(part)):
            scores[int(match.lastgroup[1:])] += weight
    excluded = {fold(tag) for tag in exclude}
    ranked = sorted(
        (-score, name)
        for score, (name, _) in zip(scores, subjects, strict=True)
        if score >= THRESHOLD and fold(name) not in excluded
    )
    return [name for _, name in ranked[:MAX_SUGGESTIONS]]
