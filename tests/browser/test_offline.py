"""The whole guide offline after one visit: the service worker (backguide/offline/) in Chromium.

Each test opens the guide once with the network on, waits until the worker has saved this
version and took the page over, then switches the network off (`context.set_offline`) and
reads the guide as a reader with no signal would. `test_without_the_worker_nothing_opens_offline`
shows the same reading fails on the same site without sw.js.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CHROMIUM_ARGS, PHONE  # noqa: F401  (the phone's size)
from project import SITE_URL, copy_project
from site_pages import built_pages
from waits import material_started, wait_until

from backguide.offline.precache import LIST, OFFLINE_PAGE, WORKER
from backguide.optimise import site_sheet
from backguide.ship import build_site

CONTROLLED = "() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"
# Every method page: the "Stop if it hurts" warning is shown, and comes before the first step.
WARNING_BEFORE_FIRST_STEP = """() => {
  const article = document.querySelector('article');
  const warning = [...article.querySelectorAll('.admonition-title')].find(title => title.textContent.trim() === 'Stop if it hurts');
  const step = article.querySelector('ol');
  return {
    title: document.querySelector('article h1') ? document.querySelector('article h1').textContent.trim() : null,
    styled: getComputedStyle(document.querySelector('.md-header')).backgroundColor !== 'rgba(0, 0, 0, 0)',
    warning: Boolean(warning && warning.checkVisibility()),
    before: Boolean(warning && step && (warning.compareDocumentPosition(step) & Node.DOCUMENT_POSITION_FOLLOWING)),
    steps: Boolean(step),
  };
}"""
CACHES = "() => caches.keys()"


def visit_once(context, path: str = "") -> object:
    """The reader's one visit with a signal: the page, then the worker saves the guide and takes the page over."""
    page = context.new_page()
    page.goto(path)
    material_started(page)
    wait_until(page, CONTROLLED, timeout_s=60)
    return page


