"""PDFs with WeasyPrint, and what they may load while they are made.

A PDF is made from our own templates, but those print text people typed. WeasyPrint
follows every URL in the HTML and CSS, so each document gets a fetcher that loads only
what it needs: nothing at all (`refusing_url_fetcher`), or the project's own static
files (`static_files_url_fetcher`). Never `file://`, never another host.
"""

import base64
import binascii
import functools
import io
import mimetypes
import re
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

# The address documents are laid out at: no request, so no host of ours to name. It is
# never fetched; the fetcher answers for its static paths from disk.
DOCUMENT_BASE_URL = "https://opstap.invalid/"


class RefusedURL(ValueError):
    pass


def _refuse(url, *args, **kwargs):
    raise RefusedURL(f"This document loads nothing from outside: {url}")


def _fetcher_class(fetch):
    # Imported here: WeasyPrint loads Pango, which most requests do not need.
    from weasyprint import urls

    class Fetcher(urls.URLFetcher):
        def fetch(self, url, headers=None):
            return fetch(url)

    return Fetcher()


def refusing_url_fetcher():
    """A fetcher that fetches nothing: for documents whose CSS is inline and that use the
    machine's fonts. Nothing in them (a link someone typed, say) can make us fetch."""
    return _fetcher_class(_refuse)


def static_file_path(url):
    """The static file an address of DOCUMENT_BASE_URL names; None for anything else."""
    parts = urlsplit(url)
    base = urlsplit(DOCUMENT_BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(settings.STATIC_URL) or ".." in path.split("/"):
        return None
    return path.removeprefix(settings.STATIC_URL)


# Images we embed ourselves (a partner's logo rendition): inert data, no address to follow.
DATA_IMAGE = re.compile(r"^data:(image/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)$")


def data_image(url):
    """(content type, bytes) of a base64 PNG or JPEG data: address; None for anything else."""
    match = DATA_IMAGE.match(url)
    if match is None:
        return None
    try:
        return match[1], base64.b64decode(match[2], validate=True)
    except binascii.Error:
        return None


def _read_static(name):
    found = finders.find(name)
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    # In production the finders may be gone and the files collected.
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as handle:
            return handle.read()
    return None


@functools.lru_cache(maxsize=64)
def static_file_body(name):
    """A static file's bytes, read once per process: a certificate run renders the same
    fonts and stylesheet hundreds of times. WOFF2 fonts come out decompressed, because
    WeasyPrint would otherwise decompress each one again for every document."""
    body = _read_static(name)
    if body is not None and name.endswith(".woff2"):
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(body))
        font.flavor = None
        output = io.BytesIO()
        font.save(output)
        body = output.getvalue()
    return body


def static_files_url_fetcher():
    """A fetcher that serves the project's static files (fonts, logo, stylesheet) and
    embedded PNG or JPEG images, and refuses every other address."""
    from weasyprint import urls

    def fetch(url):
        image = data_image(url)
        if image is not None:
            content_type, body = image
            return urls.URLFetcherResponse(url, body, {"Content-Type": content_type})
        name = static_file_path(url)
        body = static_file_body(name) if name else None
        if body is None:
            _refuse(url)
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return urls.URLFetcherResponse(url, body, {"Content-Type": content_type})

    return _fetcher_class(fetch)


def write_pdf(html, url_fetcher):
    """The PDF bytes of `html`, laid out at DOCUMENT_BASE_URL."""
    import weasyprint

    return weasyprint.HTML(
        string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=url_fetcher
    ).write_pdf()
