"""The rendered gate's run: one Chromium, many pages at once, every shipped page under every visit.

Playwright's async API drives one browser from one thread; up to CONCURRENCY contexts are
open at a time (a context per visit, since a visit's device, scripts and stored choices are
its own), so the 3 s waits and the loads of one visit overlap the probes of others.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
import json
import os
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from backguide.blocks import STEP_HEADING
from backguide.chromium import CHROMIUM_ARGS, find_chromium  # noqa: F401  (find_chromium: the gate's own name for it)
from backguide.rendered.conditions import PAPER, VISITS, Moment, Visit, sweep_size, sweep_widths
from backguide.rendered.targets import Target

HERE = Path(__file__).parent
PROBE = HERE.joinpath("probe.js").read_text(encoding="utf-8")
BREAKPOINTS = HERE.joinpath("breakpoints.js").read_text(encoding="utf-8")
# Contexts open at once: on 2 cores more only queue behind each other (measured: 4 ≈ 8).
CONCURRENCY = int(os.environ.get("RENDERED_GATE_PAGES", "4"))
# What a reader must be able to read (issue 23): WCAG 1.4.3's 4.5:1 for body text, 12 px, 90 % opacity.
LIMITS = {"minFont": 12, "minContrast": 4.5, "minOpacity": 0.9}
VISIT_TIMEOUT_S = 300  # a visit that hangs (a page that never settles) is refused, not waited on forever
LATER_S = 3.0  # "after 3 s": scripts that act a moment after load have acted
# Material's stored palette choice (its __md_set("__palette", …)): the third toggle, dark.
DARK_CHOICE = {"index": 2, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal", "accent": "deep-orange"}}



@dataclass
class Finding:
    target: Target
    subject: str  # 'the "Stop if it hurts" warning', 'the page', "the follow-along view's safety line"
    problem: str
    moment: Moment
    include: str = ""


@dataclass
class Run:
    findings: list[Finding] = field(default_factory=list)
    texts: list[tuple[Target, Moment, dict]] = field(default_factory=list)
    visits: int = 0
    probes: int = 0


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a page closed mid-download: nothing a reader would see


def serve(site_dir: Path, prefix: str) -> tuple[_Server, str]:
    """The site on a free loopback port, under the same path as its site_url (404.html links absolute paths)."""

    class Handler(_Quiet):
        def translate_path(self, path: str) -> str:
            path = urlsplit(path).path
            if prefix != "/" and path.startswith(prefix):
                path = "/" + path[len(prefix):]
            return super().translate_path(path)

        def send_error(self, code, message=None, explain=None):
            # A static host answers an unknown address with the site's 404 page.
            if code == 404 and (site_dir / "404.html").is_file():
                body = (site_dir / "404.html").read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

    server = _Server(("127.0.0.1", 0), partial(Handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


def run(site_dir: Path, targets: list[Target], chromium: str, prefix: str = "/") -> Run:
    server, base = serve(site_dir, prefix)
    try:
        # In a thread of its own: a caller may already drive a browser of its own (a test's sync
        # Playwright), whose event loop this one must not meet.
        with ThreadPoolExecutor(1) as worker:
            return worker.submit(asyncio.run, _run(base, targets, chromium)).result()
    finally:
        server.shutdown()
        server.server_close()


async def _run(base: str, targets: list[Target], chromium: str) -> Run:
    from playwright.async_api import async_playwright

    result = Run()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            breakpoints = {site: await _breakpoints(browser, base + site, [t for t in targets if t.site == site])
                           for site in dict.fromkeys(target.site for target in targets)}
            gate = asyncio.Semaphore(CONCURRENCY)
            jobs = [
                _visit(browser, base + target.site, target, visit, breakpoints[target.site], gate, result)
                for target in targets
                for visit in VISITS
                if _needs(target, visit)
            ]
            await asyncio.gather(*jobs)
        finally:
            await browser.close()
    return result


def _needs(target: Target, visit: Visit) -> bool:
    if target.visits is not None:
        return visit.name in target.visits
    if not target.warnings:  # a page with nothing to show whole: its text, with scripts and without
        return visit.text
    return target.method or not visit.methods_only


async def _breakpoints(browser, base: str, targets: list[Target]) -> list[float]:
    context = await browser.new_context()
    try:
        page = await context.new_page()
        found: set[float] = set()
        for target in {target.url: target for target in targets if target.method}.values() or targets[:1]:
            await page.goto(base + target.url)
            found |= set(await page.evaluate(BREAKPOINTS))
            break  # every page links the same stylesheet (backguide/optimise.py)
        return sorted(found)
    finally:
        await context.close()


def _context_options(visit: Visit, base: str) -> dict:
    return {
        "viewport": {"width": visit.width, "height": visit.height},
        "device_scale_factor": visit.scale,
        "is_mobile": visit.touch,
        "has_touch": visit.touch,
        "java_script_enabled": visit.scripts,
        "color_scheme": "dark" if visit.scheme == "dark" and not visit.stored_scheme else "light",
        "reduced_motion": "reduce" if visit.reduced_motion else "no-preference",
        "forced_colors": "active" if visit.forced_colors else "none",
        "contrast": "more" if visit.more_contrast else "no-preference",
        "service_workers": "allow",
    }


# A navigation the browser itself gave up on (net::ERR_ABORTED on a loaded machine) says nothing
# about the page: the visit is made again, once, in a fresh context. A page that fails twice is
# refused as "could not be judged", so a script that navigates away every time is still caught.
NAVIGATION_ATTEMPTS = 2


async def _visit(browser, base: str, target: Target, visit: Visit, breakpoints: list[float], gate, result: Run) -> None:
    async with gate:
        result.visits += 1
        for attempt in range(1, NAVIGATION_ATTEMPTS + 1):
            context = await browser.new_context(**_context_options(visit, base))
            try:
                await _isolate(context, base)
                if visit.stored_scheme:
                    scope = urlsplit(base).path
                    await context.add_init_script(
                        f"try {{ localStorage.setItem({json.dumps(scope + '.__palette')}, {json.dumps(json.dumps(DARK_CHOICE))}) }} catch (e) {{}}"
                    )
                page = await context.new_page()
                await asyncio.wait_for(_inspect(page, base, target, visit, breakpoints, result), VISIT_TIMEOUT_S)
                return
            except Exception as error:  # a page that cannot be opened or probed is refused, not skipped
                if attempt < NAVIGATION_ATTEMPTS and "net::ERR_" in str(error):
                    continue
                result.findings.append(Finding(target, "the page", f"could not be judged ({type(error).__name__}: {str(error).splitlines()[0][:200]})",
                                               Moment(visit, visit.width, visit.height)))
                return
            finally:
                await context.close()


async def _isolate(context, base: str) -> None:
    """No request leaves the machine: anything not on the local server is refused, as offline."""
    origin = base.split("/", 3)[:3]
    prefix = "/".join(origin) + "/"

    async def route(route):
        url = route.request.url
        if url.startswith(prefix) or url.startswith(("data:", "blob:")):
            await route.continue_()
        else:
            await route.abort()

    await context.route("**/*", route)


async def _started(page, visit: Visit) -> None:
    """Until the theme has started (its scripts run after the first paint: backguide/first_paint.py)."""
    if not visit.scripts:
        return
    for _ in range(200):
        if await page.evaluate("() => typeof document$ === 'undefined' ? null : new Promise(r => document$.subscribe(() => r(true)))"):
            return
        if not await page.evaluate("() => Boolean(document.querySelector('script[data-scripts]'))"):
            return
        await page.wait_for_timeout(25)


def _arguments(target: Target, *, paper: bool = False, lines: list | None = None, text: bool = False, settle: bool = True) -> dict:
    # While the follow-along view is open it covers the page, as a modal dialog does: only its line is judged.
    return {
        "warnings": [] if lines else [{"title": w.title, "text": w.text} for w in target.warnings],
        "lines": lines or [],
        "stepPattern": STEP_HEADING.pattern if target.method and not lines else None,
        "paper": paper,
        "collectText": text,
        "settle": settle,
        **LIMITS,
    }


PERSIST_MS = 400  # a problem must still be there this much later: a colour mid-way through the theme's fade is not one


def _problems_of(data: dict, target: Target) -> list[tuple[str, str, str]]:
    found = []
    for warning in data["warnings"]:
        include = next((w.include for w in target.warnings if w.title == warning["title"]), "")
        found += [(f'the "{warning["title"]}" warning', problem, include) for problem in warning["problems"]]
    for line in data["lines"]:
        found += [(line["name"], problem, "backguide/follow_along.py") for problem in line["problems"]]
    if target.method and data.get("noStep"):
        found.append(("the page", "shows no first step", ""))
    return found


async def _probe(page, target: Target, moment: Moment, result: Run, **options) -> dict:
    arguments = _arguments(target, settle=moment.visit.scripts, **options)
    data = await page.evaluate(PROBE, arguments)
    result.probes += 1
    found = _problems_of(data, target)
    if found:  # looked at again a moment later: only what stays is a problem
        await page.wait_for_timeout(PERSIST_MS)
        again = set(_problems_of(await page.evaluate(PROBE, arguments), target))
        found = [one for one in found if one in again]
    for subject, problem, include in found:
        result.findings.append(Finding(target, subject, problem, moment, include))
    if data.get("text"):
        result.texts.append((target, moment, data["text"]))
    return data


def _scrolled(target: Target, moment: Moment, data: dict, result: Run) -> None:
    if data["scrollY"] > 1:
        result.findings.append(Finding(target, "the page", "does not open at the top: it is scrolled down, past the warnings", moment))


async def _inspect(page, base: str, target: Target, visit: Visit, breakpoints: list[float], result: Run) -> None:
    await page.goto(base + target.url)
    if "lands" in target.extra:
        await page.wait_for_url(base + target.extra["lands"] + "**", timeout=10_000)
        await page.wait_for_load_state("load")
    await _started(page, visit)
    opened = time.monotonic()  # "after 3 s" counts from when the page's scripts have started, however busy the machine
    here = partial(Moment, visit)
    size = (visit.width, visit.height)
    extra = (target.opened_as,) if target.opened_as else ()
    data = await _probe(page, target, here(*size, extra=extra), result, text=visit.text)
    _scrolled(target, here(*size, "after load", extra=extra), data, result)
    if visit.aria:
        await _aria(page, target, here(*size, "in the accessibility tree", extra=extra), result)
    if target.opened_as:  # the page it lands on is judged in full on its own
        return
    # Before the gate scrolls or resizes anything itself: what the page's own scripts did by then.
    wait = LATER_S - (time.monotonic() - opened)
    if wait > 0:
        await page.wait_for_timeout(wait * 1000)
    later = await _probe(page, target, here(*size, "after 3 s"), result)
    _scrolled(target, here(*size, "after 3 s"), later, result)
    for width in sweep_widths(visit, breakpoints) if target.warnings else ():
        width, height = sweep_size(visit, width)
        await page.set_viewport_size({"width": width, "height": height})
        await _probe(page, target, here(width, height), result)
    await page.set_viewport_size({"width": visit.width, "height": visit.height})
    if target.method:
        await page.evaluate(
            "() => { const step = document.getElementById('steps') || document.querySelector('article ol');"
            " if (step) step.scrollIntoView(); }"
        )
        await page.wait_for_timeout(150)
        await page.evaluate("() => window.scrollTo(0, 0)")
        await page.wait_for_timeout(100)
        await _probe(page, target, here(*size, "after scrolling to the first step and back"), result)
    for paper in visit.print_on:
        width, height = PAPER[paper]
        await page.emulate_media(media="print")
        await page.set_viewport_size({"width": width, "height": height})
        for backgrounds in (True, False):
            media = f"print {paper}, background graphics {'on' if backgrounds else 'off'}"
            await _probe(page, target, here(width, height, media=media), result, paper=not backgrounds)
        await page.emulate_media(media="screen")
        await page.set_viewport_size({"width": visit.width, "height": visit.height})
    if visit.follow_along and target.method and target.safety_line is not None:
        await _follow_along(page, target, visit, here, result)
    if visit.second_visit:
        await page.goto(base + target.url)
        await _started(page, visit)
        again = await _probe(page, target, here(*size, "second visit"), result)
        _scrolled(target, here(*size, "second visit"), again, result)


async def _aria(page, target: Target, moment: Moment, result: Run) -> None:
    """The accessibility tree, in reading order: every warning, whole, before the first step."""
    if not target.warnings:
        return
    article = page.locator("article")
    if not await article.count():
        result.findings.append(Finding(target, "the page", "has no article in the accessibility tree", moment))
        return
    tree = " ".join((await article.first.aria_snapshot()).split())
    first = await page.evaluate(
        "(pattern) => { const a = document.querySelector('article'); if (!a) return null;"
        " const re = new RegExp(pattern, 'i');"
        " const step = [...a.querySelectorAll('ol, h2, h3, h4, h5, h6')].find(e => e.tagName === 'OL' ?"
        " !e.closest('.admonition, details, template, dialog') : re.test(e.textContent.trim()));"
        " if (!step) return null; const item = step.tagName === 'OL' ? step.querySelector('li') : step;"
        " return item.textContent.replace(/\\s+/g, ' ').trim().split(' ').slice(0, 6).join(' '); }",
        STEP_HEADING.pattern,
    )
    step_at = tree.find(first) if first else -1
    if target.method and step_at < 0:
        step_at = len(tree)
    for warning in target.warnings:
        title_at = tree.find(warning.title)
        body = warning.text[len(warning.title):].strip()
        units = [sentence for unit in warning.units for sentence in _sentences(unit)] if warning.units else _sentences(body)
        missing = [sentence for sentence in units if sentence not in tree]
        subject = f'the "{warning.title}" warning'
        if title_at < 0 or missing:
            gone = warning.title if title_at < 0 else missing[0]
            result.findings.append(Finding(target, subject, f'is not read out whole by a screen reader ("{gone[:60]}" is missing)', moment, warning.include))
        elif target.method and title_at > step_at:
            result.findings.append(Finding(target, subject, "is read out after the first step", moment, warning.include))


def _sentences(text: str) -> list[str]:
    parts, current = [], ""
    for word in text.split():
        current = f"{current} {word}".strip()
        if word.endswith((".", "!", "?")):
            parts.append(current)
            current = ""
    return parts + ([current] if current else [])


async def _follow_along(page, target: Target, visit: Visit, here, result: Run) -> None:
    """Open the view with its real button, walk every screen with Next, and run the hold timer."""
    line = target.safety_line
    lines = [{"name": "the follow-along view's safety line", "selector": ".follow-along__safety", "text": line.text, "href": target.safety_href}]
    buttons = page.locator("button.follow-along__open")
    count = await buttons.count()
    size = (visit.width, visit.height)
    if not count:
        result.findings.append(Finding(target, "the follow-along view", "has no Follow along button to open it", here(*size)))
        return
    for number in range(count):
        dialog = page.locator("dialog.follow-along__view[open]")
        # Closing the last view goes back in history, and the page may be swapped in afresh
        # (Material's instant navigation): the buttons are found again, as a reader's eyes would.
        for attempt in range(5):
            try:
                button = buttons.nth(number)
                await button.wait_for(timeout=10_000)
                label = " ".join((await button.inner_text()).split()) or "Follow along"
                await button.scroll_into_view_if_needed(timeout=5_000)
                await button.click(timeout=5_000)
                await dialog.wait_for(timeout=10_000)
                break
            except Exception:
                if attempt == 4:
                    raise
                await page.wait_for_timeout(300)
        await page.wait_for_timeout(50)
        screen = 1
        while True:
            where = f"follow-along view ({label}), screen {screen}" if count > 1 else f"follow-along view, screen {screen}"
            await _probe(page, target, here(*size, where), result, lines=lines)
            start = dialog.locator('[data-action="start"]')
            if await start.is_visible():
                await start.click()
                await page.wait_for_timeout(1200)
                await _probe(page, target, here(*size, where + ", while the hold timer runs"), result, lines=lines)
                pause = dialog.locator('[data-action="pause"]')
                if await pause.is_visible():
                    await pause.click()
            forward = dialog.locator('[data-action="next"]')
            if not await forward.is_visible():
                break
            await forward.click()
            await page.wait_for_timeout(30)
            screen += 1
            if screen > 60:
                break
        await page.keyboard.press("Escape")
        await page.locator("dialog.follow-along__view[open]").wait_for(state="detached", timeout=10_000)
        await page.wait_for_timeout(50)
