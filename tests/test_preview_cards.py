"""The package writes the link preview cards (backguide.previews), and names a title too long for its card."""

from __future__ import annotations

from pathlib import Path

from backguide.cards import Card
from backguide.previews import title_problem, write_cards

LONG = "Pneumonoultramicroscopicsilicovolcanoconiosis"


def test_cards_are_written_at_their_paths(tmp_path: Path) -> None:
    cards = {"assets/cards/methods/chair.png": ("docs/methods/chair.md", Card(title="Chair", kicker="Method 1"))}
    assert title_problem("Chair") is None
    write_cards(tmp_path, cards)
    assert (tmp_path / "assets" / "cards" / "methods" / "chair.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_title_too_long_is_named_and_its_card_left_out(tmp_path: Path) -> None:
    assert title_problem(LONG) == (
        f'the title "{LONG}" does not fit on its link preview card in 3 lines at 72 px, and a card never cuts a'
        " title; shorten the page's title (its front matter 'title')"
    )
    write_cards(tmp_path, {"assets/cards/x.png": ("docs/x.md", Card(title=LONG))})
    assert not (tmp_path / "assets" / "cards" / "x.png").exists()
