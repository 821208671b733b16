"""French full-text search over articles, insensitive to accents, case and word forms.

On PostgreSQL, `search_vector` (kept current by a trigger, migration 0004) is matched with a
`websearch` query in the `french_unaccent` configuration (unaccent, then the French stemmer),
ranked with `SearchRank` and excerpted with `SearchHeadline`, through the GIN index.

On SQLite the same calls answer with two Python functions registered on the connection: text
and query are accent-folded, lower-cased and lightly stemmed ("Centres" and "centre" are both
"centr"), every query word must appear (a leading "-" excludes one), and the rank counts the
matches, title first. Slower, and meant for development and tests.

Excerpts come back as plain text with the matches between START and STOP; the `highlight`
template filter escapes the text and turns those marks into <mark> elements.
"""

import functools
import json
import re
import unicodedata
from collections import Counter

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Func, TextField, Value
from django.db.models.functions import Concat

CONFIG = "french_unaccent"
MAX_QUERY_CHARS = 200
MAX_TERMS = 10
EXCERPT_WORDS = 40
# Private-use characters: they cannot come from a reader's query, and editors never type them.
START, STOP = "\ue000", "\ue001"

WORD = re.compile(r"\w+")
COMBINING_MARKS = re.compile("[\u0300-\u036f]")
# Folded French words too common to search for; a block of words reads better than 70 strings.
STOPWORDS = frozenset(
    """a afin ai au aux avec c ce ces cet cette d dans de des du elle en et est il ils j je l la
    le les leur leurs lui m ma mais me meme mes n ne nos notre nous on ou par pas pour qu que qui s
    sa se ses son sur t ta te tes toi ton tu un une vos votre vous y""".split()  # noqa: SIM905
)


def clean_query(raw):
    """The query as searched: whitespace collapsed, cut to MAX_QUERY_CHARS characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_CHARS].strip()


def fold(text):
    """Lower-case `text` and drop its accents: "Téléphonie Œuvre" → "telephonie oeuvre".

    Decomposition then one regular expression, both at C speed: the SQLite fallback folds
    every article's text at each search.
    """
    text = text.casefold().replace("œ", "oe").replace("æ", "ae")
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))


@functools.lru_cache(maxsize=65536)
def stem(word):
    """A light French stemmer for folded words: plural, feminine and doubled endings.

    "centres", "centre" → "centr"; "canaux" → "canal"; "plateaux" → "plateau";
    "conseilleres" → "conseiller".
    Text and query go through it alike, so only the agreement of both matters.
    """
    if len(word) > 5 and word.endswith("aux") and not word.endswith("eaux"):
        word = word[:-3] + "al"
    elif len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 4 and word.endswith("ere"):
        word = word[:-3] + "er"
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def terms(query):
    """The stems a query asks for and the ones it excludes ("-offshore"), stopwords dropped."""
    wanted, excluded = [], []
    for token in clean_query(query).split():
        target = excluded if token.startswith("-") else wanted
        for word in WORD.findall(fold(token)):
            if word not in STOPWORDS and stem(word) not in target:
                target.append(stem(word))
    return wanted[:MAX_TERMS], excluded[:MAX_TERMS]


def search(queryset, query):
    """Articles of `queryset` matching `query`, annotated with `rank` (higher is better)."""
    if connection.vendor == "postgresql":
        search_query = SearchQuery(clean_query(query), config=CONFIG, search_type="websearch")
        return queryset.filter(search_vector=search_query).annotate(
            rank=SearchRank(F("search_vector"), search_query)
        )
    wanted, excluded = terms(query)
    if not wanted:
        return queryset.annotate(rank=Value(0.0)).none()
    _register_sqlite_functions()
    rank = Func(
        F("title"),
        F("standfirst"),
        F("body"),
        Value(json.dumps([wanted, excluded])),
        function="encontact_rank",
        output_field=FloatField(),
    )
    return queryset.annotate(rank=rank).filter(rank__gt=0)


def with_excerpts(queryset, query):
    """Annotate `excerpt`: a passage of standfirst and body around the matches, marked."""
    text = Concat(F("standfirst"), Value("\n"), F("body"), output_field=TextField())
    if connection.vendor == "postgresql":
        search_query = SearchQuery(clean_query(query), config=CONFIG, search_type="websearch")
        excerpt = SearchHeadline(
            text,
            search_query,
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=EXCERPT_WORDS,
            min_words=EXCERPT_WORDS // 2,
        )
    else:
        _register_sqlite_functions()
        excerpt = Func(
            text,
            Value(json.dumps(terms(query)[0])),
            function="encontact_excerpt",
            output_field=TextField(),
        )
    return queryset.annotate(excerpt=excerpt)


def sqlite_rank(title, standfirst, body, encoded_terms):
    """Number of matches, a title match counting three and a standfirst one two; 0 if any
    wanted stem is missing or an excluded one present."""
    wanted, excluded = json.loads(encoded_terms)
    texts = [(3, fold(title or "")), (2, fold(standfirst or "")), (1, fold(body or ""))]
    # Most articles lack some word: a substring test turns them down before any regex.
    if any(all(term[:-1] not in text for _, text in texts) for term in wanted):
        return 0.0
    counts = dict.fromkeys(wanted + excluded, 0)
    for term in counts:
        for weight, text in texts:
            words = Counter(_candidates(term).findall(text)) if term[:-1] in text else {}
            counts[term] += weight * sum(n for word, n in words.items() if stem(word) == term)
    if any(counts[term] == 0 for term in wanted) or any(counts[term] for term in excluded):
        return 0.0
    return float(sum(counts[term] for term in wanted))


@functools.lru_cache(maxsize=256)
def _candidates(term):
    """Words that may stem to `term`: those starting with it less its last letter (a stem
    differs from its words in its last letter at most: "canal" and "canaux")."""
    return re.compile(rf"\b{re.escape(term[:-1])}\w*")


def sqlite_excerpt(text, encoded_terms, words=EXCERPT_WORDS):
    """About `words` words of `text` from a little before the first match, matches marked."""
    wanted = set(json.loads(encoded_terms))
    tokens = list(WORD.finditer(text or ""))
    hits = [i for i, token in enumerate(tokens) if stem(fold(token.group())) in wanted]
    if not tokens:
        return ""
    first = max(0, hits[0] - 8) if hits else 0
    last = min(len(tokens), first + words) - 1
    start, end = tokens[first].start(), tokens[last].end()
    pieces, position = [], start
    for i in hits:
        if first <= i <= last:
            token = tokens[i]
            pieces += [text[position : token.start()], START, token.group(), STOP]
            position = token.end()
    pieces.append(text[position:end])
    excerpt = "".join(pieces).strip()
    return ("… " if start > 0 else "") + excerpt + (" …" if end < len(text.rstrip()) else "")


def _register_sqlite_functions():
    """Make the fallback's functions known to this thread's SQLite connection (no query)."""
    connection.ensure_connection()
    raw = connection.connection
    raw.create_function("encontact_rank", 4, sqlite_rank, deterministic=True)
    raw.create_function("encontact_excerpt", 2, sqlite_excerpt, deterministic=True)
