"""Root URLs: the back office (with its editors' password reset) and the public site
(articles.site.urls, which also serves sitemap.xml and robots.txt)."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "En-Contact — back office"
admin.site.site_title = "En-Contact"
admin.site.index_title = "Rédaction"

# Django's password reset for editors, by e-mail; the admin's login page links to the first.
PASSWORD_RESET = [
    ("password_reset/", auth_views.PasswordResetView, "admin_password_reset"),
    ("password_reset/done/", auth_views.PasswordResetDoneView, "password_reset_done"),
    ("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView, "password_reset_confirm"),
    ("reset/done/", auth_views.PasswordResetCompleteView, "password_reset_complete"),
]

urlpatterns = [
    *(path(f"admin/{route}", view.as_view(), name=name) for route, view, name in PASSWORD_RESET),
    path("admin/", admin.site.urls),
    path("", include("articles.site.urls")),
]
# Uploaded covers and photos; in production the web server serves MEDIA_ROOT itself.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Django's own handlers, named here so that the site's templates/404.html and 500.html are
# known to be the ones shown; 500.html is rendered without context or database.
handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"
