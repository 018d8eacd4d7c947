"""Two builds of the same commit are byte-identical, given the same SOURCE_DATE_EPOCH (the Makefile sets it)."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from project import ROOT, build_site

# Any fixed moment will do; the Makefile uses the last commit's date.
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z


def differences(first: Path, second: Path) -> list[str]:
    """Files that only one build has, or that differ in a single byte."""
    names = lambda root: {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}
    ours, theirs = names(first), names(second)
    changed = [name for name in sorted(ours & theirs) if not filecmp.cmp(first / name, second / name, shallow=False)]
    return sorted(ours ^ theirs) + changed


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = build_site(ROOT / "mkdocs.yml", tmp_path / "first")
    second = build_site(ROOT / "mkdocs.yml", tmp_path / "second")
    assert differences(first, second) == []
    assert "<lastmod>2026-01-01</lastmod>" in (first / "sitemap.xml").read_text()


def test_a_changed_file_is_named(tmp_path: Path) -> None:
    for name, text in (("first", "a"), ("second", "b")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text("same")
        (tmp_path / name / "page.html").write_text(text)
    (tmp_path / "second" / "extra.txt").write_text("only here")
    assert differences(tmp_path / "first", tmp_path / "second") == ["extra.txt", "page.html"]
