"""The package writes the link preview cards (backguide.previews), and names a title too long for its card."""

from __future__ import annotations

from pathlib import Path

from backguide.cards import Card
from backguide.previews import titles_too_long, too_long, write_cards

LONG = "Pneumonoultramicroscopicsilicovolcanoconiosis"


def test_cards_are_written_at_their_paths(tmp_path: Path) -> None:
    cards = {"assets/cards/methods/chair.png": ("docs/methods/chair.md", Card(title="Chair", kicker="Method 1"))}
    assert titles_too_long(cards) == []
    write_cards(tmp_path, cards)
    assert (tmp_path / "assets" / "cards" / "methods" / "chair.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_title_too_long_is_named_with_its_page() -> None:
    cards = {"assets/cards/index.png": ("docs/index.md", Card(title="Home")), "assets/cards/x.png": ("docs/x.md", Card(title=LONG))}
    assert titles_too_long(cards) == [too_long("docs/x.md", LONG)]
