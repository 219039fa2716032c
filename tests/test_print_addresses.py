"""Printed links say where they lead (overrides/hooks/print_addresses.py): which address each link gets."""

from __future__ import annotations

import pytest
from support.site import load_hook

hook = load_hook("print_addresses")
PAGE_URL = "https://site.example/base/en/puljen/"


@pytest.mark.parametrize(
    ("link", "address"),
    [
        ('<a href="mailto:m.x@rn.dk">write to the coordinator</a>', "m.x@rn.dk"),
        ('<a href="mailto:m.x@rn.dk?subject=Hej">write</a>', "m.x@rn.dk"),
        ('<a href="tel:+4512345678">call us</a>', "+4512345678"),
        ('<a href="https://rn.dk">the Region</a>', "https://rn.dk"),
        ('<a href="../kontakt/">contact</a>', "https://site.example/base/en/kontakt/"),
        (
            '<a href="../../data/x.csv" title="t">the <em>CSV</em> file</a>',
            "https://site.example/base/data/x.csv",
        ),
        ('<a href="../kontakt/#form">the form</a>', "https://site.example/base/en/kontakt/#form"),
    ],
)
def test_a_link_whose_words_are_not_its_address_carries_it(link: str, address: str) -> None:
    marked = hook.add_print_addresses(f"<p>Please {link}.</p>", PAGE_URL)
    assert f'data-print-address="{address}"' in marked, marked
    assert marked.replace(f' data-print-address="{address}"', "") == f"<p>Please {link}.</p>"


@pytest.mark.parametrize(
    "link",
    [
        '<a href="mailto:m.x@rn.dk">m.x@rn.dk</a>',
        '<a href="https://rn.dk/">rn.dk</a>',
        '<a href="https://rn.dk">https://rn.dk</a>',
        '<a href="#section">the section below</a>',
        '<a href="https://rn.dk" data-print-address="https://rn.dk">the Region</a>',
    ],
)
def test_a_link_that_says_where_it_leads_or_stays_on_the_page_is_left_alone(link: str) -> None:
    assert hook.add_print_addresses(link, PAGE_URL) == link
