"""Text the theme prints from front matter and mkdocs.yml: judged by the rules of page text.

Material prints a page's `title` in the header of every page and its `description` in its
head, the menu's labels, `site_name`, `site_description` and `copyright` on every page, and some
of them unescaped (partials/header.html, partials/nav-item.html, partials/copyright.html). So
each value is held to what it may be, by allowlist:

- no markup: `<` and `>` never reach the theme, so nothing it prints can add an element, a
  script or a style;
- no instruction (backguide.instructions): a step or a move is words, wherever they show;
- a method page's title is "Method N: <a name>" (a few words, no sentence), its description one
  sentence that says what the method is: "How to …", "Four ways to …", "A …";
- an option's heading is "Option #N: <a name of a few words>";
- front matter keys that make the theme print more (`subtitle`, `status`) or pick another
  template (`template`) are refused, as are `extra:` keys the site does not use, an announce
  banner, and snippets that add text to every page (`auto_append`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from backguide.instructions import instruction

# Front matter keys the theme would print or use to change the page, and why each is refused.
REFUSED_FRONT_MATTER = {
    "subtitle": "the theme prints it, unescaped, under the page's name in the menu of every page",
    "status": "the theme prints a badge and its words next to the page's name in the menu",
    "template": "it replaces the layout the safety gate checks (method pages get theirs from the build)",
}
# mkdocs.yml `extra:` keys the site uses; Material prints others (consent, status, social, alternate...).
EXTRA_KEYS = frozenset({"generator"})
# Text snippets may add to every page (pymdownx.snippets auto_append): none, so no page gets words no gate reads in place.
AUTO_APPEND_ALLOWED: tuple[str, ...] = ()
# Blocks of Material's base.html that print a banner above every page's content.
BANNER_BLOCKS = ("announce", "outdated")

# `<` and `>` open markup; `"` would close the attribute the theme prints a value in
# (<meta name="description" content="…">), and add attributes of its own.
MARKUP = re.compile(r"[<>\"]")
METHOD_TITLE = re.compile(r"^Method \d+: (?P<name>[A-Za-z][A-Za-z’' -]*)$")
OPTION_HEADING = re.compile(r"^Option #\d+: (?P<name>[A-Za-z][A-Za-z’' ,-]*)$")
DESCRIPTION = re.compile(
    r"^(?:How to|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d+) ways? to|An?|The) [^.?!;:()\[\]\"“”—–<>]*\.$"
)
TITLE_WORDS = 10
OPTION_WORDS = 6
NAME_CHARACTERS = 80


def value_problem(what: str, value: Any, fix: str) -> str | None:
    """A value the theme prints: plain text, one line, no instruction."""
    if not isinstance(value, str):
        return None
    if MARKUP.search(value):
        return f"{what} holds markup (\"{_clip(value)}\"), which the theme prints as it is, on the page or in every page's menu; {fix}"
    if "\n" in value.strip() or any(ord(c) < 32 for c in value.strip()):
        return f"{what} holds more than one line; {fix}"
    if why := instruction(value):
        return f"{what} \"{_clip(value)}\" {why}, and it shows outside the steps, above the safety warnings; {fix}"
    return None


def title_problem(title: Any, is_method: bool) -> str | None:
    fix = 'name the method, e.g.  title: "Method 6: Crack Your Back Against a Wall"' if is_method else "name the page in a few words"
    if problem := value_problem("front matter 'title'", title, fix):
        return problem
    if is_method and isinstance(title, str):
        match = METHOD_TITLE.match(title.strip())
        if match is None or len(match.group("name").split()) > TITLE_WORDS:
            return (
                f"front matter 'title' \"{_clip(title)}\" is not \"Method N: <a name of up to {TITLE_WORDS} words>\";"
                f" it shows above the safety warnings, in every page's header and in link previews, so it may only name the method; {fix}"
            )
    return None


def description_problem(description: Any, is_method: bool) -> str | None:
    fix = "say what the method is instead, e.g.  description: How to crack your upper back using a chair."
    if problem := value_problem("front matter 'description'", description, fix if is_method else "say what the page is about"):
        return problem
    if is_method and isinstance(description, str) and description.strip() and not DESCRIPTION.match(description.strip()):
        return (
            "front matter 'description' must be one sentence that says what the method is, starting \"How to\","
            " \"<number> ways to\" or \"A\"/\"The\", with no question, colon, dash or brackets: it shows above the"
            f" safety warnings; {fix}"
        )
    return None


def option_heading_problem(text: str) -> str | None:
    text = " ".join(text.split())
    match = OPTION_HEADING.match(text)
    if match is None or len(match.group("name").split()) > OPTION_WORDS or match.group("name").count(",") > 1:
        return (
            f"the option heading \"{_clip(text)}\" is not \"Option #N: <a name of up to {OPTION_WORDS} words>\"; the option map"
            " shows it above the safety warnings, so it may only name the move, e.g.  ## Option #3: Knees to chest {#knees-to-chest}"
        )
    if MARKUP.search(text):
        return f"the option heading \"{_clip(text)}\" holds markup; write it as plain words"
    return None


def front_matter_problems(meta: Mapping[str, Any], is_method: bool) -> list[str]:
    """Front matter the theme prints: refused keys, the title and the description."""
    problems = [
        f"front matter has '{key}', which is refused: {why}; remove it"
        for key, why in REFUSED_FRONT_MATTER.items()
        if key in meta and not (key == "template" and is_method)  # the build sets a method page's own
    ]
    problems += [p for p in (title_problem(meta.get("title"), is_method), description_problem(meta.get("description"), is_method)) if p]
    return problems


def nav_labels(nav: Any) -> Iterable[str]:
    """Every label of mkdocs.yml's nav, as written."""
    if isinstance(nav, list):
        for item in nav:
            yield from nav_labels(item)
    elif isinstance(nav, dict):
        for label, value in nav.items():
            yield str(label)
            yield from nav_labels(value)


