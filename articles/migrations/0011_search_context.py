"""Search what readers type: authors' names, tags, the section and the issue's title.

Readers search for "Jacquinet" (the editor-in-chief) or "offshore" (a tag) and expect the
articles signed by him or filed under it. Besides its own text, an article is now indexed with
that context, weighed below the title and above the body (PostgreSQL: weight D, ranked as the
standfirst, see articles.search.RANK_WEIGHTS; SQLite: bm25 weight 2 against 5 for the title
and 1 for the body).

Authors and tags are many rows per article: their names are kept in a hidden column,
`articles_article.search_context`, by triggers on the bylines, the taggings and the authors' and
tags' names, so that every write counts, as for the text (migrations 0004 and 0006): the admin,
the importer's bulk inserts, merges done with `update()`, raw SQL. The column is not a model
field: Django never writes it, so a stale instance saved again cannot undo it. The section's
name and the issue's title are read when the article's text is indexed; renaming a section or
retitling an issue indexes its articles again.

- PostgreSQL: the search vector's trigger (migration 0004) adds the context at weight D and
  also fires when the context, the section or the issue changes; then, the text unchanged, it
  keeps the text's part of the vector rather than parse the body again. The bylines' and
  taggings' triggers run once per statement (a bulk insert of 5,000 taggings refreshes each
  article once). Renaming a tag used by most of the archive re-indexes most of the archive.
- SQLite: the FTS5 index (migration 0006) gains a `context` column. Its external content is
  now a view adding the context to the article's row, and every trigger writes exactly what
  that view shows, which FTS5 needs to take an entry out again. No trigger on the articles
  updates articles itself, so their order does not matter.

SQLite drops a table's triggers and hidden columns when Django rebuilds the table (some
`AddField`s and `AlterField`s do): add columns to articles_article with ALTER TABLE ADD COLUMN
(see migration 0007's `SeparateDatabaseAndState`); tests/site/test_search.py fails if the index
stops following the articles or their authors and tags.
"""

import importlib

from django.db import migrations

ADD_COLUMN = "ALTER TABLE articles_article ADD COLUMN search_context text NOT NULL DEFAULT ''"
DROP_COLUMN = "ALTER TABLE articles_article DROP COLUMN search_context"

# PostgreSQL ---------------------------------------------------------------------------------

PG_NAMES = """
CREATE FUNCTION articles_article_names(article bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT concat_ws(' ',
        (SELECT string_agg(author.name, ' ' ORDER BY byline.position, byline.id)
           FROM articles_articleauthor byline
           JOIN authors_author author ON author.id = byline.author_id
          WHERE byline.article_id = article),
        (SELECT string_agg(tag.name, ' ' ORDER BY tag.name)
           FROM articles_taggedarticle tagging
           JOIN articles_tag tag ON tag.id = tagging.tag_id
          WHERE tagging.content_object_id = article))
$$;
CREATE FUNCTION articles_article_refresh_names(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    UPDATE articles_article SET search_context = fresh.names
      FROM (SELECT id, articles_article_names(id) AS names
              FROM articles_article WHERE id = ANY(ids)) AS fresh
     WHERE articles_article.id = fresh.id
       AND articles_article.search_context IS DISTINCT FROM fresh.names
$$;
"""

# The context at weight D, ranked between the title and the body (articles.search.RANK_WEIGHTS).
# When only the context changed (a byline, a tag, the section, the issue), the text's lexemes
# are kept from the old vector: parsing the body again costs ten times more, once per bulk
# statement of bylines and again of taggings while an import writes.
PG_VECTOR = """
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    context tsvector := setweight(to_tsvector('french_unaccent', concat_ws(' ',
        NEW.search_context,
        (SELECT name FROM articles_section WHERE id = NEW.section_id),
        (SELECT title FROM articles_issue WHERE id = NEW.issue_id))), 'D');
    same_text boolean := false;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        same_text := OLD.search_vector IS NOT NULL
            AND NEW.title IS NOT DISTINCT FROM OLD.title
            AND NEW.standfirst IS NOT DISTINCT FROM OLD.standfirst
            AND NEW.interviewee IS NOT DISTINCT FROM OLD.interviewee
            AND NEW.body IS NOT DISTINCT FROM OLD.body;
    END IF;
    IF same_text THEN
        NEW.search_vector := ts_filter(OLD.search_vector, '{a,b,c}') || context;
    ELSE
        NEW.search_vector :=
            setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('french_unaccent',
                         coalesce(NEW.standfirst, '') || ' ' || coalesce(NEW.interviewee, '')), 'B')
            || setweight(to_tsvector('french_unaccent', coalesce(NEW.body, '')), 'C')
            || context;
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER articles_article_search_vector_update ON articles_article;
CREATE TRIGGER articles_article_search_vector_update
    BEFORE INSERT OR UPDATE OF title, standfirst, interviewee, body, search_context, section_id,
        issue_id ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
"""

