"""Search that sees symptoms: the data the search dialog's urgent answer is matched with.

When a reader's query names one of the NHS's urgent signs of back pain
(backguide/data/nhs-back-pain-urgent-advice.yml), the search dialog shows, above the
results, which service to use, the sign in the reference's words, and a link to that list
on the help page. The words readers use for each sign live beside the reference, in
backguide/data/urgent-search-words.yml. This module checks that file against the reference
and writes what the browser needs as one JSON file in the site (search/urgent-signs.json),
byte for byte the same from the same input. The matching itself is
docs/javascripts/urgent-answer.js, run in the reader's browser and by the tests.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from backguide import red_flags
from backguide.content import CONTENT_MD, listed
from backguide.site import page_url

WORDS = Path(__file__).with_name("data") / "urgent-search-words.yml"
WORDS_NAME = "backguide/data/urgent-search-words.yml"
# Where the answer's data goes in the site; docs/javascripts/search.js fetches it from here.
OUTPUT = "search/urgent-signs.json"
# A phrase: words of letters and digits, each may start with "=" (typed exactly, no stem).
PHRASE = re.compile(r"=?[a-z0-9]+( =?[a-z0-9]+)*")
GROUP = re.compile(r"@[a-z_]+")
KEYS = {"near", "link_text", "ignore", "back_pain", "exercise", "groups", "lists"}


class WordsError(ValueError):
    """The words file is wrong; the message names the file, the key and the fix."""


def _fail(where: str, fix: str) -> WordsError:
    return WordsError(f"{WORDS_NAME}: {where}; {fix}")


def _phrase(value: Any, where: str, ignore: frozenset[str]) -> str:
    if isinstance(value, bool):
        raise _fail(f"{where} has {value!r}, which YAML read from on, off, yes or no", 'write the word in quotes, e.g. "no"')
    text = " ".join(str(value).split()).lower() if isinstance(value, (str, int)) else ""
    if not PHRASE.fullmatch(text):
        raise _fail(f"{where} has {value!r}", "write words of letters and digits, e.g. pins and needles, or =legs for a word typed exactly")
    if all(word.lstrip("=") in ignore for word in text.split()):
        raise _fail(f"{where} has {value!r}, whose every word is in 'ignore'", "add a word a query would have")
    return text


def _phrases(value: Any, where: str, ignore: frozenset[str], groups: dict[str, list[str]] | None) -> list[str]:
    """A term: one phrase or a list of them, with "@group" expanded, each once, in order."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise _fail(f"{where} is empty", "give at least one phrase")
    found: list[str] = []
    for item in items:
        if isinstance(item, str) and GROUP.fullmatch(item.strip()):
            name = item.strip()[1:]
            if groups is None or name not in groups:
                raise _fail(f"{where} names the group {item!r}, which 'groups' lacks", "add it under 'groups', or fix the name")
            found += groups[name]
        else:
            found.append(_phrase(item, where, ignore))
    return list(dict.fromkeys(found))


def _groups(data: Any, ignore: frozenset[str]) -> dict[str, list[str]]:
    """Groups may name groups defined above them."""
    if not isinstance(data, dict):
        raise _fail("'groups' must map names to lists of phrases", "e.g. ache: [pain, hurt, sore]")
    groups: dict[str, list[str]] = {}
    for name, value in data.items():
        if not re.fullmatch(r"[a-z_]+", str(name)):
            raise _fail(f"the group name {name!r}", "use lower-case letters and _")
        groups[str(name)] = _phrases(value, f"the group '{name}'", ignore, groups)
    return groups


def _rule(entry: Any, where: str, default_near: int, ignore: frozenset[str], groups: dict[str, list[str]]) -> dict[str, Any]:
    if isinstance(entry, dict):
        if set(entry) - {"all", "near", "fallback"} or "all" not in entry:
            raise _fail(f"{where} has the keys {sorted(entry)}",
                        "an entry is a list of terms, or 'all:' with the terms, and 'near:' or 'fallback: true'")
        terms, near, fallback = entry["all"], entry.get("near", default_near), entry.get("fallback", False)
    else:
        terms, near, fallback = entry, default_near, False
    if not isinstance(fallback, bool):
        raise _fail(f"{where} has fallback: {fallback!r}", "write fallback: true, or leave it out")
    if not isinstance(terms, list) or not terms:
        raise _fail(f"{where} is not a list of terms", "e.g. - [chest, \"@ache\"]")
    if not isinstance(near, int) or isinstance(near, bool) or near < 0:
        raise _fail(f"{where} has near: {near!r}", "give the most words allowed between its terms, e.g. near: 2")
    rule = {"all": [_phrases(term, where, ignore, groups) for term in terms], "near": near}
    return rule | {"fallback": True} if fallback else rule


