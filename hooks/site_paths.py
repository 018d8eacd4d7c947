"""Where a Markdown page lands in a site built with directory URLs (MkDocs' default)."""

from __future__ import annotations

from pathlib import Path


def page_url(src_uri: str) -> str:
    """methods/chair.md -> /methods/chair/, methods/index.md -> /methods/, index.md -> /."""
    stem = src_uri.removesuffix(".md")
    stem = "" if stem == "index" else stem.removesuffix("/index")
    return f"/{stem}/" if stem else "/"


def built_page(site_dir: Path, src_uri: str) -> Path:
    """methods/chair.md -> SITE_DIR/methods/chair/index.html."""
    return site_dir / page_url(src_uri).lstrip("/") / "index.html"
