"""Load the demo site: locales, groups, moderation, pages and their translations, logins.

Every step looks before it writes, so running it twice changes nothing.
"""

import datetime
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cms.demo import content
from cms.demo.translations import TRANSLATIONS
from cms.models import (
    ContactDeskPage,
    ContactDeskSettings,
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
)
from cms.settings.languages import SOURCE_LANGUAGE

PAGE_TYPES = {
    "ContentPage": ContentPage,
    "ContactDeskPage": ContactDeskPage,
    "NewsIndexPage": NewsIndexPage,
    "NewsPage": NewsPage,
}

DEMO_PASSWORD = "opstap-demo"
DEMO_USERS = [
    # (email, first name, group or None for superuser)
    ("admin@opstap.test", "Ada", None),
    ("editor@opstap.test", "Eddy", "Editors"),
    ("moderator@opstap.test", "Mona", "Moderators"),
]

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
SHARED_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MODERATOR_PERMISSIONS = [("cms", "change_contactdesksettings")]
MODERATION_WORKFLOW = "Moderators approval"


class DemoContentError(Exception):
    """The demo content is incomplete, for example a Dutch string lacks a translation."""


def seed(*, site_hostname="localhost", site_port=80, create_logins=True):
    # No transaction around the whole run: Wagtail and wagtail-localize save pages in
    # on-commit callbacks, and deferring them all to the end lets a stale copy of a
    # parent page overwrite its child count. Each step is safe to repeat instead.
    locales = ensure_locales()
    root_page = Page.get_first_root_node()
    editors, moderators = ensure_groups(root_page)
    ensure_moderation_workflow(root_page, moderators)
    home = ensure_home(root_page, site_hostname, site_port, locales[SOURCE_LANGUAGE])
    pages = {"home": home}
    for spec in content.CHILDREN:
        ensure_page_tree(home, spec, pages)
    ensure_contact_desk(home)
    for slug, languages in content.TRANSLATED_LANGUAGES.items():
        for language in languages:
            if language in locales:
                ensure_translation(pages[slug], locales[language], TRANSLATIONS)
    app_users = []
    for seed_app in app_demo_seeds():
        app_users.extend(seed_app(home=home, locales=locales, create_logins=create_logins) or [])
    ensure_locale_synchronisation(locales)
    users = ensure_demo_users(editors, moderators) if create_logins else []
    users.extend(app_users)
    return {"home": home, "pages": pages, "users": users}


def app_demo_seeds():
    """The `seed` functions of the apps built on cms, in INSTALLED_APPS order.

    An app contributes demo content with a `<app>/demo/seed.py` that defines
    `seed(home, locales, create_logins)`, returning the demo logins it made as (user,
    role) pairs; cms does not import the apps to its right.
    """
    seeds = []
    for app_config in apps.get_app_configs():
        if app_config.name == "cms":
            continue
        try:
            module = import_module(f"{app_config.name}.demo.seed")
        except ModuleNotFoundError as error:
            if error.name not in (f"{app_config.name}.demo", f"{app_config.name}.demo.seed"):
                raise
            continue
        seeds.append(module.seed)
    return seeds


def ensure_locales():
    locales = {}
    for code, _name in settings.LANGUAGES:
        locales[code], _created = Locale.objects.get_or_create(language_code=code)
    return locales


def ensure_groups(root_page):
    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for group, page_permissions in (
        (editors, EDITOR_PAGE_PERMISSIONS),
        (moderators, MODERATOR_PAGE_PERMISSIONS),
    ):
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        extra = SHARED_PERMISSIONS + (MODERATOR_PERMISSIONS if group is moderators else [])
        group.permissions.add(
            *[
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in extra
            ]
        )
    return editors, moderators


def ensure_moderation_workflow(root_page, moderators):
    """Wagtail's own page moderation: Moderators approve what Editors submit, site-wide."""
    workflow, _ = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if not WorkflowPage.objects.filter(page=root_page).exists():
        WorkflowPage.objects.create(page=root_page, workflow=workflow)
    return workflow


