"""Readers type what they have or want into the header search, and the right page comes first.

Search is Pagefind's Component UI over the index the build writes (backguide/search.py).
The queries and their expected first results live in `search_queries.yml`, so a new query
needs no new code. One page is reused for every query, which keeps the run short.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml
from waits import wait_until

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text())
SEARCH_BUTTON = "[data-search-open]"
SEARCH_BOX = "[data-search-dialog] pagefind-input input"
# The first result card: the page's link, then the links to its matching sections beneath it.
FIRST_RESULT_LINKS = """() => {
  const card = document.querySelector('[data-search-dialog] pagefind-results .pf-result');
  return card ? [...card.querySelectorAll('a[href]')].map(a => a.getAttribute('href')) : [];
}"""
# The summary line names the query whose results are on show, once they are ("3 results for
# chair"), and says "Searching for chair" before.
RESULTS_SHOWN_FOR = """query => {
  const summary = document.querySelector('[data-search-dialog] pagefind-summary');
  const first = document.querySelector('[data-search-dialog] pagefind-results .pf-result');
  const text = summary ? summary.textContent : '';
  if (!text.includes(query) || /searching/i.test(text)) return false;
  // A card first shows a placeholder, then its page's links once the page's data loads.
  return /no results/i.test(text) || Boolean(first && first.querySelector('a[href]'));
}"""
# Records what the UI's live regions say, which screen readers read out.
WATCH_ANNOUNCEMENTS = """() => {
  window.announced = [];
  new MutationObserver(() => {
    for (const region of document.querySelectorAll('[aria-live]')) {
      if (region.textContent.trim()) window.announced.push(region.textContent.trim());
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""
REPORT_VIOLATIONS = (
    "document.addEventListener('securitypolicyviolation', event =>"
    " reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`))"
)
NO_RESULT = "(no result)"


def site_path(href: str) -> str:
    """A result link as a path inside the site, without the ?highlight= words."""
    url = urlsplit(href)
    return url.path.lstrip("/") + (f"#{url.fragment}" if url.fragment else "")


def first_result(links: list[str]) -> tuple[str, list[str]]:
    """The first card's page, and every address on it (the page and its sections)."""
    if not links:
        return NO_RESULT, []
    return site_path(links[0]), [site_path(link) for link in links]


def is_hit(expect: str | list[str], page: str, addresses: list[str], urgent: list[str] = ()) -> bool:
    """A page is found if it comes first; a section if it is the first deep link on the first card,
    or a link of the urgent answer above the results (the first thing the reader meets)."""
    answers = expect if isinstance(expect, list) else [expect]
    return any(
        answer in urgent or (addresses[1:2] == [answer] if "#" in answer else page == answer) for answer in answers
    )


# The urgent answer above the results (tests/browser/test_urgent_answer.py): its lists' links.
URGENT_LINKS = "() => [...document.querySelectorAll('[data-search-dialog] [data-urgent-answer] a[href]')].map(a => a.href)"


def urgent_links(page) -> list[str]:
    return [site_path(href) for href in page.evaluate(URGENT_LINKS)]


def shown(path: str | list[str]) -> str:
    return " or ".join(path) if isinstance(path, list) else path or "(home)"


def open_search(page) -> None:
    page.locator(SEARCH_BUTTON).click()
    page.locator(SEARCH_BOX).wait_for()


def search(page, query: str) -> tuple[str, list[str]]:
    page.locator(SEARCH_BOX).fill(query)
    wait_until(page, RESULTS_SHOWN_FOR, query)
    return first_result(page.evaluate(FIRST_RESULT_LINKS))


def watch_policy(page) -> list[str]:
    found: list[str] = []
    page.expose_function("reportCspViolation", lambda violation: found.append(violation))
    page.add_init_script(REPORT_VIOLATIONS)
    return found


def test_search_puts_the_right_page_first(desktop, report) -> None:
    desktop.goto("")
    open_search(desktop)
    found, problems = 0, []
    for case in QUERIES:
        page, addresses = search(desktop, case["query"])
        urgent = urgent_links(desktop)
        if [link.split("#")[1] for link in urgent] != ([case["urgent"]] if "urgent" in case else []):
            problems.append(f"{case['query']!r}: the urgent answer links {urgent or 'nothing'}, expected {case.get('urgent', 'none')}")
        hit = is_hit(case["expect"], page, addresses, urgent)
        found += hit
        if hit and "known_miss" in case:
            problems.append(f"{case['query']!r} now finds {shown(case['expect'])} first; remove its known_miss")
        elif not hit and "known_miss" not in case:
            problems.append(f"{case['query']!r}: expected {shown(case['expect'])}, got {page} {addresses[1:]}")
    known = sum("known_miss" in case for case in QUERIES)
    report(
        f"search: {found}/{len(QUERIES)} queries ({found / len(QUERIES):.0%}) find the expected page first"
        f" ({known} known miss{'es' if known != 1 else ''}, listed in tests/browser/search_queries.yml)"
    )
    assert problems == [], "\n".join(problems)
    assert desktop.foreign_requests == []


def test_no_page_downloads_search_before_the_reader_opens_it(desktop) -> None:
    requested: list[str] = []
    desktop.on("request", lambda request: requested.append(urlsplit(request.url).path))
    for path in ("", "methods/", "methods/floor/", "help/"):
        desktop.goto(path)
        desktop.wait_for_load_state("networkidle")
    assert [path for path in requested if "pagefind" in path or "search_index" in path or "/workers/" in path] == []
    open_search(desktop)
    search(desktop, "chair")
    assert any(path.endswith("pagefind-entry.json") for path in requested)
    assert any(path.endswith(".pagefind") for path in requested)  # the WebAssembly


def test_keys_open_search_and_escape_closes_it(desktop) -> None:
    desktop.goto("")
    for key in ("/", "s"):
        desktop.keyboard.press(key)
        desktop.locator(SEARCH_BOX).wait_for()
        assert desktop.evaluate("document.activeElement.matches('pagefind-input input')")
        desktop.keyboard.press("Escape")
        wait_until(desktop, "() => !document.querySelector('[data-search-dialog]').open")


def test_results_are_announced_to_screen_readers(desktop) -> None:
    desktop.goto("")
    desktop.evaluate(WATCH_ANNOUNCEMENTS)
    open_search(desktop)
    search(desktop, "foam roller")
    wait_until(desktop, "() => window.announced.some(text => /result/i.test(text))")


def test_a_word_the_page_lacks_still_finds_it(desktop) -> None:
    """No page has all of "twist sitting down"; the sitting page has all but "down"."""
    desktop.goto("")
    open_search(desktop)
    page, _ = search(desktop, "twist sitting down")
    assert page == "methods/sitting/"


def test_search_on_a_phone_in_dark_mode_after_instant_navigation(phone, output_dir: Path) -> None:
    violations = watch_policy(phone)
    phone.emulate_media(color_scheme="dark")
    phone.goto("")
    phone.evaluate("window.stillTheSameDocument = true")
    phone.locator("article a[href$='methods/floor/']").first.click()
    phone.wait_for_url(lambda url: url.split("#")[0].endswith("/methods/floor/"))  # anchor tracking may add a #hash
    assert phone.evaluate("window.stillTheSameDocument") is True  # instant navigation, no reload
    assert phone.evaluate("document.body.dataset.mdColorScheme") == "slate"
    open_search(phone)
    box = phone.locator("[data-search-dialog]").bounding_box()
    assert box is not None and (box["width"], box["height"]) == (360, 740)  # the whole screen
    page, addresses = search(phone, "knees to chest")
    assert page == "methods/floor/" and addresses[1] == "methods/floor/#knees-to-chest"  # the answering section first
    phone.screenshot(path=str(output_dir / "search-phone-dark.png"))
    phone.locator("[data-search-dialog] .pf-result a[href*='#knees-to-chest']").first.click()
    phone.wait_for_url("**/methods/floor/?highlight=*#knees-to-chest")
    assert phone.evaluate("window.stillTheSameDocument") is True
    assert not phone.evaluate("document.querySelector('[data-search-dialog]').open")
    phone.locator("article mark.pagefind-highlight").first.wait_for(state="attached")  # the words, marked where the reader lands
    assert violations == []
    assert phone.foreign_requests == []


# Pagefind's own stylesheet on the page, and what it makes of a result (a bare <li> without it).
SEARCH_STYLES = """() => ({
  stylesheet: [...document.querySelectorAll('head link[rel=stylesheet]')].some(link => link.href.endsWith('/pagefind/pagefind-component-ui.css')),
  result: getComputedStyle(document.querySelector('[data-search-dialog] .pf-result')).display,
})"""
# Instant navigation swaps the page's <head> too: the canonical link names the page on show.
SHOWING = "path => document.querySelector('link[rel=canonical]').href.endsWith(path)"


def test_search_keeps_its_styles_across_every_kind_of_navigation(desktop) -> None:
    """Material's instant navigation removes head links the next page lacks; search.js puts Pagefind's back."""
    violations = watch_policy(desktop)
    desktop.goto("")
    desktop.wait_for_load_state("networkidle")  # the sitemap, which instant navigation needs
    desktop.evaluate("window.stillTheSameDocument = true")
    seen = []

    def search_again(query: str, after: str) -> None:
        open_search(desktop)
        search(desktop, query)
        wait_until(desktop, f"() => ({SEARCH_STYLES})().stylesheet")
        seen.append((after, desktop.evaluate(SEARCH_STYLES)))
        desktop.keyboard.press("Escape")
        wait_until(desktop, "() => !document.querySelector('[data-search-dialog]').open")

    def arrive(path: str) -> None:
        wait_until(desktop, SHOWING, path)
        assert desktop.evaluate("window.stillTheSameDocument") is True, f"{path} was a full page load"

    search_again("chair", "the first page")
    open_search(desktop)
    search(desktop, "chair")
    desktop.locator("[data-search-dialog] .pf-result a[href*='/methods/chair/']").first.click()
    arrive("/methods/chair/")
    search_again("floor", "a result link")
    desktop.locator(".md-sidebar--primary a.md-nav__link[href$='/methods/floor/']").first.click()
    arrive("/methods/floor/")
    search_again("standing", "a navigation link")
    desktop.locator(".md-footer__link--next").click()
    arrive("/methods/standing/")
    search_again("roller", "the footer's next link")
    desktop.go_back()
    arrive("/methods/floor/")
    search_again("chair", "the back button")
    assert seen == [(after, {"stylesheet": True, "result": "flex"}) for after, _ in seen]
    assert violations == []


def test_at_least_twenty_queries_each_with_an_answer() -> None:
    assert len(QUERIES) >= 20
    assert len({case["query"] for case in QUERIES}) == len(QUERIES)
    assert all(set(case) <= {"query", "expect", "known_miss", "urgent"} and "expect" in case for case in QUERIES)


def test_a_miss_is_named() -> None:
    page, addresses = first_result(["/help/?highlight=disc", "/help/?highlight=disc#urgent"])
    assert (page, addresses) == ("help/", ["help/", "help/#urgent"])
    assert not is_hit("help/#disc-problems", page, addresses)
    assert is_hit("help/", page, addresses)
    assert is_hit(["rules/", "help/#urgent"], page, addresses)
    assert first_result([]) == (NO_RESULT, [])
    assert not is_hit("", NO_RESULT, [])
    assert is_hit("help/#call-999", "methods/floor/", ["methods/floor/"], ["help/#call-999"])
