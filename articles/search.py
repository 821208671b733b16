"""French full-text search over articles, insensitive to accents, case and word forms.

Besides its text, an article is found by its authors' names, its tags, its section and its
issue's title, weighed below the title and above the body (migration 0011).

On PostgreSQL, `search_vector` (kept current by triggers, migrations 0004 and 0011) is matched
with a `websearch` query in the `french_unaccent` configuration (unaccent, then the French
stemmer), ranked with `SearchRank` and excerpted with `SearchHeadline`. Ranking reads each
match's whole vector from disk, so when a query matches more than RANKED articles (a word in
most of the archive: "relation", "client"), only the RANKED most recent matches are ranked and
shown; the search page then says "at least RANKED results". Their ids are looked up once,
among the newest articles first and in growing windows (`recent_matches`); the count and the
page then read those rows only. Headlines are computed for the shown page only: PostgreSQL
evaluates them after the sort and the LIMIT.

On SQLite, an FTS5 index (migrations 0006 and 0011, kept current by triggers) with the
`unicode61 remove_diacritics 2` tokenizer folds accents and case; query words are lightly stemmed
("Centres" and "centre" are both "centr") and searched as prefixes, every word must appear
(a leading "-" excludes one), ranked by FTS5's bm25 (title first) and excerpted by its
`snippet()`. Meant for development, tests and small sites.

Excerpts come back as plain text with the matches between START and STOP; the `highlight`
template filter escapes the text and turns those marks into <mark> elements.

Both engines receive the same bounded query (`query_words`): distinct words only, stop words
and one-letter words dropped, at most MAX_TERMS of them. A hundred one-letter words once made
PostgreSQL highlight each result with a 199-node query, 20 s for one request; highlighting also
reads only the first EXCERPT_SOURCE_CHARS characters of an article. Web processes on PostgreSQL
cancel any public statement after PUBLIC_STATEMENT_TIMEOUT_MS (encontact.timeouts); the search
page then says the search took too long.
"""

import contextlib
import functools
import re
from datetime import UTC, datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Lookup, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Left

from articles.models import LISTING_ORDER, ArchiveCount
from textkit.folding import fold_words

CONFIG = "french_unaccent"
MAX_QUERY_CHARS = 200
MAX_TERMS = 10
EXCERPT_WORDS = 40
# Excerpts are looked for in the standfirst and this much of the body (ts_headline reads all
# it is given, for every result shown).
EXCERPT_SOURCE_CHARS = 10_000
# A token of more words than this ("a-b-c-d-e…") is searched as its meaningful words only.
MAX_WORDS_PER_TOKEN = 3
RANKED = 500
# PostgreSQL's weights of D (authors, tags, section, issue: migration 0011), C (body),
# B (standfirst, interviewee) and A (title): the context ranks with the standfirst.
RANK_WEIGHTS = [0.4, 0.2, 0.4, 1.0]
# PostgreSQL: the RANKED most recent matches are looked for among the newest FIRST_WINDOW
# articles, then in windows WINDOW_GROWTH times larger, then in the whole archive
# (see recent_matches).
FIRST_WINDOW = 4 * RANKED
WINDOW_GROWTH = 8
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Private-use characters: they cannot come from a reader's query, and editors never type them.
START, STOP = "\ue000", "\ue001"
# SQLite: the FTS5 table of migrations 0006 and 0011; bm25 weights of its columns id (not
# text), title, standfirst, interviewee, body and context (authors, tags, section, issue);
# PostgreSQL weighs the last five A, B, B, C, D (see RANK_WEIGHTS).
FTS_TABLE = "articles_article_fts"
FTS_RANK = f"-bm25({FTS_TABLE}, 0.0, 5.0, 2.0, 2.0, 1.0, 2.0)"
FTS_BODY_COLUMN = 4

WORD = re.compile(r"\w+")
COMPOUND = re.compile(r"\w+(?:-\w+)+")  # "e-mail", "après-vente"; not "-offshore" (excluded)
# Folded French words too common to search for; a block of words reads better than 70 strings.
STOPWORDS = frozenset(
    """a afin ai au aux avec c ce ces cet cette d dans de des du elle en et est il ils j je l la
    le les leur leurs lui m ma mais me meme mes n ne nos notre nous on ou par pas pour qu que qui s
    sa se ses son sur t ta te tes toi ton tu un une vos votre vous y""".split()  # noqa: SIM905
)


def clean_query(raw):
    """The query as searched: whitespace collapsed, cut to MAX_QUERY_CHARS characters."""
    return " ".join((raw or "").split())[:MAX_QUERY_CHARS].strip()


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


