"""Storage for files no one may fetch by address: applicants' uploads, certificates."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage without public URLs.

    Files here are handed out only by views that check who is asking; asking this
    storage for a URL is a bug, so it fails loudly instead of pointing under MEDIA_URL.
    """

    def url(self, name):
        raise ValueError(
            "Private files have no public URL: serve them through a view that checks permissions."
        )


def private_storage():
    """The storage for private files, looked up when used so tests and settings can swap it."""
    from django.core.files.storage import storages

    return storages["private"]
