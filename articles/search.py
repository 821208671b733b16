"""French full-text search over articles, insensitive to accents, case and word forms.

Besides its text, an article is found by its authors' names, its tags, its section and its
issue's title, weighed below the title and above the body (migration 0011).

On PostgreSQL, `search_vector` (kept current by triggers, migrations 0004 and 0011) is matched
with a `websearch` query in the `french_unaccent` configuration (unaccent, then the French
stemmer), ranked with `SearchRank` and excerpted with `SearchHeadline`. Ranking reads each
match's whole vector from disk, so when a query matches more than RANKED articles (a word in
most of the archive: "relation", "client"), only the RANKED most recent matches are ranked and
shown; the search page then says "at least RANKED results". Their ids are looked up once, from
the GIN index or the listing index as the number of matches says (`recent_matches`); the count
and the page then read those rows only. Headlines are computed for the shown page only:
PostgreSQL evaluates them after the sort and the LIMIT.

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

import functools
import json
import re
from datetime import UTC, datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Lookup, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Left

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
# PostgreSQL: up to this many matches are read from the GIN index, more from the listing index
# (see recent_matches). On 100,000 articles, reading and sorting 15,000 matches costs about
# what walking the newest articles until 500 match does (measured: bench/analysis.md).
BITMAP_UP_TO = 15_000
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

    Two ways to find them, and PostgreSQL's planner, which does not count the cost of opening
    a search vector, picks the wrong one for words in a few percent of the archive:
    - walk the listing index, newest first, testing each article's vector until RANKED match:
      cheap when most articles match, thousands of vectors opened when few do;
    - read every match from the GIN index and sort them by date: it opens no vector, and costs
      what the number of matches does.
    The planner's estimate of that number is good: up to BITMAP_UP_TO, the matches are read
    from the GIN index (sorted by an expression, which keeps the listing index out of the
    plan), beyond it from the listing index. One query either way, the ids come back once:
    the count and the page then read at most RANKED rows by id.
    """
    matches = queryset.filter(search_vector=search_query)
    if estimated_rows(matches) <= BITMAP_UP_TO:
        undated_last = Coalesce("published_at", Value(EPOCH))
        matches = matches.order_by(undated_last.desc(), "-pk")
    else:
        matches = matches.order_by(*queryset.model._meta.ordering)
    return list(matches.values_list("pk", flat=True)[:RANKED])


class AnyOf(Lookup):
    """`column = ANY(array)`: a list of ids as one parameter, not one parameter per id
    (`pk__in` compiles 500 of them, for each query of the search page)."""

    lookup_name = "any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]


def estimated_rows(queryset):
    """PostgreSQL's estimate of the number of rows of `queryset` (planned, not run)."""
    plan = json.loads(queryset.explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"]


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
