"""Each of `make audit`'s checks can fail: a broken anchor, an HTML error, a low Lighthouse score, no gzip.

The full audit is slow and lives in `make audit`; these cases are small and run in `make test`.
"""

from __future__ import annotations

import shutil
import urllib.request
from pathlib import Path

import pytest
from audit_tools import audit_tool
from project import TEST_PORT

from audit.html_checker import VNU_JAR, check_html
from audit.lighthouse import median_run, only_performance_missed, summarize
from audit.links import check_site_links
from audit.pages import redirect_shape, site_pages
from audit.report import PageReport, final_line
from audit.server import nginx
from support.ports import free_port

SITE_URL = "http://127.0.0.1:8000/"


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(html)
    return root


# Links ---------------------------------------------------------------------------------------


def test_a_broken_anchor_and_a_missing_page_are_caught(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "index.html": '<a href="guide/#steps">ok</a> <a href="guide/#step-9">bad anchor</a> <a href="gone/">gone</a>',
        "guide/index.html": '<h2 id="steps">Steps</h2> <a href="../#top">up</a> <a href="../">home</a>',
    })
    assert check_site_links(site, SITE_URL, set()) == {
        "index.html": ["broken anchor guide/#step-9: /guide/ has no id 'step-9'", "broken link gone/: nothing at /gone/"],
        "guide/index.html": ["broken anchor ../#top: / has no id 'top'"],
    }


def test_an_external_link_must_be_listed_and_well_formed(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": (
        '<a href="https://nhs.uk/back-pain/">listed</a> <a href="https://other.example/">not listed</a>'
        ' <a href="https://bad host/">malformed</a> <a href="javascript:void(0)">script</a>'
    )})
    assert check_site_links(site, SITE_URL, {"https://nhs.uk/back-pain/"}) == {"index.html": [
        "external link not in audit/external_links.txt: https://other.example/",
        "malformed external link 'https://bad host/'",
        "link with scheme 'javascript:' 'javascript:void(0)'; use a real address",
    ]}


def test_the_real_site_has_no_broken_link(site: Path) -> None:
    assert check_site_links(site, f"http://127.0.0.1:{TEST_PORT}/", set()) == {}


def test_pages_are_found_in_the_built_folder(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "index.html": "", "404.html": "", "methods/chair/index.html": "",
        "chair/index.html": '<meta http-equiv="refresh" content="0; url=../methods/chair/">',
    })
    assert [(page.path, page.is_redirect) for page in site_pages(site)] == [
        ("", False), ("methods/chair/", False), ("404.html", False), ("chair/", True),
    ]


def test_one_short_link_per_shape_is_timed(site: Path) -> None:
    """The real short links differ only in their target, so the audit times one; one that carries more is timed too."""
    links = [page for page in site_pages(site) if page.is_redirect]
    shapes = {redirect_shape(page.file.read_text(), page.redirect_to) for page in links}
    assert len(links) >= 5 and len(shapes) == 1
    heavier = links[0].file.read_text().replace("</head>", '<link rel="stylesheet" href="../assets/big.css"></head>')
    assert redirect_shape(heavier, links[0].redirect_to) not in shapes


# Nu Html Checker -------------------------------------------------------------------------------


def test_an_html_error_is_caught_and_only_materials_checkbox_note_is_let_through(tmp_path: Path) -> None:
    audit_tool(VNU_JAR, "Nu Html Checker")
    if shutil.which("java") is None:
        audit_tool(Path("/usr/bin/java"), "Java for the Nu Html Checker")  # skips, or fails under REQUIRE_AUDIT_TOOLS=1
    head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>'
    site = write_site(tmp_path, {
        "material.html": head + '<input type="checkbox" id="__drawer" autocomplete="off"></body></html>',
        "broken.html": head + '<p><div>a block in a paragraph</div></p><input type="radio" autocomplete="off"></body></html>',
    })
    errors = check_html(sorted(site.glob("*.html")), site)
    assert "material.html" not in errors
    assert any("“autocomplete” is only allowed" in error for error in errors["broken.html"])  # not on a checkbox
    assert any("No “p” element in scope" in error for error in errors["broken.html"])


# Lighthouse ----------------------------------------------------------------------------------


