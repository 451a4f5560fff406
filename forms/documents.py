"""Handing out an applicant's uploaded document: only as a download, never rendered.

Callers decide who may have it; this makes the response. Only the types the wizard
accepts are named as such; anything else goes out as plain bytes.
"""

from django.http import FileResponse, Http404

DOWNLOAD_TYPES = {"application/pdf", "image/jpeg", "image/png"}


def document_response(document):
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    content_type = document.content_type if document.content_type in DOWNLOAD_TYPES else None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
