"""The project's URLs: the admin outside the language prefix, everything public inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import two_factor_views, views

urlpatterns = [
    # Wagtail's sign-in, with the code step of two-factor sign-in after the password.
    path("admin/login/", two_factor_views.SignInView.as_view(), name="wagtailadmin_login"),
    path("admin/login/code/", two_factor_views.code_sign_in, name="two_factor_sign_in"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.health, name="health"),
]

urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("programmes/", include("programmes.eligibility_urls")),
    path("cafe/", include("programmes.urls")),
    path("afspraak/", include("programmes.appointment_urls")),
    path("my/", include("workflows.urls")),
    path("partner/", include("workflows.partner_urls")),
    path("certificaat/", include("workflows.certificate_urls")),
    path("aanmelden/", include("forms.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )
