"""What renews the cached listings of this app, connected once from `ProgrammesConfig.ready`."""

from django.db.models.signals import post_delete, post_save

from cms import listing_cache


def _registration_changed(sender, **kwargs):
    """The places left show on every listing of sessions."""
    listing_cache.bump("registrations")


def connect_signals():
    from programmes.models import Registration

    for signal in (post_save, post_delete):
        signal.connect(
            _registration_changed,
            sender=Registration,
            dispatch_uid=f"opstap_listing_registrations_{signal is post_save}",
        )
