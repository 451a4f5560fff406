"""Images on public pages are Wagtail renditions the size of their slot, never the
uploaded original (a 2,400-pixel logo must not travel to a 96-pixel card)."""

import re

import pytest

from tests.programmes.programme_factories import (
    LogoFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    dutch_home,
)


def images(html):
    return [
        {
            "src": re.search(r'src="([^"]+)"', tag).group(1),
            "width": int(re.search(r'width="(\d+)"', tag).group(1)),
            "height": int(re.search(r'height="(\d+)"', tag).group(1)),
        }
        for tag in re.findall(r"<img [^>]+>", html)
    ]


@pytest.fixture
def partner_with_a_large_logo(db):
    index = PartnerIndexPageFactory(parent=dutch_home())
    logo = LogoFactory(file__width=2400, file__height=1200, file__filename="groot-logo.png")
    return PartnerPageFactory(parent=index, title="Grote Werkgever", logo=logo)


def test_a_partner_card_shows_its_logo_at_most_240_by_96(client, partner_with_a_large_logo):
    html = client.get(partner_with_a_large_logo.get_parent().url).content.decode()

    [logo] = images(html)
    assert (logo["width"], logo["height"]) == (192, 96)
    assert ".max-240x96" in logo["src"]
    assert partner_with_a_large_logo.logo.file.url not in html


def test_a_partner_page_shows_its_logo_at_most_320_by_160(client, partner_with_a_large_logo):
    html = client.get(partner_with_a_large_logo.url).content.decode()

    [logo] = images(html)
    assert (logo["width"], logo["height"]) == (320, 160)
    assert ".max-320x160" in logo["src"]
    assert partner_with_a_large_logo.logo.file.url not in html
