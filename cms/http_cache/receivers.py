"""The changes that purge the shared cache, connected once from `CmsConfig.ready`."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.http_cache.purging import page_languages, purge_languages


def _page_changed(sender, instance, **kwargs):
    purge_languages(page_languages(instance))


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_languages([instance.locale.language_code])


def _shown_on_pages_saved(sender, instance, **kwargs):
    """Settings (the footer, the contact desk) and snippets show on many pages, in
    every language."""
    if isinstance(instance, (BaseSiteSetting, BaseGenericSetting)) or (
        type(instance) in get_snippet_models()
    ):
        purge_languages()


def _registration_changed(sender, instance, **kwargs):
    """The places left show on the session, its series and the listings."""
    purge_languages(page_languages(instance.session))


def connect_signals():
    from programmes.models import Registration

    page_published.connect(_page_changed, dispatch_uid="opstap_http_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="opstap_http_cache_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="opstap_http_cache_moved")
    post_delete.connect(_page_deleted, dispatch_uid="opstap_http_cache_page_deleted")
    post_save.connect(_shown_on_pages_saved, dispatch_uid="opstap_http_cache_shown_saved")
    post_save.connect(
        _registration_changed, sender=Registration, dispatch_uid="opstap_http_cache_reg"
    )