def parse_words(data: Any, reference: red_flags.Reference) -> dict[str, Any]:
    """The words file checked against the reference, with every group expanded."""
    if not isinstance(data, dict):
        raise _fail("expected a mapping", f"with the keys {', '.join(sorted(KEYS))}")
    unknown, missing = set(data) - KEYS, KEYS - set(data)
    if unknown or missing:
        raise _fail(f"has {'the unknown key ' + repr(sorted(unknown)[0]) if unknown else 'no ' + repr(sorted(missing)[0])}",
                    f"the keys are {', '.join(sorted(KEYS))}")
    if not isinstance(data["ignore"], list):
        raise _fail("'ignore' must be a list of words", "e.g. [a, the, my]")
    if any(isinstance(word, bool) for word in data["ignore"]):
        raise _fail("'ignore' has true or false, which YAML read from on, off, yes or no", 'write the word in quotes, e.g. "on"')
    ignore = frozenset(str(word).lower() for word in data["ignore"])
    near = data["near"]
    if not isinstance(near, int) or near < 0:
        raise _fail(f"'near' is {near!r}", "give the most words allowed between terms, e.g. near: 3")
    groups = _groups(data["groups"], ignore)
    lists_by_id = {urgent.id: urgent for urgent in reference.lists}
    written = data["lists"] if isinstance(data["lists"], dict) else {}
    link_text = data["link_text"] if isinstance(data["link_text"], dict) else {}
    lists = []
    for urgent in reference.lists:
        if urgent.id not in written:
            raise _fail(f"'lists' has no '{urgent.id}'", f"add the words for its signs ({reference.source})")
        if not isinstance(link_text.get(urgent.id), str) or not link_text[urgent.id].strip():
            raise _fail(f"'link_text' has no '{urgent.id}'", "give the words of the link to that list on the help page")
        entries = {str(entry.get("sign")): entry for entry in written[urgent.id] or [] if isinstance(entry, dict)}
        signs = []
        for sign in urgent.signs:
            entry = entries.pop(sign.sign, None)
            if entry is None or not entry.get("when"):
                raise _fail(f"the list '{urgent.id}' has no words for the sign \"{sign.sign}\"",
                            f"add  - sign: {sign.sign}  with 'when:' ({reference.source})")
            where = f"the sign \"{sign.sign}\""
            signs.append({"sign": sign.sign, "when": [_rule(rule, where, near, ignore, groups) for rule in entry["when"]]})
        if entries:
            raise _fail(f"the list '{urgent.id}' has words for \"{next(iter(entries))}\", which is not a sign of that list",
                        f"write the sign exactly as {red_flags.REFERENCE_NAME} does")
        lists.append({
            "id": urgent.id,
            "nhs": urgent.nhs,
            "link": {"href": f"{page_url(reference.help_page).lstrip('/')}#{urgent.id}", "text": link_text[urgent.id].strip()},
            "signs": signs,
        })
    unknown_lists = set(written) - set(lists_by_id)
    if unknown_lists:
        raise _fail(f"'lists' has '{sorted(unknown_lists)[0]}', which is not a list of the reference",
                    f"use the ids of {red_flags.REFERENCE_NAME}: {', '.join(lists_by_id)}")
    return {
        "source": reference.page,
        "checked": reference.checked.isoformat(),
        "ignore": sorted(ignore),
        "back_pain": _phrases(data["back_pain"], "'back_pain'", ignore, None),
        "exercise": _phrases(data["exercise"], "'exercise'", ignore, None),
        "lists": lists,
    }


@cache
def words() -> dict[str, Any]:
    return parse_words(yaml.safe_load(WORDS.read_text(encoding="utf-8")), red_flags.reference())


def answer_texts(data: dict[str, Any]) -> list[str]:
    """What the answer shows that is not the NHS's: the links' words, which CONTENT.md must list."""
    return [urgent["link"]["text"] for urgent in data["lists"]]


def unlisted_texts(data: dict[str, Any], content_md: str) -> list[str]:
    allowed = set(listed(content_md).all())
    return [text for text in answer_texts(data) if text not in allowed]


def as_json(data: dict[str, Any]) -> str:
    """The same bytes for the same data: sorted keys, no spaces, one line."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_answers(site_dir: Path) -> Path:
    """Check the words and write SITE/search/urgent-signs.json; WordsError says what to fix.

    Read afresh each build, so `make serve` picks up a change to the words."""
    data = parse_words(yaml.safe_load(WORDS.read_text(encoding="utf-8")), red_flags.reference())
    # A project with no CONTENT.md (a test's small copy) has no register to hold the words to;
    # the real project's missing register is the gate's to report (backguide.gate.read_checks).
    unlisted = unlisted_texts(data, CONTENT_MD.read_text(encoding="utf-8")) if CONTENT_MD.is_file() else []
    if unlisted:
        raise _fail(f"the link text \"{unlisted[0]}\" is not in CONTENT.md",
                    "add it to the table 'Words the layout shows', with `needs review`")
    target = site_dir / OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(as_json(data), encoding="utf-8")
    return target
