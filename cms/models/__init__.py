"""The cms app's models: users, site pages, the contact desk settings and
emails that could not be sent."""

from .contact import ContactDeskSettings
from .mail import UndeliveredMail
from .pages import ContactDeskPage, ContentPage, HomePage, NewsIndexPage, NewsPage
from .users import User

__all__ = [
    "ContactDeskPage",
    "ContactDeskSettings",
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "UndeliveredMail",
    "User",
]
