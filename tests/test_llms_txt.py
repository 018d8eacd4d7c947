"""llms.txt: the llmstxt.org format, generated from the nav and front matter, every link live."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from backguide.llms_txt import Link, llms_txt
from mkdocs.utils.meta import get_data
from project import ROOT, SITE_URL
from test_content import nav_pages

from audit.links import target_file

LINK_LINE = re.compile(r"^- \[(?P<name>[^\]]+)\]\((?P<url>[^)]+)\)(?:: (?P<description>.+))?$")


def test_format_golden_case() -> None:
    text = llms_txt(
        "Guide",
        "Short summary.",
        [("Guide", [Link("Home", "https://x.example/", "Start here.")]), ("Methods", [Link("Chair", "https://x.example/chair/", "")])],
    )
    assert text == (
        "# Guide\n\n> Short summary.\n\n"
        "## Guide\n\n- [Home](https://x.example/): Start here.\n\n"
        "## Methods\n\n- [Chair](https://x.example/chair/)\n"
    )


def test_llms_txt_lists_every_nav_page_with_its_front_matter(site: Path) -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    lines = (site / "llms.txt").read_text().splitlines()
    assert lines[0] == f"# {config['site_name']}"
    assert lines[2] == f"> {config['site_description']}"
    assert all(line.startswith(("#", ">", "- ")) or not line for line in lines)

    listed = {entry["url"]: entry for entry in (LINK_LINE.match(line).groupdict() for line in lines if line.startswith("- "))}
    expected = {}
    for src_uri in nav_pages(config["nav"]):
        _, meta = get_data((ROOT / "docs" / src_uri).read_text())
        expected[SITE_URL + page_address(src_uri)] = " ".join(str(meta.get("description", "")).split()) or None
    assert {url: entry["description"] for url, entry in listed.items()} == expected
    for url, entry in listed.items():
        assert entry["name"].strip()
        assert target_file(site, url.removeprefix(SITE_URL)) is not None, url


def page_address(src_uri: str) -> str:
    """Where MkDocs publishes a Markdown file with directory URLs: methods/chair.md -> methods/chair/."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
