"""The search index holds the words readers type: split at punctuation, never glued together."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from project import ROOT

# Material's default separator, which left "back," and “corpse as words of their own.
DEFAULT_SEPARATOR = r"[\s\-]+"
TAG = re.compile(r"<[^>]+>")


def configured_separator() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    search = next(plugin["search"] for plugin in config["plugins"] if isinstance(plugin, dict) and "search" in plugin)
    return search["separator"]


def index_text(site: Path) -> str:
    """The text of every entry of the built search index, without its HTML tags."""
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    return " ".join(TAG.sub(" ", f"{doc['title']} {doc['text']}") for doc in docs)


def not_words(text: str, separator: str) -> list[str]:
    """Tokens, as search cuts them, that still carry punctuation."""
    return sorted({token for token in re.split(separator, text) if token and not re.fullmatch(r"\w+", token)})


def glued_words(text: str) -> list[str]:
    """Two words run together by markup without white space, such as "backPosition"."""
    return sorted(set(re.findall(r"\b[a-z]+[A-Z]\w*", text)))


def test_every_indexed_token_is_a_word(site: Path) -> None:
    assert not_words(index_text(site), configured_separator()) == []


def test_punctuation_on_a_word_is_caught() -> None:
    text = "persistent back, neck or shoulder pain; the “corpse pose”"
    assert not_words(text, DEFAULT_SEPARATOR) == ["back,", "pain;", "pose”", "“corpse"]
    assert not_words(text, configured_separator()) == []


def test_no_words_are_glued_together(site: Path) -> None:
    assert glued_words(index_text(site)) == []


def test_a_glued_word_is_caught() -> None:
    assert glued_words("You need A chair with a solid backPositionSittingWorks on") == ["backPositionSittingWorks"]
