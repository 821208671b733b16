"""The ceiling: the best a Django page can do on this machine, the reference of `make bench`.

A bare view renders the article list's own template for the same 20 rows as the article list
(fetched once per process with the list view's own queryset and card links, then kept in
a plain in-memory list): the same middleware, URL resolver and template engine as every page,
without a single query. Only the rows and the pagination are given to the template; the list's
filter form and tag facets, which need queries, are part of what the pages pay for. Mounted at
/bench/ceiling/ (and a bare request at /bench/ceiling/bare/) only when settings.BENCH_CEILING is
on; marked `never_cache` so that the page cache never serves it and the reference stays the
same in cached and uncached runs.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache

from articles.views import ArticleListView, with_card_links

ROWS = 20
_first_page = {}


def first_page(request):
    """The article list's first page, fetched on the first call only, then kept in memory.

    The paginator is told the real number of articles, so that the template draws the same
    pagination links as the article list does.
    """
    if not _first_page:
        view = ArticleListView()
        view.setup(request)
        articles = view.get_queryset()
        _first_page["rows"] = with_card_links(list(articles[:ROWS]))
        _first_page["count"] = articles.count()
    paginator = Paginator(_first_page["rows"], ROWS)
    paginator.count = _first_page["count"]
    return paginator.page(1)


@never_cache
def ceiling(request):
    page = first_page(request)
    context = {
        "articles": page.object_list,
        "object_list": page.object_list,
        "page_obj": page,
        "paginator": page.paginator,
        "is_paginated": page.has_other_pages(),
    }
    return render(request, "articles/article_list.html", context)


@never_cache
def bare(request):
    """No template at all: what one request costs through gunicorn and the middleware alone.

    Shown beside the ceiling, so that the cost of rendering the list's template is visible.
    """
    return HttpResponse("<!doctype html><title>En-Contact</title><p>Bonjour.</p>")


urlpatterns = [
    path("", ceiling, name="bench-ceiling"),
    path("bare/", bare, name="bench-bare"),
]