@pytest.fixture
def context(browser, base_url: str):
    context = browser.new_context(base_url=base_url, viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


def test_every_page_opens_offline_with_its_warning_first(context, site: Path, output_dir: Path) -> None:
    page = visit_once(context)
    context.set_offline(True)
    pages = built_pages(site)
    assert "offline/" in pages and "methods/chair/" in pages
    short_links = ["chair/", "floor/", "standing/", "sitting/", "foam-roller/"]
    problems = []
    for path in pages + short_links:
        page.goto(path)
        if path in short_links:  # the short link's page forwards to its method page
            wait_until(page, "path => location.pathname.endsWith(path)", f"/methods/{path}")
        seen = page.evaluate(WARNING_BEFORE_FIRST_STEP)
        if not seen["title"] or not seen["styled"]:
            problems.append(f"{path}: opened offline without its title or its stylesheet: {seen}")
        if path.startswith("methods/") and path != "methods/" or path in short_links:
            if not (seen["warning"] and seen["before"]):
                problems.append(f"{path}: offline, 'Stop if it hurts' is not shown before the first step: {seen}")
    page.screenshot(path=str(output_dir / "offline-last-page.png"))
    assert problems == []


def test_search_answers_offline(context) -> None:
    page = visit_once(context)
    context.set_offline(True)
    page.goto("rules/")
    material_started(page)
    page.locator("[data-search-open]").first.click()
    box = page.locator("[data-search-dialog] pagefind-input input")
    box.wait_for()
    box.fill("chair")
    wait_until(page, "() => Boolean(document.querySelector('[data-search-dialog] pagefind-results .pf-result a[href]'))")
    links = page.evaluate("() => [...document.querySelectorAll('[data-search-dialog] pagefind-results .pf-result a[href]')].map(a => a.pathname)")
    assert "/methods/chair/" in links


def test_follow_along_opens_offline_and_its_timer_runs(context) -> None:
    page = visit_once(context)
    context.set_offline(True)
    page.goto("methods/floor/")
    material_started(page)
    page.locator(".follow-along__open").nth(2).click()  # Option #3: knees to chest, with its 15 s hold
    view = page.locator(".follow-along__view[open]")
    view.wait_for()
    while not page.locator(".follow-along__view[open] .follow-along__timer").is_visible():
        page.locator(".follow-along__view[open] [data-action=next]").click()
    clock = page.locator(".follow-along__view[open] .follow-along__clock")
    assert clock.text_content() == "15"
    page.locator(".follow-along__view[open] [data-action=start]").click()
    wait_until(page, "() => document.querySelector('.follow-along__view[open] .follow-along__clock').textContent === '13'", timeout_s=10)
    assert page.evaluate("() => [...document.styleSheets].some(sheet => sheet.href && sheet.href.endsWith('follow-along.css'))")


def test_a_page_never_saved_opens_the_offline_page_with_the_999_advice(context) -> None:
    page = visit_once(context)
    context.set_offline(True)
    page.goto("methods/a-page-of-a-later-version/")
    assert page.evaluate("() => location.pathname") == "/" + OFFLINE_PAGE
    shown = page.evaluate(
        """() => ({
      title: document.querySelector('article h1').textContent.trim(),
      signs: [...document.querySelectorAll('#call-999 ~ .urgency--999 li')].map(li => li.textContent.trim()),
      steps: document.querySelectorAll('article ol').length,
      styled: getComputedStyle(document.querySelector('.md-header')).backgroundColor !== 'rgba(0, 0, 0, 0)',
    })"""
    )
    assert shown["title"].startswith("You Are Offline") and shown["styled"] and shown["steps"] == 0
    assert len(shown["signs"]) == 6 and "chest pain" in shown["signs"]


def test_nothing_is_fetched_from_another_origin_and_the_cache_is_this_version(context, site: Path) -> None:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = visit_once(context)
    names = page.evaluate(CACHES)
    version = (site / WORKER).read_text().split('const VERSION = "', 1)[1].split('"', 1)[0]
    assert sorted(names) == sorted([f"backguide-{version}", "backguide-state"])
    assert [url for url in requests if not url.startswith(SITE_URL) and not url.startswith("data:")] == []


def test_a_new_deploy_is_picked_up_and_the_old_cache_deleted(context, served, site: Path, tmp_path: Path, output_dir: Path) -> None:
    """A tab opened before the deploy keeps its version and shows the note; the next page load is the new version, offline too."""
    project = copy_project(tmp_path / "project")
    extra = project / "docs" / "stylesheets" / "extra.css"
    extra.write_text(extra.read_text() + "\n.md-typeset h1 { letter-spacing: 0.01em; }\n")
    build_b = build_site(tmp_path / "b", config_file=project / "mkdocs.yml", site_url=SITE_URL).site
    sheet_a, sheet_b = site_sheet(site).name, site_sheet(build_b).name
    page = visit_once(context, "methods/chair/")
    old = page.evaluate(CACHES)
    served.folder = build_b  # the deploy
    try:
        other = context.new_page()  # a second tab: its page load asks for the new version
        other.goto("rules/")
        # The first tab keeps version A, and is told politely; nothing reloads it.
        page.evaluate("window.openBeforeTheDeploy = true")
        wait_until(page, "() => !document.querySelector('[data-update-note]').hidden", timeout_s=60)
        page.locator("article .red-flags a").first.click()  # instant navigation, still in version A
        wait_until(page, "() => location.pathname.endsWith('/help/')")
        assert page.evaluate("window.openBeforeTheDeploy") is True
        assert page.evaluate("name => [...document.styleSheets].some(s => s.href && s.href.endsWith(name))", sheet_a)
        page.screenshot(path=str(output_dir / "offline-update-note.png"))
        other.close()
        context.set_offline(True)
        page.locator("[data-update-reload]").click()  # the reader asks for the new version
        page.wait_for_load_state("load")
        try:
            wait_until(page, "name => [...document.styleSheets].some(s => s.href && s.href.endsWith(name))", sheet_b)
        except AssertionError:
            state = page.evaluate("""async () => ({sheets: [...document.styleSheets].map(s => s.href), where: location.href,
              caches: await caches.keys(), note: document.querySelector('[data-update-note]') && document.querySelector('[data-update-note]').hidden}))""")
            raise AssertionError(f"after the reload, not version B ({sheet_b}): {state}") from None
        assert page.evaluate("() => getComputedStyle(document.querySelector('article h1')).letterSpacing") != "normal"
        wait_until(page, "old => caches.keys().then(names => names.every(name => !old.includes(name) || name === 'backguide-state'))", old)
    finally:
        served.folder = site


def test_the_note_waits_while_follow_along_is_open() -> None:
    """The update note shows only once the view is closed (docs/javascripts/share.js)."""
    script = (Path(__file__).parents[2] / "docs" / "javascripts" / "share.js").read_text()
    assert ".follow-along__view[open]" in script and "location.reload()" in script
    assert script.count("location.reload()") == 1  # only on the reader's tap


def test_without_the_worker_nothing_opens_offline(browser, served, site: Path, tmp_path: Path, base_url: str) -> None:
    """The same reading fails on the same site without sw.js: what the tests above pass on is the worker."""
    bare = tmp_path / "site"
    shutil.copytree(site, bare)
    (bare / WORKER).unlink()
    (bare / LIST).unlink()
    served.folder = bare
    context = browser.new_context(base_url=base_url, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto("")
        material_started(page)
        page.wait_for_timeout(1000)
        assert not page.evaluate(CONTROLLED)
        context.set_offline(True)
        with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
            page.goto("methods/chair/")
    finally:
        context.close()
        served.folder = site
