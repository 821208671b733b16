"""Root URLs: the public site, the back office and the machine-readable files."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "En-Contact — back office"
admin.site.site_title = "En-Contact"
admin.site.index_title = "Rédaction"

urlpatterns = [
    # Django's password reset for editors, by e-mail; the admin's login page links to it.
    path(
        "admin/password_reset/",
        auth_views.PasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "admin/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "admin/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("", include("articles.site.urls")),
]
# Uploaded covers and photos; in production the web server serves MEDIA_ROOT itself.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Django's own handlers, named here so that the site's templates/404.html and 500.html are
# known to be the ones shown; 500.html is rendered without context or database.
handler404 = "django.views.defaults.page_not_found"
handler500 = "django.views.defaults.server_error"
