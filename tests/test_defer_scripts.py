"""The defer hook: external scripts stop blocking the first paint, and keep their order."""

from __future__ import annotations

from pathlib import Path

import pytest
from defer_scripts import defer_scripts


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<script src="bundle.js"></script>', '<script defer src="bundle.js"></script>'),
        ('<script src="a.js"></script><script src="b.js">', '<script defer src="a.js"></script><script defer src="b.js">'),
        ('<script async src="x.js"></script>', '<script async src="x.js"></script>'),
        ('<script defer src="x.js"></script>', '<script defer src="x.js"></script>'),
        ('<script type="module" src="x.js"></script>', '<script type="module" src="x.js"></script>'),
        ("<script>inline()</script>", "<script>inline()</script>"),
        ('<script id="__config" type="application/json">{}</script>', '<script id="__config" type="application/json">{}</script>'),
    ],
    ids=["bundle", "order-kept", "async", "already-deferred", "module", "inline", "json-data"],
)
def test_defer_scripts(html: str, expected: str) -> None:
    assert defer_scripts(html) == expected


def test_no_built_page_has_a_blocking_external_script(site: Path) -> None:
    blocking = [
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if defer_scripts(text := path.read_text()) != text
    ]
    assert blocking == []