def lighthouse_report(scores: dict[str, float], performance_loss: str = "total-blocking-time") -> dict:
    audits = {"total-blocking-time": {"score": 1},
              "cumulative-layout-shift": {"score": 1},
              "largest-contentful-paint": {"numericValue": 1500.0, "score": 1},
              "total-byte-weight": {"numericValue": 75_000.0, "score": 1}}
    audits[performance_loss] = {**audits[performance_loss], "score": 0.9,
                                "displayValue": {"total-blocking-time": "180 ms"}.get(performance_loss, "0.3")}
    performance_refs = [{"id": audit_id, "weight": 25} for audit_id in
                        ("total-blocking-time", "cumulative-layout-shift", "largest-contentful-paint")]
    categories = {
        name: {"title": name.title(), "score": score,
               "auditRefs": performance_refs if name == "performance" else []}
        for name, score in scores.items()
    }
    return {"categories": categories, "audits": audits}


def test_a_score_under_100_is_a_miss_with_its_reason() -> None:
    result = summarize(lighthouse_report({"performance": 1, "accessibility": 0.97, "best-practices": 1, "seo": 1}))
    assert result.scores == {"performance": 100, "accessibility": 97, "best-practices": 100, "seo": 100}
    assert result.misses == ["Lighthouse Accessibility 97: see the JSON report"]
    assert (result.lcp_ms, result.bytes) == (1500.0, 75_000.0)


def test_performance_lost_to_time_is_a_figure_and_lost_to_anything_else_a_miss() -> None:
    # A time is the machine's figure (Speed judges time as a ratio); a layout shift is the page's fault.
    others = {"accessibility": 1, "best-practices": 1, "seo": 1}
    loaded = summarize(lighthouse_report({"performance": 0.90, **others}))
    assert loaded.misses == []
    assert loaded.short_of_aim == ["Lighthouse Performance 90: total-blocking-time 180 ms"]
    shifting = summarize(lighthouse_report({"performance": 0.97, **others}, performance_loss="cumulative-layout-shift"))
    assert shifting.misses == ["Lighthouse Performance 97: cumulative-layout-shift 0.3"]
    assert shifting.short_of_aim == []


def test_a_missing_category_or_a_failed_run_is_a_miss() -> None:
    assert summarize(lighthouse_report({"performance": 1, "accessibility": 1, "best-practices": 1})).misses == [
        "Lighthouse report has no seo category"
    ]
    assert summarize({"runtimeError": {"message": "Chrome crashed"}}).misses[0] == "Lighthouse failed: Chrome crashed"


def test_only_a_performance_miss_is_run_again_and_its_median_counts() -> None:
    runs = [summarize(lighthouse_report({"performance": score, "accessibility": 1, "best-practices": 1, "seo": 1}))
            for score in (0.97, 1, 0.99)]
    assert only_performance_missed(runs[0])
    assert not only_performance_missed(summarize(lighthouse_report(
        {"performance": 0.97, "accessibility": 0.9, "best-practices": 1, "seo": 1})))
    median = median_run(runs)
    assert (median.scores["performance"], median.performance_runs) == (99, [97, 100, 99])
    assert median.short_of_aim == ["Lighthouse Performance 99: total-blocking-time 180 ms"]
    assert median.misses == []


def test_the_final_line_names_every_page_with_a_miss() -> None:
    clean, missed = PageReport("/"), PageReport("methods/chair/")
    missed.misses["axe"].append("axe color-contrast (light, search closed): 1 element(s)")
    assert final_line([clean, missed]) == "Misses: 1 on 1 of 2 pages: methods/chair/ (1)"
    assert final_line([clean]) == "Misses: none (1 pages audited)"


# nginx -------------------------------------------------------------------------------------


def test_nginx_serves_the_site_compressed(tmp_path: Path) -> None:
    audit_tool(Path(shutil.which("nginx") or "/usr/sbin/nginx"), "nginx")
    site = write_site(tmp_path / "site", {"index.html": "<p>" + "back " * 200 + "</p>"})
    with nginx(site, free_port(), tmp_path / "nginx") as base_url:
        request = urllib.request.Request(base_url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base_url + "nowhere/")
        assert missing.value.code == 404
