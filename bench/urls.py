"""The site's URLconf plus the benchmark's reference pages at /bench/ceiling/ (bench.ceiling)."""

from django.urls import include, path

from encontact.urls import handler404, handler500
from encontact.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/ceiling/", include("bench.ceiling")), *site_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