# Bylines and taggings: once per statement, over the articles it touched.
PG_LINKS = """
CREATE FUNCTION {table}_search_context() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM articles_article_refresh_names(ARRAY(SELECT DISTINCT {column} FROM new_rows));
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM articles_article_refresh_names(ARRAY(SELECT DISTINCT {column} FROM old_rows));
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER {table}_search_context_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_search_context();
CREATE TRIGGER {table}_search_context_update AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_search_context();
CREATE TRIGGER {table}_search_context_delete AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_search_context();
"""

# Authors and tags renamed: their articles' names again.
PG_RENAMES = """
CREATE FUNCTION {table}_search_context() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM articles_article_refresh_names(
        ARRAY(SELECT {link_column} FROM {link_table} WHERE {key} = NEW.id));
    RETURN NULL;
END
$$;
CREATE TRIGGER {table}_search_context AFTER UPDATE OF name ON {table}
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION {table}_search_context();
"""

# A section renamed, an issue retitled: their articles' vectors again (the trigger reads the
# name when section_id or issue_id is written).
PG_CONTAINERS = """
CREATE FUNCTION {table}_search_context() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE articles_article SET {key} = {key} WHERE {key} = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER {table}_search_context AFTER UPDATE OF {column} ON {table}
    FOR EACH ROW WHEN (OLD.{column} IS DISTINCT FROM NEW.{column})
    EXECUTE FUNCTION {table}_search_context();
"""

LINKS = [("articles_articleauthor", "article_id"), ("articles_taggedarticle", "content_object_id")]
RENAMES = [
    ("authors_author", "articles_articleauthor", "article_id", "author_id"),
    ("articles_tag", "articles_taggedarticle", "content_object_id", "tag_id"),
]
# Table, column read, the article's key, the FTS5 context's part (SQLite).
CONTAINERS = [
    ("articles_section", "name", "section_id", "section"),
    ("articles_issue", "title", "issue_id", "issue"),
]
EVENTS = ("insert", "delete", "update")

PG_FORWARD = "\n".join(
    [
        ADD_COLUMN + ";",
        PG_NAMES,
        PG_VECTOR,
        *(PG_LINKS.format(table=table, column=column) for table, column in LINKS),
        *(
            PG_RENAMES.format(table=table, link_table=link, link_column=column, key=key)
            for table, link, column, key in RENAMES
        ),
        *(
            PG_CONTAINERS.format(table=table, column=column, key=key)
            for table, column, key, _part in CONTAINERS
        ),
        "UPDATE articles_article SET search_context = articles_article_names(id);",
    ]
)

PG_BACKWARD = "\n".join(
    [
        *(
            f"DROP TRIGGER IF EXISTS {table}_search_context_{event} ON {table};"
            for table, _column in LINKS
            for event in EVENTS
        ),
        *(
            f"DROP TRIGGER IF EXISTS {table}_search_context ON {table};"
            for table, *_rest in RENAMES + CONTAINERS
        ),
        *(
            f"DROP FUNCTION IF EXISTS {table}_search_context();"
            for table, *_rest in LINKS + RENAMES + CONTAINERS
        ),
        # Migration 0004's vector, trigger and index, made again from its own text.
        "DROP TRIGGER articles_article_search_vector_update ON articles_article;",
        "DROP FUNCTION articles_article_search_vector();",
        "DROP INDEX articles_article_search_idx;",
        "DROP FUNCTION IF EXISTS articles_article_refresh_names(bigint[]);",
        "DROP FUNCTION IF EXISTS articles_article_names(bigint);",
        DROP_COLUMN + ";",
        importlib.import_module("articles.migrations.0004_search").TRIGGER,
    ]
)

# SQLite -------------------------------------------------------------------------------------


def sqlite_names(article):
    """The names of an article's authors (in byline order) and tags, as SQL."""
    return f"""coalesce((SELECT group_concat(name, ' ') FROM (
        SELECT author.name FROM articles_articleauthor byline
          JOIN authors_author author ON author.id = byline.author_id
         WHERE byline.article_id = {article} ORDER BY byline.position, byline.id)), '')
    || ' ' || coalesce((SELECT group_concat(name, ' ') FROM (
        SELECT tag.name FROM articles_taggedarticle tagging
          JOIN articles_tag tag ON tag.id = tagging.tag_id
         WHERE tagging.content_object_id = {article} ORDER BY tag.name)), '')"""


def sqlite_context(names, section, issue):
    """The FTS5 `context` column: the names, the section's name and the issue's title."""
    return f"{names} || ' ' || coalesce({section}, '') || ' ' || coalesce({issue}, '')"


def section_of(row):
    return f"(SELECT name FROM articles_section WHERE id = {row}.section_id)"


def issue_of(row):
    return f"(SELECT title FROM articles_issue WHERE id = {row}.issue_id)"