def config_problems(
    config: Mapping[str, Any], overrides: Path | None, config_path: str = "mkdocs.yml", short_links: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """(file, message): mkdocs.yml's values the theme prints, its extra: keys, snippets' auto_append, short links and the templates' banners."""
    messages = _config_messages(config)
    messages += [
        f"the short link '{short}' opens {target}, past the top of the page and its safety warnings; point it at the page"
        f" itself ({target.split('#', 1)[0]})"
        for short, target in (short_links or {}).items()
        if "#" in str(target)
    ]
    return [(config_path, message) for message in messages] + _banner_problems(overrides)


def _config_messages(config: Mapping[str, Any]) -> list[str]:
    problems = []
    for key in ("site_name", "site_description", "copyright"):
        if problem := value_problem(f"'{key}'", config.get(key), "write it as a short plain phrase that names the guide"):
            problems.append(problem)
    for label in nav_labels(config.get("nav") or []):
        if problem := value_problem("a nav label", label, "name the page in a few words"):
            problems.append(problem)
    extra = config.get("extra") or {}
    if unknown := sorted(set(extra) - EXTRA_KEYS):
        problems.append(
            f"'extra' has '{unknown[0]}', which the theme prints on every page and no safety rule reads; remove it"
            f" (the site uses only {sorted(EXTRA_KEYS)})"
        )
    snippets = (config.get("mdx_configs") or {}).get("pymdownx.snippets") or {}
    for name in snippets.get("auto_append") or []:
        if name not in AUTO_APPEND_ALLOWED:
            problems.append(
                f"pymdownx.snippets 'auto_append' adds '{name}' to the end of every page, between and after the safety gate's"
                " checks of each page's own words; remove it, and include the text where it belongs with  --8<-- \"name.md\""
            )
    return problems


def _banner_problems(overrides: Path | None) -> list[tuple[str, str]]:
    problems = []
    if overrides is not None and overrides.is_dir():
        for template in sorted(overrides.rglob("*.html")):
            text = template.read_text(encoding="utf-8")
            for block in BANNER_BLOCKS:
                if re.search(r"\{%-?\s*block\s+" + block + r"\b", text):
                    problems.append((
                        f"{overrides.name}/{template.relative_to(overrides).as_posix()}",
                        f"fills the '{block}' block, a banner above every page's content and its safety"
                        " warnings; remove the block",
                    ))
    return problems


def _clip(text: str, length: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
