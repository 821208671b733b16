"""Name keys: the one place that decides when two spellings are the same person."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """Return the comparison key of a name: accents, case, punctuation and spacing folded.

    "Manuel JACQUINET", "manuel  jacquinet" and "Manuel Jacquinet" share one key.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    letters = re.sub(r"[^\w]+", " ", ascii_only.casefold())
    return _SPACES.sub(" ", letters).strip()
