"""CONTENT.md's front matter table says what the facts table in backguide/facts.py says.

Authors read CONTENT.md; the rules, the glance box and the finder read FACTS. A word added
to one and not the other fails here, naming the key.
"""

from __future__ import annotations

import re

import pytest
from backguide.facts import FACTS
from project import ROOT


def front_matter_rows() -> dict[str, str]:
    """The 'Type' cell of each row of CONTENT.md's front matter table, by key."""
    section = (ROOT / "CONTENT.md").read_text().split("## Front matter", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and (key := re.fullmatch(r"`(\w+)`", cells[0])):
            rows.setdefault(key.group(1), cells[1])
    return rows


@pytest.mark.parametrize("fact", FACTS, ids=lambda fact: fact.key)
def test_content_md_lists_each_fact_with_its_words(fact) -> None:
    rows = front_matter_rows()
    assert fact.key in rows, f"CONTENT.md's front matter table has no row for '{fact.key}'"
    kind, words = rows[fact.key].split(" of ", 1)
    assert kind == ("list" if fact.many else "one"), f"'{fact.key}': CONTENT.md says '{kind} of', the table says many={fact.many}"
    assert re.findall(r"`([^`]+)`", words) == list(fact.vocabulary), f"'{fact.key}': the words differ from backguide/facts.py"


def test_a_word_missing_from_content_md_is_caught() -> None:
    assert re.findall(r"`([^`]+)`", "`sitting`, `lying`") != ["sitting", "lying", "standing"]
