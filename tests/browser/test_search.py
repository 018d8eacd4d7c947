"""Readers type what they have or want into the search box, and the right page comes first.

The queries and their expected first results live in `search_queries.yml`, so a new
query needs no new code. One page is reused for every query, which keeps the run short.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text())
SEARCH_BOX = "input[data-md-component=search-query]"

# Counts the result panel's updates: Material rewrites it once for every search it runs.
WATCH_RESULTS = """() => {
  window.searchRenders = 0;
  new MutationObserver(() => { window.searchRenders += 1 })
    .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true});
}"""
SEARCH_READY = "() => document.querySelector('.md-search-result__meta').textContent.trim() === 'Type to start searching'"
# Each link of the first result (the page, then its sections) with the score Material gave it.
TOP_RESULT_LINKS = """() => {
  const item = document.querySelector('.md-search-result__item');
  if (!item) return [];
  return [...item.querySelectorAll('a.md-search-result__link')]
    .map(a => [a.getAttribute('href'), parseFloat(a.querySelector('article').dataset.mdScore)]);
}"""
NO_RESULT = "(no result)"


def site_path(href: str, base_url: str) -> str:
    """A result link as a path inside the site, without Material's ?h= highlight parameter."""
    url = urlsplit(href)
    path = url.path.removeprefix(urlsplit(base_url).path)
    return path + (f"#{url.fragment}" if url.fragment else "")


def first_result(links: list[tuple[str, float]], base_url: str) -> tuple[str, str]:
    """The top result's page, and its best-scoring link (the page itself or one section)."""
    if not links:
        return NO_RESULT, NO_RESULT
    best = max(links, key=lambda link: link[1])  # the first of equal scores, so the page wins ties
    return site_path(links[0][0], base_url), site_path(best[0], base_url)


def is_hit(expect: str | list[str], page: str, best: str) -> bool:
    """A page is found if it comes first; a section only if it is that page's best match."""
    answers = expect if isinstance(expect, list) else [expect]
    return any(best == answer if "#" in answer else page == answer for answer in answers)


def shown(path: str | list[str]) -> str:
    return " or ".join(path) if isinstance(path, list) else path or "(home)"


def test_search_puts_the_right_page_first(desktop, base_url: str, report) -> None:
    desktop.goto("")
    desktop.evaluate(WATCH_RESULTS)
    box = desktop.locator(SEARCH_BOX)
    box.click()
    desktop.wait_for_function(SEARCH_READY)
    found, problems = 0, []
    for case in QUERIES:
        # Material searches on every keystroke. Filling in all but the last character and
        # typing that one makes the last keystroke the only search, so the next update of
        # the panel is this query's result, however slow the machine.
        renders = desktop.evaluate("window.searchRenders")
        box.fill(case["query"][:-1])
        box.press_sequentially(case["query"][-1])
        desktop.wait_for_function("n => window.searchRenders > n", arg=renders, polling=20)
        page, best = first_result(desktop.evaluate(TOP_RESULT_LINKS), base_url)
        hit = is_hit(case["expect"], page, best)
        found += hit
        if hit and "known_miss" in case:
            problems.append(f"{case['query']!r} now finds {shown(case['expect'])} first; remove its known_miss")
        elif not hit and "known_miss" not in case:
            problems.append(f"{case['query']!r}: expected {shown(case['expect'])}, got {shown(best)}")
    known = sum("known_miss" in case for case in QUERIES)
    report(
        f"search: {found}/{len(QUERIES)} queries ({found / len(QUERIES):.0%}) find the expected page first"
        f" ({known} known miss{'es' if known != 1 else ''}, listed in tests/browser/search_queries.yml)"
    )
    assert problems == [], "\n".join(problems)
    assert desktop.foreign_requests == []


def test_at_least_twenty_queries_each_with_an_answer() -> None:
    assert len(QUERIES) >= 20
    # Material skips a search when the text has not changed, so a repeated query would hang.
    assert len({case["query"] for case in QUERIES}) == len(QUERIES)
    assert all(set(case) <= {"query", "expect", "known_miss"} and "expect" in case for case in QUERIES)


def test_a_miss_is_named() -> None:
    base = "http://127.0.0.1:1/"
    links = [(base + "help/?h=disc", 10.0), (base + "help/?h=disc#urgent", 20.0)]
    page, best = first_result(links, base)
    assert (page, best) == ("help/", "help/#urgent")
    assert not is_hit("help/#disc-problems", page, best)
    assert is_hit("help/", page, best)
    assert is_hit(["rules/", "help/#urgent"], page, best)
    assert first_result([], base) == (NO_RESULT, NO_RESULT)
    assert not is_hit("", NO_RESULT, NO_RESULT)
