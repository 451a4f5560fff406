"""Views of the cms app that are not Wagtail pages: search, health and error pages."""

from django.db import connection
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from cms.listing_cache import listing_context
from cms.search import clean_query, search_pages


@require_GET
def search(request):
    query = clean_query(request.GET.get("q"))
    # The results of a query are the same for everyone: kept like a page's listing.
    context = listing_context(
        request,
        "search",
        lambda: {"results": search_pages(query, page_number=request.GET.get("page", 1))},
    )
    return render(request, "cms/search.html", {"search_query": query, **context})


@require_GET
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@requires_csrf_token
def page_not_found(request, exception=None):
    return HttpResponseNotFound(render(request, "404.html", {"not_found": True}).content)


@requires_csrf_token
def server_error(request):
    # Rendered without the request context: whatever failed may fail again in it.
    return HttpResponseServerError(loader.get_template("500.html").render())
