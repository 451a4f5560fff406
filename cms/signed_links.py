"""Links sent by email that name one record: its id, signed for one use.

The salt says what the link is for (cancelling a café registration, cancelling an
appointment), so a link made for one use never works for another.
"""

from django.core import signing


def signed_id(pk, salt):
    return signing.dumps(pk, salt=salt)


def id_from_signed(token, salt):
    """The id in a link made by `signed_id` for this use, or None for one tampered with."""
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int) or isinstance(pk, bool):
        return None
    return pk
