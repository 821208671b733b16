"""Name keys: the one place that decides when two spellings are the same person."""

import re

from textkit.folding import strip_accents

_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Return the comparison key of a name: accents, case, punctuation and spacing folded.

    "Manuel JACQUINET", "manuel  jacquinet" and "Manuel Jacquinet" share one key.
    """
    letters = re.sub(r"[^\w]+", " ", strip_accents(name).casefold())
    return _SPACES.sub(" ", letters).strip()
