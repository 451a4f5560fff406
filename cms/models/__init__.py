"""The cms app's models: users, site pages and the contact desk settings."""

from .contact import ContactDeskSettings
from .pages import ContactDeskPage, ContentPage, HomePage, NewsIndexPage, NewsPage
from .users import User

__all__ = [
    "ContactDeskPage",
    "ContactDeskSettings",
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "User",
]
