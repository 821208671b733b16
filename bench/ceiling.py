"""The reference pages of `make bench`, mounted by the benchmark's own URLconf (bench.urls).

- The plain ceiling (`/bench/ceiling/plain/`), the headline reference: a plain Django page
  rendering the 20 rows of the article list (linked title, linked author, date, standfirst,
  three linked tags, a header and a footer) from memory, through one simple template
  (bench/templates/bench/plain.html), with the same middleware. What a new user would call a
  fast Django page for the same content.
- The own-template ceiling (`/bench/ceiling/`), kept beside it: a bare view renders the
  article list's own template for the same 20 rows (fetched once per process with the list
  view's own queryset and card links, then kept in a plain in-memory list): the same
  middleware, URL resolver and template engine as every page, without a single query. Only
  the rows and the pagination are given to the template; the list's filter form and tag
  facets, which need queries, are part of what the pages pay for.
- A bare request (`/bench/ceiling/bare/`): no template at all.

All are marked `never_cache`, so that the page cache never serves them and the references
stay the same in cached and uncached runs.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache

from articles.site.cards import with_card_links
from articles.site.views.lists import ArticleListView

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


def plain_rows(request):
    """The article list's 20 rows as plain values (addresses included), computed once."""
    if "plain" not in _first_page:
        rows = []
        for article in first_page(request).object_list:
            author = (article.byline_links or [None])[0]
            rows.append(
                {
                    "title": article.title,
                    "url": article.get_absolute_url(),
                    "author": author.name if author else "La rédaction",
                    "author_url": author.get_absolute_url() if author else "/auteurs/",
                    "date": article.published_at,
                    "standfirst": article.standfirst,
                    "tags": [
                        {"name": tag.name, "url": tag.get_absolute_url()}
                        for tag in article.tag_links[:3]
                    ],
                }
            )
        _first_page["plain"] = rows
    return _first_page["plain"]


@never_cache
def plain(request):
    return render(request, "bench/plain.html", {"rows": plain_rows(request)})


@never_cache
def bare(request):
    """No template at all: what one request costs through gunicorn and the middleware alone.

    Shown beside the ceiling, so that the cost of rendering the list's template is visible.
    """
    return HttpResponse("<!doctype html><title>En-Contact</title><p>Bonjour.</p>")


urlpatterns = [
    path("", ceiling, name="bench-ceiling"),
    path("plain/", plain, name="bench-plain"),
    path("bare/", bare, name="bench-bare"),
]
