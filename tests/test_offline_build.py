"""Installable and offline: the web app manifest, its icons, and the service worker's list of files.

The browser side (the worker serving the guide with the network off) is tests/browser/test_offline.py.
"""

from __future__ import annotations

import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from PIL import Image

from project import ROOT

from backguide.offline import app, precache
from backguide.ship import ShipError, offline_worker
from backguide.site import url_of_file

FAVICON = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)["theme"]["favicon"]


def test_the_manifest_has_what_an_install_needs(site: Path) -> None:
    manifest = json.loads((site / app.MANIFEST).read_text())
    assert manifest["name"] == "How to Crack Your Own Back" and manifest["short_name"] == "Back guide"
    assert len(manifest["short_name"]) <= 12
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("./", "./", "standalone")
    assert manifest["theme_color"] == manifest["background_color"] == "#009485"  # the logo's teal
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        image = Image.open(site / icon["src"])
        assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"


def test_every_page_links_the_manifest(site: Path) -> None:
    for path in site.rglob("*.html"):
        text = path.read_text()
        if 'http-equiv="refresh"' in text:
            continue  # a short link's page forwards at once
        assert '<link rel="manifest" href="' in text, path


def test_the_icons_are_drawn_from_the_logo_byte_for_byte_the_same() -> None:
    logo = app.read_logo(FAVICON)
    first = [app.draw_icon(logo, size, purpose) for _, size, purpose in app.ICONS]
    assert first == [app.draw_icon(logo, size, purpose) for _, size, purpose in app.ICONS]
    maskable = Image.open(io.BytesIO(first[2])).convert("RGB")
    # Full bleed: the corners are the teal, and the figure (white) stays inside the middle 80 %.
    assert maskable.getpixel((0, 0)) == (0, 148, 133)
    white = [(x, y) for x in range(0, 512, 4) for y in range(0, 512, 4) if maskable.getpixel((x, y)) == (255, 255, 255)]
    assert white and all(51 <= x <= 461 and 51 <= y <= 461 for x, y in white)


def test_a_favicon_that_is_no_svg_logo_is_refused_with_the_fix() -> None:
    with pytest.raises(app.LogoError, match=r"theme.favicon in mkdocs.yml is 'assets/favicon.png'; the app icons are drawn from an SVG"):
        app.read_logo("assets/favicon.png")


def test_the_list_agrees_with_the_site_and_precaches_what_readers_need(site: Path) -> None:
    assert precache.check(site) == []
    listed = precache.read_list(site)
    pages = {url_of_file(path) for path in listed["precache"] if path.endswith(".html")}
    assert {"/", "/methods/chair/", "/chair/", "/offline/", "/help/"} <= pages and "/404.html" not in pages
    for needed in ("javascripts/follow-along-view.js", "stylesheets/follow-along.css", "sitemap.xml", "manifest.webmanifest",
                   "pagefind/pagefind.js", "pagefind/pagefind-entry.json", "pagefind/wasm.en.pagefind"):
        assert needed in listed["precache"]
    assert any(path.startswith("pagefind/fragment/") for path in listed["precache"])
    assert not any(path.startswith("assets/cards/") or path.endswith(".map") for path in listed["precache"])
    worker = (site / precache.WORKER).read_text()
    assert f'const VERSION = "{listed["version"]}"' in worker and "__VERSION__" not in worker and "__LIST__" not in worker


def test_the_precache_fits_the_aim(site: Path) -> None:
    """Under 1.5 MB for today's pages (make bench prints it at 100 and 1,000 pages)."""
    listed = precache.read_list(site)
    assert sum((site / path).stat().st_size for path in listed["precache"]) < 1.5 * 1024 * 1024


@pytest.fixture
def copy(site: Path, tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(site, target)
    return target


def test_a_file_written_after_the_list_fails_the_build(copy: Path) -> None:
    (copy / "javascripts" / "late.js").write_text("// written after the list\n")
    (copy / "help" / "index.html").write_text((copy / "help" / "index.html").read_text() + "\n")
    problems = precache.check(copy)
    assert "site/javascripts/late.js ships but is missing from offline-files.json, so the offline guide lacks it; write the list last (write_worker)" in problems
    assert "site/help/index.html changed after offline-files.json was made, so readers' caches would hold other bytes; write the list last (write_worker)" in problems


def test_a_page_that_loads_a_file_left_for_first_use_fails_the_build(copy: Path) -> None:
    help_page = copy / "help" / "index.html"
    help_page.write_text(help_page.read_text().replace("</article>", '<img src="../assets/cards/help.png" alt=""></article>', 1))
    precache.write_worker(copy)  # the list is made again, so only the rule about what pages load can fail
    assert precache.check(copy) == [
        "site/help/index.html loads assets/cards/help.png, which is not precached, so the page breaks offline;"
        " add it to PRECACHE in backguide/offline/precache.py"
    ]


def test_build_site_stops_when_the_list_and_the_site_disagree(copy: Path) -> None:
    help_page = copy / "help" / "index.html"
    help_page.write_text(help_page.read_text().replace("</article>", '<img src="../assets/cards/help.png" alt=""></article>', 1))
    with pytest.raises(ShipError, match=r"offline: site/help/index.html loads assets/cards/help.png, which is not precached"):
        offline_worker(copy)


def test_the_audit_misses_a_manifest_that_cannot_install(site: Path) -> None:
    """audit/offline.py judges the manifest as Chromium parsed it; each missing field is a miss."""
    from audit.offline import manifest_misses

    manifest = json.loads((site / app.MANIFEST).read_text())
    assert manifest_misses(manifest, []) == []
    broken = {**manifest, "display": "browser", "icons": manifest["icons"][:1]}
    del broken["short_name"]
    assert manifest_misses(broken, [{"message": "property 'start_url' ignored"}]) == [
        "manifest: property 'start_url' ignored",
        "manifest: no short_name",
        "manifest: display is 'browser', not 'standalone'",
        "manifest: no any icon of 512x512",
        "manifest: no maskable icon of 512x512",
    ]


def test_every_label_names_a_control_on_its_page(site: Path) -> None:
    """Material writes a "Table of contents" label for the __toc toggle, which only a page in the nav has;
    on the offline page (out of the nav) it pointed at nothing, which the HTML checker refuses
    (overrides/partials/toc.html)."""
    class Labels(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.ids: set[str] = set()
            self.targets: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if values.get("id"):
                self.ids.add(values["id"])
            if tag == "label" and values.get("for"):
                self.targets.add(values["for"])

    dangling = {}
    for page in sorted(site.rglob("*.html")):
        parser = Labels()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.targets - parser.ids:
            dangling[page.relative_to(site).as_posix()] = sorted(parser.targets - parser.ids)
    assert not dangling, dangling
