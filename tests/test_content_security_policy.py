"""The CSP hook: exact hashes on HTML strings, the tag before any script, and every built page covered."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from backguide.csp import inline_scripts, policy, script_hash, with_policy
from project import build_site

HASH_OF_ALERT = "'sha256-" + base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode() + "'"


def test_script_hash_is_the_csp_source_for_the_exact_text() -> None:
    assert script_hash("alert(1)") == HASH_OF_ALERT
    assert script_hash("alert(1) ") != HASH_OF_ALERT  # one more space is another script


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>a()</script>", ["a()"]),
        ("<SCRIPT type='module'>\nb()\n</SCRIPT>", ["\nb()\n"]),
        ('<script type="text/javascript">c()</script>', ["c()"]),
        ('<script src="x.js"></script>', []),
        ('<script id="__config" type="application/json">{"a": 1}</script>', []),
        ("<script></script>", [""]),
        ("<p>no scripts</p>", []),
    ],
    ids=["plain", "module", "javascript-type", "external", "json-data", "empty", "none"],
)
def test_inline_scripts(html: str, expected: list[str]) -> None:
    assert inline_scripts(html) == expected


def test_policy_lists_each_hash_once_and_never_unsafe_inline_for_scripts() -> None:
    text = policy([HASH_OF_ALERT, HASH_OF_ALERT])
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    # 'wasm-unsafe-eval' lets search (Pagefind) compile its WebAssembly; no JavaScript string runs.
    assert directives["script-src"] == f"'self' 'wasm-unsafe-eval' {HASH_OF_ALERT}"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert "'unsafe-inline'" not in text.split() and "'unsafe-eval'" not in text.split()


def test_tag_goes_after_charset_and_before_the_first_script() -> None:
    page = '<html><head><meta charset="utf-8"><script>alert(1)</script></head></html>'
    result = with_policy(page)
    tag = result.index('<meta http-equiv="Content-Security-Policy"')
    assert result.index("charset") < tag < result.index("<script>")
    assert HASH_OF_ALERT in result


def test_a_page_without_the_charset_tag_is_refused() -> None:
    """Its policy would have no safe place before the scripts, so the build says so instead of guessing."""
    with pytest.raises(ValueError, match="no <meta charset"):
        with_policy("<head><script>alert(1)</script></head>")


def test_a_page_with_a_policy_is_left_alone() -> None:
    once = with_policy('<head><meta charset="utf-8"><script>alert(1)</script></head>')
    assert once.count("Content-Security-Policy") == 1
    assert with_policy(once) == once


# The real site ------------------------------------------------------------------------------


def test_every_built_page_carries_a_policy_for_its_own_scripts(site: Path) -> None:
    from backguide.csp import check_policy

    problems = {
        path.relative_to(site).as_posix(): check_policy(path.read_text())
        for path in sorted(site.rglob("*.html"))
    }
    assert {page: found for page, found in problems.items() if found} == {}
    assert "404.html" in problems  # written by the theme, not as a page


def test_redirect_pages_written_after_the_pages_get_a_policy(tmp_path: Path) -> None:
    """mkdocs-redirects writes its pages in on_post_build; the hook runs after it."""
    from project import ROOT

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\n"
        "plugins:\n  - redirects:\n      redirect_maps:\n        old.md: index.md\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'content_security_policy.py'}\n"
    )
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    redirect = (site / "old" / "index.html").read_text()
    from backguide.csp import check_policy

    assert inline_scripts(redirect), "the redirect page should have its redirect script"
    assert check_policy(redirect) == []


# The audit's check can fail -----------------------------------------------------------------


def test_a_script_the_policy_does_not_allow_is_caught() -> None:
    from backguide.csp import check_policy

    page = with_policy('<head><meta charset="utf-8"><script>alert(1)</script></head>')
    injected = page.replace("</head>", "<script>steal()</script></head>")
    assert check_policy(page) == []
    assert check_policy(injected) == ["inline script not allowed by script-src: 'steal()'"]


@pytest.mark.parametrize(
    ("page", "problem"),
    [
        ("<head><script>a()</script></head>", "has 0 Content-Security-Policy meta tags; it needs exactly one"),
        (
            "<head><script src=x.js></script>"
            "<meta http-equiv=Content-Security-Policy content=\"script-src 'self'; style-src 'self'; object-src 'none';"
            " base-uri 'self'\">",
            "a script comes before the Content-Security-Policy tag, so the policy does not cover it",
        ),
        (
            "<meta http-equiv=Content-Security-Policy content=\"script-src 'self' 'unsafe-inline'; style-src 'self';"
            " object-src 'none'; base-uri 'self'\">",
            "script-src allows 'unsafe-inline'",
        ),
        (
            "<meta http-equiv=Content-Security-Policy content=\"script-src 'self'; style-src 'self'; base-uri 'self'\">",
            "object-src must be 'none'",
        ),
        (
            "<meta http-equiv=Content-Security-Policy content=\"script-src 'self'; object-src 'none'; base-uri 'self'\">",
            "the policy has no style-src (nor default-src), so any style applies",
        ),
    ],
    ids=["no-tag", "script-first", "unsafe-inline", "no-object-src", "no-style-src"],
)
def test_a_weak_policy_is_caught(page: str, problem: str) -> None:
    from backguide.csp import check_policy

    assert check_policy(page) == [problem]


def test_pages_previewed_with_mkdocs_serve_go_without_the_policy(tmp_path: Path) -> None:
    """Its live-reload script is inline and new on every rebuild, so the policy would block it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from project import copy_project

    project = copy_project(tmp_path / "project")
    # Started as `mkdocs serve` starts a build: on_startup says the command.
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_startup(command="build", dirty=False)  # as every other build of this process is
    served = tmp_path / "served"
    built = build_site(project / "mkdocs.yml", tmp_path / "built")
    assert "Content-Security-Policy" not in (served / "methods" / "chair" / "index.html").read_text()
    assert "Content-Security-Policy" in (built / "methods" / "chair" / "index.html").read_text()
