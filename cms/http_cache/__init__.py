"""The shared HTTP cache in front of the site (Varnish, `cms/http_cache/varnish.vcl`).

Two halves. `SharedCacheMiddleware` marks a response `public` only when it cannot hold
anything of one visitor: a GET without a session cookie that answered 200 and set no
cookie. A page with a form uses a CSRF token, which sets its cookie, so it is
never shared; nor is anything for someone with a session. Varnish
keeps only what is marked `public`.

The other half purges: publishing, unpublishing, moving or deleting a page, saving a
setting or snippet, and a café registration changing the places left, each purge the
languages they touch through Wagtail's frontend cache. A purge of a language's root
bans every page of that language (the VCL bans by prefix): menus, listings and counts
of places all show on other pages than the one that changed, and editors publish
rarely enough for a whole language to be refilled.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/healthz")


def _is_shareable(request, response):
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return False
    if request.path.startswith(EXCLUDED_PREFIXES) or response.has_header("Cache-Control"):
        return False
    # Without a session cookie the session was empty: a page that looked at the user
    # (and so says `Vary: Cookie`) shows what every visitor without one sees. Anything
    # that sets a cookie (a CSRF token, a message read) is the visitor's own.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and not response.cookies


def _without_cookie_in_vary(response):
    """One copy for every visitor without a session: Varnish passes those with one."""
    kept = [
        header.strip()
        for header in response.get("Vary", "").split(",")
        if header.strip() and header.strip().lower() != "cookie"
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


class SharedCacheMiddleware:
    """Outside the session, CSRF and message middleware, so it sees the cookies they
    set. Browsers revalidate every time (max-age=0); the shared cache keeps a page for
    OPSTAP_SHARED_CACHE_SECONDS, or until a purge."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.OPSTAP_SHARED_CACHE_SECONDS and _is_shareable(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.OPSTAP_SHARED_CACHE_SECONDS
            )
            _without_cookie_in_vary(response)
        return response