def query_words(query):
    """The tokens of `query` that reach the database, on both engines.

    A token (what spaces separate: "centres", "-offshore", "e-mail", "d'appels", '"centre')
    is kept as typed, for PostgreSQL's websearch syntax, when it brings a word not asked for
    yet that is neither a stop word nor a single letter; at most MAX_TERMS such words in all.
    A token of more than MAX_WORDS_PER_TOKEN words is replaced by its meaningful words. "or"
    stays between two kept tokens; a dropped token's quote marks stay, so a phrase keeps its
    bounds.
    """
    kept, seen = [], set()
    for token in clean_query(query).split():
        if token.lower() == "or":
            if kept and kept[-1].lower() != "or":
                kept.append(token)
            continue
        words = WORD.findall(fold_words(token))
        meaningful = [w for w in dict.fromkeys(words) if len(w) > 1 and w not in STOPWORDS]
        new = [word for word in meaningful if stem(word) not in seen]
        if not new or len(seen) + len(new) > MAX_TERMS:
            if '"' in token:
                kept.append('"')
            if len(seen) >= MAX_TERMS:
                break
            continue
        seen.update(stem(word) for word in new)
        if len(words) > MAX_WORDS_PER_TOKEN:
            token = ("-" if token.startswith("-") else "") + " ".join(new)
        kept.append(token)
    while kept and kept[-1].lower() == "or":
        kept.pop()
    return kept


def terms(query):
    """The stems a query asks for and the ones it excludes ("-offshore"), from `query_words`."""
    wanted, excluded = [], []
    for token in query_words(query):
        target = excluded if token.startswith("-") else wanted
        for word in WORD.findall(fold_words(token)):
            if len(word) > 1 and word not in STOPWORDS and stem(word) not in target:
                target.append(stem(word))
    return wanted, excluded


def search(queryset, query, keep=None):
    """Articles of `queryset` matching `query`, annotated with `rank` (higher is better).

    On PostgreSQL, at most the RANKED most recent matches (see the module docstring), whose
    ids are looked up at once: `keep`, if given, receives the function that looks them up and
    answers them (the search page keeps them per content generation).
    """
    if not any(terms(query)):
        return queryset.annotate(rank=Value(0.0)).none()
    if connection.vendor == "postgresql":
        search_query = postgres_query(query)
        find = functools.partial(recent_matches, queryset, search_query)
        ids = keep(find) if keep else find()
        return queryset.filter(AnyOf(F("pk"), ids)).annotate(
            rank=SearchRank(F("search_vector"), search_query, weights=RANK_WEIGHTS)
        )
    expression = fts_query(query)
    if not expression:  # only excluded words
        return queryset.annotate(rank=Value(0.0)).none()
    return queryset.filter(fulltext__document__match=expression).annotate(
        rank=RawSQL(FTS_RANK, [], output_field=FloatField())
    )


def postgres_query(query):
    """The PostgreSQL query for `query`: `websearch` syntax, hyphenated words aside.

    PostgreSQL reads "e-mail" as the phrase 'e-mail' <-> 'e' <-> 'mail', and a phrase can only
    be checked against each candidate's whole vector (positions): thousands of vectors for a
    word in a few percent of the archive. The compound itself is a word of the vector
    ('e-mail'), so asking for it and its parts, in any order (`plain` syntax), finds the same
    articles from the GIN index alone. Left to `websearch` when the reader quotes a phrase or
    writes "or", whose meaning the split would change.
    """
    words = query_words(query)
    cleaned = " ".join(words)
    compounds = [word for word in words if COMPOUND.fullmatch(word)]
    if not compounds or '"' in cleaned or any(word.lower() == "or" for word in words):
        return SearchQuery(cleaned, config=CONFIG, search_type="websearch")
    parts = SearchQuery(" ".join(compounds), config=CONFIG, search_type="plain")
    rest = " ".join(word for word in words if word not in compounds)
    if not rest:
        return parts
    return SearchQuery(rest, config=CONFIG, search_type="websearch") & parts


def recent_matches(queryset, search_query):
    """The ids of the RANKED most recent articles of `queryset` matching `search_query`.

    PostgreSQL's planner does not count the cost of opening a search vector (6 to 12 µs out of
    TOAST): left to itself, it walks the listing index, newest first, opening vectors until
    RANKED match (thousands for a word in a few percent of the archive), or reads every article
    for a word in most of them. Reading the matches from the GIN index opens no vector, but
    costs what their number does. So the matches are looked for in a window first: the newest
    FIRST_WINDOW articles, bounded by the date of the last one (`published_at >= …`, ties
    included). PostgreSQL then walks the window's part of the listing index or intersects its
    dates with the GIN index (the plans seen on 100,000 articles, bench/analysis.md): either
    way, no more than the window is read. A window holding fewer than RANKED matches is followed
    by one WINDOW_GROWTH times larger, while it is smaller than the archive; then comes the
    whole archive, sorted by an expression the listing index cannot serve, which keeps its walk
    out of the plan. The whole archive is read only when it is smaller than FIRST_WINDOW, or
    after a window of at least 1/WINDOW_GROWTH of it held fewer than RANKED matches: a word
    spread over the years then has fewer than WINDOW_GROWTH × RANKED matches in all. A window
    counts every article, a superset of `queryset`, so its newest matches are the newest of all.
    The statements are planned with their words (`planned_with_values`).
    """
    matches = queryset.filter(search_vector=search_query)
    newest = queryset.model.objects.order_by(*LISTING_ORDER).values("published_at")
    window = FIRST_WINDOW
    archive = archive_size()
    with planned_with_values():
        while window < archive:
            since = Subquery(newest[window - 1 : window])
            recent = matches.filter(published_at__gte=since).order_by(*LISTING_ORDER)
            ids = list(recent.values_list("pk", flat=True)[:RANKED])
            if len(ids) == RANKED:
                return ids
            window *= WINDOW_GROWTH
        undated_last = Coalesce("published_at", Value(EPOCH))
        everything = matches.order_by(undated_last.desc(), "-pk")
        return list(everything.values_list("pk", flat=True)[:RANKED])


def archive_size():
    """The number of published articles, as the archive's counts keep it (articles.counters)."""
    total = ArchiveCount.objects.filter(kind=ArchiveCount.Kind.TOTAL, key=0)
    return next(iter(total.values_list("articles", flat=True)), 0)


@contextlib.contextmanager
def planned_with_values():
    """Statements run inside are planned with their values at each run, never prepared.

    psycopg prepares a statement run five times on a connection (encontact.settings), and
    PostgreSQL then plans it once for all values: a search's statement, planned without its
    words, read the whole published set's index for a word in ten articles (5 ms), or every
    match of a word in most of the archive (50 ms).
    """
    connection.ensure_connection()
    driver = connection.connection
    threshold = driver.prepare_threshold
    driver.prepare_threshold = None
    try:
        yield
    finally:
        driver.prepare_threshold = threshold


class AnyOf(Lookup):
    """`column = ANY(array)`: a list of ids as one parameter, not one parameter per id
    (`pk__in` compiles 500 of them, for each query of the search page)."""

    lookup_name = "any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]


def is_capped(count):
    """Whether a search that found `count` articles may have found more (PostgreSQL)."""
    return connection.vendor == "postgresql" and count >= RANKED


def with_excerpts(queryset, query):
    """Annotate `excerpt`: a passage of standfirst and body around the matches, marked.

    `queryset` comes from `search()`.
    """
    if connection.vendor == "postgresql":
        text = Left(
            Concat(F("standfirst"), Value("\n"), F("body"), output_field=TextField()),
            EXCERPT_SOURCE_CHARS,
        )
        search_query = postgres_query(query)
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
        excerpt = RawSQL(
            f"snippet({FTS_TABLE}, {FTS_BODY_COLUMN}, %s, %s, '…', {EXCERPT_WORDS})",
            [START, STOP],
            output_field=TextField(),
        )
    return queryset.annotate(excerpt=excerpt)


def fts_query(query):
    """The FTS5 query for `query`: every wanted word, none of the excluded ones.

    "centres -offshore" → `(("centr"*)) NOT (("offshor"*))`. Words are the stems of `terms()`,
    searched as prefixes (a stem is the start of its words, "canaux" aside: "canal" also looks
    for "canaux"); a stem of one or two letters is searched whole, not as the start of
    thousands of words. Only letters and digits reach the quotes.
    """
    wanted, excluded = terms(query)
    if not wanted:
        return ""
    expression = " AND ".join(_fts_word(stem) for stem in wanted)
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(_fts_word(s) for s in excluded)})"
    return expression


def _fts_word(stem):
    forms = [stem, stem[:-2] + "aux"] if stem.endswith("al") and len(stem) > 3 else [stem]
    return "(" + " OR ".join(f'"{form}"' + ("*" if len(form) > 2 else "") for form in forms) + ")"
