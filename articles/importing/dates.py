"""French and English dates as archive pages write them, found in folded text (textkit.folding).

"25 avril 2018 à 09:42", "12 Août 2002", "1er mai 2019", "12/09/2019", "2019-09-12",
"April 25, 2018", "mardi 3 mars 2020 à 9h05". A date with a time is an aware datetime in
Paris time; without one it stays a date (nothing invented).
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1, "january": 1,
    "fevrier": 2, "fevr": 2, "fev": 2, "feb": 2, "february": 2,
    "mars": 3, "mar": 3, "march": 3,
    "avril": 4, "avr": 4, "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "juin": 6, "jun": 6, "june": 6,
    "juillet": 7, "juil": 7, "jul": 7, "july": 7,
    "aout": 8, "aug": 8, "august": 8,
    "septembre": 9, "sept": 9, "sep": 9, "september": 9,
    "octobre": 10, "oct": 10, "october": 10,
    "novembre": 11, "nov": 11, "november": 11,
    "decembre": 12, "dec": 12, "december": 12,
}  # fmt: skip
WEEKDAYS = (
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "monday tuesday wednesday thursday friday saturday sunday"
)
MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
TIME = r"(?:\s*(?:,|a|at|-|–)?\s*(?P<hour>[01]?\d|2[0-3])\s*(?:h|:)\s*(?P<minute>[0-5]\d)?\b)?"
PATTERNS = [
    re.compile(p + TIME)
    for p in (
        rf"\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>{MONTH})\.?,?\s+(?P<year>\d{{4}})\b",
        rf"\b(?P<month>{MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        r"\b(?P<day>[0-3]?\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<year>\d{4}|\d{2})\b",
        r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
    )
]
DIGIT = re.compile(r"\d")
LEFTOVER = re.compile(rf"\b(?:le|la|on|the|a|at|{WEEKDAYS.replace(' ', '|')})\b|[\W_]")


@dataclass(frozen=True)
class FoundDate:
    value: date | datetime | None  # None: looked like a date but is not one (31/02/2019)
    start: int
    end: int


def find_date(folded: str) -> FoundDate | None:
    """The first date in a folded line, if any."""
    if DIGIT.search(folded) is None:  # every form has a day or a year
        return None
    for pattern in PATTERNS:
        match = pattern.search(folded)
        if match:
            return FoundDate(to_value(match), match.start(), match.end())
    return None


def to_value(match: re.Match) -> date | datetime | None:
    month = match["month"]
    month = MONTHS[month] if month.isalpha() else int(month)
    year = int(match["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        day = date(year, month, int(match["day"]))
    except ValueError:
        return None
    if not 1950 <= year <= 2100:
        return None
    if match["hour"] is None:
        return day
    return datetime.combine(day, time(int(match["hour"]), int(match["minute"] or 0)), PARIS)


def is_only_a_date(folded: str) -> bool:
    """A line that says nothing but a date: "le 12/09/2019", "Mardi 3 mars 2020, 9h05"."""
    if len(folded) > 60 or DIGIT.search(folded) is None:
        return False
    found = find_date(folded)
    if found is None:
        return False
    rest = folded[: found.start] + " " + folded[found.end :]
    return not LEFTOVER.sub("", rest).strip()