def ensure_home(root_page, hostname, port, source_locale):
    home = HomePage.objects.filter(locale=source_locale, depth=2).first()
    if home is None:
        # Wagtail's "Welcome" placeholder holds the slug "home"; it goes, with the Site
        # that pointed at it, and a Site pointing at the real home page takes its place.
        for placeholder in Page.objects.filter(depth=2).exact_type(Page):
            if not placeholder.get_children().exists():
                placeholder.delete()
        home = HomePage(
            title=content.HOME["title"],
            slug=content.HOME["slug"],
            intro=content.HOME["intro"],
            locale=source_locale,
        )
        root_page.add_child(instance=home)
        _set_body(home, content.HOME["body"], {})
        home.save_revision().publish()
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Opstap"
        )
    return home


def ensure_page_tree(parent, spec, pages):
    model = PAGE_TYPES[spec["type"]]
    page = model.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if page is None:
        page = model(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec.get("intro", ""),
            show_in_menus=spec.get("show_in_menus", False),
            locale=parent.locale,
        )
        if "date" in spec:
            page.date = datetime.date.fromisoformat(spec["date"])
        parent.add_child(instance=page)
        _set_body(page, spec.get("body", []), pages)
        page.save_revision().publish()
    pages[spec["slug"]] = page
    for child in spec.get("children", []):
        ensure_page_tree(page, child, pages)
    return page


def _set_body(page, blocks, pages):
    # A call to action may name a page created after this one: it stays empty until
    # ensure_contact_desk links it.
    page.body = [
        (
            block_type,
            {**value, "page": pages.get(value["page"])}
            if block_type == "call_to_action"
            else value,
        )
        for block_type, value in blocks
    ]


def ensure_contact_desk(home):
    site = Site.objects.get(root_page=home)
    desk = ContactDeskSettings.for_site(site)
    if not desk.name:
        for field, value in content.CONTACT_DESK.items():
            if field == "opening_hours":
                value = [("hours", hours) for hours in value]
            setattr(desk, field, value)
        desk.save()
    # The home page's call to action points at the contact page, created after it.
    home_body = home.specific.body
    contact = ContactDeskPage.objects.child_of(home).first()
    needs_link = [
        block
        for block in home_body
        if block.block_type == "call_to_action" and block.value["page"] is None
    ]
    if needs_link and contact:
        raw = home_body.raw_data
        for item in raw:
            if item["type"] == "call_to_action" and not item["value"].get("page"):
                item["value"]["page"] = contact.pk
        home.body = raw
        home.save_revision().publish()
    return desk


def ensure_translation(instance, locale, translations):
    """Translate a page or snippet into `locale` through wagtail-localize, as a
    translator would: export the strings to PO, fill them in, import, publish.

    `translations` maps a language code to {Dutch string: translated string}.
    """
    existing = instance.get_translation_or_none(locale)
    if existing is not None and getattr(existing, "alias_of_id", None) is None:
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    strings = translations.get(locale.language_code, {})
    missing = []
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        else:
            missing.append(entry.msgid)
    if missing:
        raise DemoContentError(
            f"The demo text has no {locale.language_code} translation for: "
            + "; ".join(repr(text) for text in missing)
            + ". Add it to the app's demo/translations.py."
        )
    translation.import_po(po)
    translation.save_target(publish=True)
    return instance.get_translation(locale)


def ensure_locale_synchronisation(locales):
    """Every language mirrors the Dutch tree: a page not yet translated appears there as
    an alias of the Dutch page, so a reader who switches language never lands on a 404."""
    source = locales[SOURCE_LANGUAGE]
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            continue
        _sync, created = LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source}
        )
        if not created:  # a new synchronisation has just synchronised the tree itself
            synchronize_tree(source, locale)


def ensure_demo_users(editors, moderators):
    User = get_user_model()
    groups = {"Editors": editors, "Moderators": moderators}
    users = []
    for email, first_name, group_name in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            if group_name is None:
                user = User.objects.create_superuser(email, DEMO_PASSWORD, first_name=first_name)
            else:
                user = User.objects.create_user(
                    email, DEMO_PASSWORD, first_name=first_name, is_staff=True
                )
                user.groups.add(groups[group_name])
        users.append((user, group_name or "superuser"))
    return users
