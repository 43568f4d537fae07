from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve as static_serve

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from editorial import views as editorial_views
from healthsite import views as healthsite_views
from healthsite.admin_guards import confirm_workflow_cancellation
from healthsite.admin_login import (
    RateLimitedLoginView,
    RateLimitedPasswordResetView,
    authenticate_document_password,
    authenticate_with_password,
)
from seo import views as seo_views
from seo.sitemaps import SITEMAPS

urlpatterns = [
    # Wagtail's sign-in, rate-limited (healthsite/admin_login.py); same address and name.
    path("admin/login/", RateLimitedLoginView.as_view(), name="wagtailadmin_login"),
    path(
        "admin/password_reset/",
        RateLimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    # Wagtail's question before publishing a page in review, after checking who asks.
    path(
        "admin/pages/workflow/confirm_cancellation/<int:page_id>/",
        confirm_workflow_cancellation,
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password form for private documents, its failures counted (admin_login.py).
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", include("search.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("people/", editorial_views.people, name="people"),
    path("people/<slug:slug>/", editorial_views.person, name="person"),
    path("site-map/", healthsite_views.site_map, name="site_map"),
    path("robots.txt", seo_views.robots, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Public pages are cached for everyone, so their forms carry no CSRF cookie and protect
# themselves instead (privacy/public_forms.py). The admin keeps Django's CSRF checks.
# Wagtail's sign-in and password form for private pages ("_util/…") come first, or the page
# pattern would take their addresses for a page's.
urlpatterns += [
    # Wagtail's password form for private pages, its failures counted (admin_login.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(serve_pattern, csrf_exempt(wagtail_views.serve), name="wagtail_serve"),
]
