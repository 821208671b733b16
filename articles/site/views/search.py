"""The search page (`/recherche/`): the article list's filters, best matches first."""

from django.db import OperationalError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from articles import search
from articles.site.filters import SearchFilter
from articles.site.views.lists import ArticleListView


class SearchView(ArticleListView):
    """Full-text search, best matches first, with highlighted excerpts; tags narrow it."""

    filterset_class = SearchFilter
    template_name = "articles/search.html"
    cards_kept = False  # a card shows its excerpt for these words

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs).render()
        except OperationalError:
            # Cancelled by the statement timeout of public requests (encontact.timeouts).
            words = search.clean_query(request.GET.get("q"))
            response = render(request, self.template_name, {"words": words, "timed_out": True})
            add_never_cache_headers(response)
            return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Words found in most of the archive: only the most recent matches are ranked.
        context["capped"] = search.is_capped(context["paginator"].count)
        return context
