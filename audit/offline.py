"""Installable and offline, as Chromium judges them: the manifest, installability, and a repeat view.

Lighthouse 12 dropped its PWA category (and its installability audit), so the audit asks
Chromium itself, through the DevTools protocol Lighthouse used: `Page.getAppManifest` for
the manifest as the browser parsed it, `Page.getInstallabilityErrors` for what would stop an
install. The repeat view is a second visit in the same browser, once the service worker has
saved the guide: its LCP, the bytes it took from the network, and any request that still
went to the server (the aim is none).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backguide.chromium import CHROMIUM_ARGS

# What the guide's manifest must say (backguide/offline/app.py), as the browser reads it.
REQUIRED_FIELDS = ("name", "short_name", "start_url", "display", "theme_color", "background_color", "icons")
REQUIRED_ICONS = {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
CONTROLLED = "() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)"
LCP = """() => new Promise(resolve => {
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    resolve(entries[entries.length - 1].startTime);
  }).observe({type: 'largest-contentful-paint', buffered: true});
  setTimeout(() => resolve(null), 3000);
})"""
# What came over the network: a response the worker answered from its cache transfers nothing.
FROM_NETWORK = """() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .filter(entry => entry.transferSize > 0).map(entry => [entry.name, entry.transferSize])"""


@dataclass
class RepeatView:
    path: str
    lcp_ms: float | None
    bytes: int
    network: list[str] = field(default_factory=list)  # requests that reached the server


@dataclass
class OfflineFindings:
    misses: list[str] = field(default_factory=list)
    repeat: list[RepeatView] = field(default_factory=list)

    def report(self) -> str:
        lines = ["Offline: repeat view after one visit (service worker)"]
        lines += [
            f"  {view.path or '/'}: LCP {view.lcp_ms:.0f} ms, {view.bytes / 1024:.1f} KB from the network,"
            f" {len(view.network)} request(s) to the server" if view.lcp_ms is not None else f"  {view.path or '/'}: no LCP"
            for view in self.repeat
        ]
        lines += [f"  miss: {miss}" for miss in self.misses] or ["  installable; the manifest has every field"]
        return "\n".join(lines)


def manifest_misses(parsed: dict[str, Any], errors: list[dict[str, Any]]) -> list[str]:
    """What the manifest, as Chromium parsed it, lacks; with Chromium's own parse errors and installability errors."""
    misses = [f"manifest: {error.get('message', error)}" for error in errors]
    for name in REQUIRED_FIELDS:
        if not parsed.get(name):
            misses.append(f"manifest: no {name}")
    if parsed.get("display") != "standalone":
        misses.append(f"manifest: display is {parsed.get('display')!r}, not 'standalone'")
    icons = {(icon.get("sizes"), icon.get("purpose", "any")) for icon in parsed.get("icons") or []}
    misses += [f"manifest: no {purpose} icon of {sizes}" for sizes, purpose in sorted(REQUIRED_ICONS - icons)]
    return misses


def check_offline(browser: Any, chromium: str, base_url: str, paths: list[str], profile: Path) -> OfflineFindings:
    """Installability of the home page, then each page's repeat view after one visit.

    In a browser profile on disk (`profile`, an empty folder): Chromium never offers to install
    from an incognito window, which is what a new Playwright context is.
    """
    findings = OfflineFindings()
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=chromium, args=CHROMIUM_ARGS, base_url=base_url
    )
    try:
        page = context.new_page()
        page.goto("", wait_until="load")
        session = context.new_cdp_session(page)
        manifest = session.send("Page.getAppManifest")
        try:
            parsed = json.loads(manifest.get("data") or "{}")
        except json.JSONDecodeError:
            parsed = {}
        findings.misses += manifest_misses(parsed, manifest.get("errors") or [])
        for _ in range(300):  # the worker saves the guide once the page has loaded
            if page.evaluate(CONTROLLED):
                break
            page.wait_for_timeout(100)
        else:
            findings.misses.append("the service worker did not take over the page within 30 s")
            return findings
        installability = session.send("Page.getInstallabilityErrors").get("installabilityErrors") or []
        findings.misses += [f"not installable: {error.get('errorId')}" for error in installability]
        page.close()
        for path in paths:
            view = repeat_view(context, path)
            findings.repeat.append(view)
            if view.network:
                findings.misses.append(f"{path or '/'}: a repeat view still fetched {', '.join(view.network[:3])} from the server")
    finally:
        context.close()
    return findings


def repeat_view(context: Any, path: str) -> RepeatView:
    page = context.new_page()
    page.goto(path, wait_until="load")
    fetched = page.evaluate(FROM_NETWORK)
    view = RepeatView(path, page.evaluate(LCP), sum(size for _, size in fetched), [name for name, _ in fetched])
    page.close()
    return view
