"""The search page (`/recherche/`): the article list's filters, best matches first.

A search's results are kept per content generation with the lists' aggregates
(`articles.aggregates.cached_aggregate`), under the words that reach the database and the
other filters as understood (`filters.results_key`): the ids of its recent matches
(PostgreSQL), its number of results and tag facets, and for each page the ids shown and their
excerpts. Asked again before anything changes, a search costs reads from the cache and one
query for the page's rows; the first reader after a change computes it, as without a cache.
"""

from django.db import OperationalError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from articles import search
from articles.aggregates import cached_aggregate
from articles.site.cards import CARD_FIELDS, public_articles
from articles.site.filters import SearchFilter, results_key
from articles.site.views.lists import ArticleListView


class SearchView(ArticleListView):
    """Full-text search, best matches first, with highlighted excerpts; tags narrow it."""

    filterset_class = SearchFilter
    template_name = "articles/search.html"
    ids_kept = False  # kept with their excerpts ("search-page"), see `page_articles`

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs).render()
        except OperationalError:
            # Cancelled by the statement timeout of public requests (encontact.timeouts).
            words = search.clean_query(request.GET.get("q"))
            response = render(request, self.template_name, {"words": words, "timed_out": True})
            add_never_cache_headers(response)
            return response

    def aggregates(self):
        if not self.filterset.words:
            return super().aggregates()
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        return [
            *super().aggregates(),
            ("search-matches", results_key(self.filterset)),
            ("search-page", f"{self.aggregate_key()}:{page}"),
        ]

    def page_articles(self, page):
        """The page's articles with their `excerpt`: ranked and excerpted by the database
        once per content generation, then read by id."""
        computed = []

        def compute():
            computed.extend(page.object_list)  # models: the query gives each its excerpt
            return [(article.pk, article.excerpt) for article in computed]

        shown = cached_aggregate("search-page", f"{self.aggregate_key()}:{page.number}", compute)
        if computed or not shown:
            return computed
        rows = public_articles().only(*CARD_FIELDS).in_bulk([pk for pk, _excerpt in shown])
        articles = []
        for pk, excerpt in shown:
            if pk in rows:
                rows[pk].excerpt = excerpt
                articles.append(rows[pk])
        return articles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Words found in most of the archive: only the most recent matches are ranked.
        context["capped"] = search.is_capped(context["paginator"].count)
        return context
