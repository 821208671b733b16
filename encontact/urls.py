"""Root URLs: the public site, the back office and the machine-readable files."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles.sitemaps import SITEMAPS
from articles.views import RobotsView

admin.site.site_header = "En-Contact — back office"
admin.site.site_title = "En-Contact"
admin.site.index_title = "Rédaction"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots"),
    path("auteurs/", include("authors.urls")),
    path("", include("articles.urls")),
]
# Uploaded covers and photos; in production the web server serves MEDIA_ROOT itself.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Django's own handlers, named here so that the site's templates/404.html and 500.html are
# known to be the ones shown; 500.html is rendered without context or database.
handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"

# `make bench` only (BENCH_CEILING=1): the benchmark's reference page, see bench/ceiling.py.
if settings.BENCH_CEILING:
    urlpatterns.insert(0, path("bench/ceiling/", include("bench.ceiling")))