def sqlite_row(row, *, section=None, issue=None):
    """The FTS5 entry of `row` (old, new or an alias of articles_article), as the view shows it:
    id, title, standfirst, interviewee, body and context."""
    context = sqlite_context(
        f"{row}.search_context", section or section_of(row), issue or issue_of(row)
    )
    return f"{row}.id, {row}.title, {row}.standfirst, {row}.interviewee, {row}.body, {context}"


FTS = "articles_article_fts"
FTS_COLUMNS = "rowid, id, title, standfirst, interviewee, body, context"


def sqlite_containers():
    """Triggers re-indexing the articles of a renamed section or a retitled issue."""
    statements = []
    for table, column, key, part in CONTAINERS:
        old = sqlite_row("article", **{part: f"old.{column}"})
        new = sqlite_row("article", **{part: f"new.{column}"})
        statements.append(
            f"""CREATE TRIGGER {table}_search_context AFTER UPDATE OF {column} ON {table}
            WHEN old.{column} IS NOT new.{column} BEGIN
                INSERT INTO {FTS}({FTS}, {FTS_COLUMNS})
                    SELECT 'delete', article.id, {old} FROM articles_article article
                     WHERE article.{key} = new.id;
                INSERT INTO {FTS}({FTS_COLUMNS})
                    SELECT article.id, {new} FROM articles_article article
                     WHERE article.{key} = new.id;
            END"""
        )
    return statements


def sqlite_refresh(articles):
    """An UPDATE giving `articles` (SQL: a list of ids) their names again, when they changed."""
    return f"""UPDATE articles_article SET search_context = {sqlite_names("articles_article.id")}
        WHERE id IN ({articles})
          AND search_context IS NOT {sqlite_names("articles_article.id")};"""


def sqlite_links():
    statements = []
    for table, column in LINKS:
        for event, rows in zip(EVENTS, [["new"], ["old"], ["old", "new"]], strict=True):
            ids = ", ".join(f"{row}.{column}" for row in rows)
            statements.append(
                f"""CREATE TRIGGER {table}_search_context_{event} AFTER {event.upper()} ON {table}
                BEGIN {sqlite_refresh(ids)} END"""
            )
    for table, link, column, key in RENAMES:
        ids = f"SELECT {column} FROM {link} WHERE {key} = new.id"
        statements.append(
            f"""CREATE TRIGGER {table}_search_context AFTER UPDATE OF name ON {table}
            WHEN old.name IS NOT new.name BEGIN {sqlite_refresh(ids)} END"""
        )
    return statements


SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS articles_article_fts_insert",
    "DROP TRIGGER IF EXISTS articles_article_fts_delete",
    "DROP TRIGGER IF EXISTS articles_article_fts_update",
    f"DROP TABLE IF EXISTS {FTS}",
    ADD_COLUMN,
    # Filled before the triggers exist: they would take out of the index entries never put in.
    f"UPDATE articles_article SET search_context = {sqlite_names('articles_article.id')}",
    f"""CREATE VIEW articles_article_search AS
        SELECT {sqlite_row("article")} AS context FROM articles_article article""",
    f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
        id UNINDEXED, title, standfirst, interviewee, body, context,
        content='articles_article_search', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
    f"""CREATE TRIGGER articles_article_fts_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO {FTS}({FTS_COLUMNS}) VALUES (new.id, {sqlite_row("new")});
    END""",
    f"""CREATE TRIGGER articles_article_fts_delete AFTER DELETE ON articles_article BEGIN
        INSERT INTO {FTS}({FTS}, {FTS_COLUMNS}) VALUES ('delete', old.id, {sqlite_row("old")});
    END""",
    f"""CREATE TRIGGER articles_article_fts_update
        AFTER UPDATE OF title, standfirst, interviewee, body, search_context, section_id, issue_id
        ON articles_article BEGIN
        INSERT INTO {FTS}({FTS}, {FTS_COLUMNS}) VALUES ('delete', old.id, {sqlite_row("old")});
        INSERT INTO {FTS}({FTS_COLUMNS}) VALUES (new.id, {sqlite_row("new")});
    END""",
    *sqlite_links(),
    *sqlite_containers(),
]


def sqlite_backward():
    fulltext = importlib.import_module("articles.migrations.0006_sqlite_fulltext")
    triggers = [
        *(f"{table}_search_context_{event}" for table, _column in LINKS for event in EVENTS),
        *(f"{table}_search_context" for table, *_rest in RENAMES + CONTAINERS),
    ]
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in triggers),
        *fulltext.DROP,
        "DROP VIEW IF EXISTS articles_article_search",
        DROP_COLUMN,
        *fulltext.CREATE,
    ]


def run_on(vendor, statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for statement in statements() if callable(statements) else statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_markdown_bodies")]

    operations = [
        migrations.RunPython(
            run_on("postgresql", [PG_FORWARD]), run_on("postgresql", [PG_BACKWARD])
        ),
        migrations.RunPython(run_on("sqlite", SQLITE_FORWARD), run_on("sqlite", sqlite_backward)),
    ]
