"""Give every page a strict Content-Security-Policy, as a `<meta>` tag with the hashes of its own inline scripts.

A static host may not let us set headers, so the policy travels inside each page. Scripts
run only from this site or when their exact text was hashed at build time, so an injected
script, or one from another host, does not run.

Pages MkDocs renders get the tag in `on_post_page`. Pages written later, straight to the
site folder (the 404 page, and plugins' pages such as mkdocs-redirects' redirect stubs,
written in `on_post_build`), get it in this hook's `on_post_build`, which MkDocs runs after
the plugins' own, because hooks are registered after `plugins:`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# Everything not listed is refused (default-src 'none'). Material needs: its own scripts
# and search worker, its stylesheets, data: SVG icons in its CSS, and fetching its search
# index and sitemap (instant navigation). Its pages carry no inline styles, and its
# scripts set styles through the DOM, which CSP does not restrict, so style-src needs no
# 'unsafe-inline'. A meta tag cannot carry frame-ancestors, report-uri or sandbox.
POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'",),  # plus one hash per inline script of the page
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "form-action": ("'self'",),
    "base-uri": ("'self'",),
    "object-src": ("'none'",),
}

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
# Script types a browser runs; anything else (Material's application/json config) is data.
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
POLICY_TAG = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?content-security-policy", re.IGNORECASE)
CHARSET_TAG = re.compile(r"<meta\s[^>]*charset[^>]*>", re.IGNORECASE)
HEAD_TAG = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

# `mkdocs serve` injects an inline live-reload script into every page it serves, with text
# that changes on each rebuild, so no build-time hash can allow it. The policy is for the
# published site; pages previewed with `make serve` go without it, so live reload works.
_serving = False


# Hooks


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return output if _serving else with_policy(output)


def on_post_build(*, config: MkDocsConfig) -> None:
    if _serving:
        return
    for path in Path(config.site_dir).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if not POLICY_TAG.search(html):
            path.write_text(with_policy(html), encoding="utf-8")


# Helpers


def attributes(tag_attributes: str) -> dict[str, str]:
    """The attributes of a start tag, names in lower case; a bare attribute has the value ''."""
    found = {}
    for match in ATTRIBUTE.finditer(tag_attributes):
        name, *values = match.groups()
        found[name.lower()] = next((value for value in values if value is not None), "")
    return found


def inline_scripts(html: str) -> list[str]:
    """The exact text of every inline script a browser would run, in page order."""
    scripts = []
    for match in SCRIPT.finditer(html):
        attrs = attributes(match.group(1))
        if "src" not in attrs and attrs.get("type", "").strip().lower() in JAVASCRIPT_TYPES:
            scripts.append(match.group(2))
    return scripts


def script_hash(text: str) -> str:
    """The CSP source that allows exactly this script text, e.g. 'sha256-…'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: list[str]) -> str:
    """The policy text, with the given hashes added to script-src (each once, in order)."""
    directives = dict(POLICY)
    directives["script-src"] = POLICY["script-src"] + tuple(dict.fromkeys(script_hashes))
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def policy_tag(html: str) -> str:
    content = policy([script_hash(script) for script in inline_scripts(html)])
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def with_policy(html: str) -> str:
    """The page with its policy tag right after `<meta charset>` (or `<head>`), before any script.

    A page that already has a policy is returned unchanged, so the hook may run twice.
    """
    if POLICY_TAG.search(html):
        return html
    first_script = SCRIPT.search(html)
    before = first_script.start() if first_script else len(html)
    anchors = [match.end() for match in (CHARSET_TAG.search(html), HEAD_TAG.search(html)) if match]
    at = next((end for end in anchors if end <= before), 0)
    return html[:at] + policy_tag(html) + html[at:]
