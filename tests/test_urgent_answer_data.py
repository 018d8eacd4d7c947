"""The words of search's urgent answer (backguide/data/urgent-search-words.yml), against the NHS reference.

Every sign of the reference has words, the file names no other sign, and a wrong entry stops
the build with one message that names the file, the key and the fix. What the site ships
(search/urgent-signs.json) is the same bytes from the same input. The matching itself runs
in Chromium: tests/browser/test_urgent_answer.py.
"""

from __future__ import annotations

import re

import copy
import json
from pathlib import Path

import pytest
import yaml

from backguide import red_flags, urgent_answer
from backguide.content import CONTENT_MD
from backguide.urgent_answer import OUTPUT, WORDS, WordsError, as_json, parse_words, unlisted_texts, words
from project import ROOT

REF = red_flags.reference()
RAW = yaml.safe_load(WORDS.read_text(encoding="utf-8"))


def parsed(change) -> dict:
    data = copy.deepcopy(RAW)
    change(data)
    return parse_words(data, REF)


def fails(change) -> str:
    with pytest.raises(WordsError) as raised:
        parsed(change)
    return str(raised.value)


def test_every_sign_of_both_lists_has_words_in_the_references_order() -> None:
    data = words()
    assert [(urgent["id"], [sign["sign"] for sign in urgent["signs"]]) for urgent in data["lists"]] == [
        (urgent.id, [sign.sign for sign in urgent.signs]) for urgent in REF.lists
    ]
    assert all(sign["when"] for urgent in data["lists"] for sign in urgent["signs"])
    assert data["source"] == REF.page and data["checked"] == REF.checked.isoformat()


def test_each_answer_links_to_its_list_on_the_help_page() -> None:
    help_md = with_includes((ROOT / "docs" / REF.help_page).read_text())
    for urgent in words()["lists"]:
        assert urgent["link"]["href"] == f"help/#{urgent['id']}"
        assert f"{{#{urgent['id']}}}" in help_md
        assert urgent["nhs"] in help_md  # the heading the answer shows is the help page's


def with_includes(markdown: str) -> str:
    """The page's Markdown with each  --8<-- "file"  line replaced by the include, as snippets does."""
    return re.sub(r'^--8<-- "([^"]+)"$', lambda line: (ROOT / "includes" / line[1]).read_text(), markdown, flags=re.M)


def test_the_answer_adds_only_words_content_md_lists() -> None:
    assert unlisted_texts(words(), CONTENT_MD.read_text()) == []
    without = CONTENT_MD.read_text().replace("| Every sign that needs 999 or A&E |", "| (removed) |")
    assert unlisted_texts(words(), without) == ["Every sign that needs 999 or A&E"]


def test_the_data_is_the_same_bytes_every_time() -> None:
    first, second = as_json(parse_words(copy.deepcopy(RAW), REF)), as_json(parse_words(copy.deepcopy(RAW), REF))
    assert first == second and first.endswith("}\n") and "\n" not in first[:-1]


def test_the_built_site_ships_the_data(site: Path) -> None:
    assert (site / OUTPUT).read_text(encoding="utf-8") == as_json(words())
    assert json.loads((site / OUTPUT).read_text())["lists"][0]["id"] == "call-999"


def test_groups_are_expanded_for_the_browser() -> None:
    chest = next(sign for urgent in words()["lists"] for sign in urgent["signs"] if sign["sign"] == "chest pain")
    assert "pain" in chest["when"][0]["all"][1] and not any(
        phrase.startswith("@") for rule in chest["when"] for term in rule["all"] for phrase in term
    )


# Each mistake an author can make: one message, naming the file, the key and the fix.
CASES = {
    "a sign without words": (
        lambda data: data["lists"]["call-999"].pop(4),
        'backguide/data/urgent-search-words.yml: the list \'call-999\' has no words for the sign "chest pain";'
        " add  - sign: chest pain  with 'when:'",
    ),
    "a sign the reference lacks": (
        lambda data: data["lists"]["call-111"].append({"sign": "stiff neck", "when": [["neck"]]}),
        'the list \'call-111\' has words for "stiff neck", which is not a sign of that list;'
        " write the sign exactly as backguide/data/nhs-back-pain-urgent-advice.yml does",
    ),
    "an unknown group": (
        lambda data: data["lists"]["call-999"][4]["when"].append(["@aches"]),
        "the sign \"chest pain\" names the group '@aches', which 'groups' lacks; add it under 'groups', or fix the name",
    ),
    "no read as false": (
        lambda data: data["lists"]["call-999"][4]["when"].append([False]),
        'the sign "chest pain" has False, which YAML read from on, off, yes or no; write the word in quotes, e.g. "no"',
    ),
    "punctuation in a phrase": (
        lambda data: data["lists"]["call-999"][4]["when"].append(["chest-pain"]),
        "the sign \"chest pain\" has 'chest-pain'; write words of letters and digits",
    ),
    "only ignored words": (
        lambda data: data["lists"]["call-999"][4]["when"].append(["in the"]),
        "the sign \"chest pain\" has 'in the', whose every word is in 'ignore'; add a word a query would have",
    ),
    "a bad near": (
        lambda data: data["lists"]["call-999"][4]["when"].append({"all": ["chest"], "near": -1}),
        'the sign "chest pain" has near: -1; give the most words allowed between its terms',
    ),
    "a list without link text": (
        lambda data: data["link_text"].pop("call-111"),
        "'link_text' has no 'call-111'; give the words of the link to that list on the help page",
    ),
    "an unknown key": (
        lambda data: data.update(synonyms=[]),
        "has the unknown key 'synonyms'",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_wrong_entry_is_named(case: str) -> None:
    change, message = CASES[case]
    assert message in fails(change)
    assert fails(change).startswith("backguide/data/urgent-search-words.yml: ")


def test_a_broken_words_file_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's hook (hooks/search.py) turns this error into the build's one message and stops."""
    broken = tmp_path / "urgent-search-words.yml"
    broken.write_text(WORDS.read_text().replace("    - sign: chest pain\n", "    - sign: chest pains\n"))
    monkeypatch.setattr(urgent_answer, "WORDS", broken)
    with pytest.raises(WordsError, match='no words for the sign "chest pain"'):
        urgent_answer.write_answers(tmp_path / "site")
    assert not (tmp_path / "site" / OUTPUT).exists()
