"""The back office for the magazine's content: one module per screen family.

- `articles`: ArticleAdmin, composed of the mixins of `article_list` (its list and columns),
  `article_form` (its form and the import's provenance), `articles` (workflow and inlines),
  `actions` (bulk actions) and `imports` (the import page and its jobs; `uploads` reads them);
- `taxonomy`: tags, sections, and the importer's editable data (subjects, furniture lines);
- `issues`: issues and their table of contents;
- `filters`: the list filters; `common`: what every screen shares, the authors' included.

Django's admin autodiscovery imports this package: importing the modules registers them.
"""

from articles.admin import articles, issues, taxonomy  # noqa: F401
