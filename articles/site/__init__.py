"""The public site: what readers see of published articles.

`views/` (the pages, by family), `cards` (the published articles as lists show them), `filters`
(the lists' filters), `feeds`, `sitemaps` and `urls`. Its template tags are the articles app's
(`articles/templatetags/`), where Django finds them; search, the page and aggregate caches and
the archive's counts are `articles.search`, `articles.caching` and `articles.counters`.
The site reads the models and never imports the back office nor the importer.
"""
