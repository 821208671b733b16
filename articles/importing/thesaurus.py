"""Suggested tags: the magazine's subjects and the words that reveal them.

An article "clearly treats" a subject when its variants come up at least twice in the text, or
once in the title. The list lives in fixtures/thesaurus.json and in the back office.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from articles.importing.reading import fold_loose

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


@lru_cache(maxsize=512)
def subject_pattern(name: str, variants: tuple[str, ...]) -> re.Pattern:
    """One pattern for a subject: its name and variants, singular or plural, any spacing."""
    forms = []
    for variant in {name, *variants}:
        words = re.split(r"[\s'’-]+", fold_loose(variant).strip())
        forms.append(r"[\s'-]*".join(re.escape(word) + r"(?:s|x)?" for word in words if word))
    forms.sort(key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(forms) + r")(?![a-z0-9])")


def suggest(title: str, text: str, subjects, exclude=()) -> list[str]:
    """Names of the subjects an article clearly treats, the most present first."""
    title, text = fold_loose(title), fold_loose(text)
    excluded = {fold_loose(tag) for tag in exclude}
    scores = []
    for subject in subjects:
        if fold_loose(subject.name) in excluded:
            continue
        pattern = subject_pattern(subject.name, tuple(subject.variants))
        score = TITLE_WEIGHT * len(pattern.findall(title)) + len(pattern.findall(text))
        if score >= THRESHOLD:
            scores.append((-score, subject.name))
    return [name for _, name in sorted(scores)[:MAX_SUGGESTIONS]]
