"""A strict Content-Security-Policy for every page, as a `<meta>` tag with the hashes of its inline scripts.

A static host may not let us set headers, so the policy travels inside each page. Scripts
apply only from this site or when their exact text was hashed at build time, so an
injected script, or one from another host, does not run. Styles come only from this
site's files: no inline `<style>`, no style attributes, no 'unsafe-inline'.
`check_policy` is the audit's and the tests' judge of a built page; `with_policy` writes the tag.
"""

from __future__ import annotations

import base64
import hashlib

from backguide import html

# Everything not listed is refused (default-src 'none'). Material needs: its own scripts,
# its stylesheets, data: SVG icons in its CSS, and fetching its sitemap (instant
# navigation). Search (Pagefind) needs: its worker, fetching its index, and compiling its
# WebAssembly, which only 'wasm-unsafe-eval' allows; it lets no JavaScript string run.
# style-src is 'self' and nothing more, on every page: the site's CSS is one file
# (backguide/optimise.py), so no policy lists a style hash. A meta policy governs its
# document for life, and instant navigation brings later pages, even those of a later
# deploy, into it: a page's policy must not depend on any other page. Scripts set styles
# through the DOM, which CSP does not restrict. A meta tag cannot carry frame-ancestors,
# report-uri or sandbox.
POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),  # plus one hash per inline script of the page
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

# Script types a browser runs; anything else (Material's application/json config) is data.
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# The tag goes right after this one, before any script. Material's templates and the
# redirect pages of mkdocs-redirects both write it exactly so; a page without it is refused.
CHARSET_TAG = '<meta charset="utf-8">'
# Sources that would let an injected or foreign script run.
UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:", "blob:"}


def is_inline_script(node: html.Node) -> bool:
    attrs = node.attributes
    return node.tag == "script" and "src" not in attrs and (attrs.get("type") or "").strip().lower() in JAVASCRIPT_TYPES


def inline_scripts(page_html: str) -> list[str]:
    """The exact text of every inline script a browser would run, in page order."""
    return _inline_scripts(html.parse(page_html))


def _inline_scripts(root: html.Node) -> list[str]:
    return [node.text(deep=True) or "" for node in root.css("script") if is_inline_script(node)]


def inline_styles(page_html: str) -> list[str]:
    """The exact text of every `<style>` element, in page order (a `<noscript>` holds no elements when scripts run)."""
    return _inline_styles(html.parse(page_html))


def _inline_styles(root: html.Node) -> list[str]:
    return [node.text(deep=True) or "" for node in root.css("style")]


def script_hash(text: str) -> str:
    """The CSP source that allows exactly this script text, e.g. 'sha256-…'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: list[str]) -> str:
    """The policy text, with the given hashes added to script-src (each once, in order)."""
    directives = dict(POLICY)
    directives["script-src"] = POLICY["script-src"] + tuple(dict.fromkeys(script_hashes))
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def policy_tags(root: html.Node) -> list[html.Node]:
    return [
        meta
        for meta in root.css("meta")
        if (meta.attributes.get("http-equiv") or "").lower() == "content-security-policy"
    ]


def with_policy(page_html: str) -> str:
    """The page with its policy tag right after `<meta charset="utf-8">`, before any script.

    A page that already has a policy is returned unchanged, so the hook may run twice.
    """
    root = html.parse(page_html)
    if policy_tags(root):
        return page_html
    at = page_html.find(CHARSET_TAG)
    if at < 0:
        raise ValueError(f"the page has no {CHARSET_TAG} to put its Content-Security-Policy after")
    at += len(CHARSET_TAG)
    content = policy([script_hash(script) for script in _inline_scripts(root)])
    return page_html[:at] + f'<meta http-equiv="Content-Security-Policy" content="{content}">' + page_html[at:]


def directives(text: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in text.split(";"):
        name, *sources = part.split() or [""]
        if name:
            parsed.setdefault(name.lower(), sources)  # the first of a repeated directive wins
    return parsed


def check_policy(page_html: str) -> list[str]:
    """Every way the page's policy falls short; [] for a page that is covered."""
    root = html.parse(page_html)
    tags = policy_tags(root)
    if len(tags) != 1:
        return [f"has {len(tags)} Content-Security-Policy meta tags; it needs exactly one"]
    order = {node.mem_id: index for index, node in enumerate(html.elements(root))}
    problems = []
    scripts = root.css("script")
    if scripts and order[scripts[0].mem_id] < order[tags[0].mem_id]:
        problems.append("a script comes before the Content-Security-Policy tag, so the policy does not cover it")
    parsed = directives(tags[0].attributes.get("content") or "")
    script_src = parsed.get("script-src", parsed.get("default-src"))
    if script_src is None:
        problems.append("the policy has no script-src (nor default-src), so any script runs")
        script_src = []
    if unsafe := sorted(UNSAFE_SCRIPT_SOURCES & {source.lower() for source in script_src}):
        problems.append(f"script-src allows {' '.join(unsafe)}")
    if parsed.get("object-src") != ["'none'"]:
        problems.append("object-src must be 'none'")
    if parsed.get("base-uri") not in (["'self'"], ["'none'"]):
        problems.append("base-uri must be 'self' or 'none'")
    for script in _inline_scripts(root):
        if script_hash(script) not in script_src:
            problems.append(f"inline script not allowed by script-src: {' '.join(script.split())[:60]!r}")
    style_src = parsed.get("style-src", parsed.get("default-src"))
    if style_src is None:
        problems.append("the policy has no style-src (nor default-src), so any style applies")
        style_src = []
    if extra := [source for source in style_src if source != "'self'"]:
        problems.append(f"style-src allows more than 'self': {' '.join(extra)}")
    for style in _inline_styles(root):
        problems.append(
            f"inline <style> {' '.join(style.split())[:60]!r}: put it in a stylesheet (docs/stylesheets/extra.css);"
            " a page reached by instant navigation keeps the first page's policy"
        )
    return problems
