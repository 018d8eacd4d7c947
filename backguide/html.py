"""The one way this project reads HTML: selectolax's Lexbor engine, a full HTML5 parser.

Chosen over lxml and BeautifulSoup because it parses as a browser does (the gate judges
what a reader sees: `<template>` content, comments and raw text are kept apart as a
browser keeps them) and it is the fastest of the three on our pages by a wide margin.
Everything else reads pages through these few helpers, never by regex. Where a module edits a
page as text (csp.py puts its tag after `<meta charset>`, drawings.py puts a figure in place of
its marker, optimise.py swaps stylesheet links), it finds the spot through the parser first
and leaves the rest of the page's bytes as they were.
"""

from __future__ import annotations

from typing import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

Node = LexborNode


def parse(html: str) -> Node:
    """The document's `<html>` element; a fragment is wrapped in `<html><body>` as a browser would."""
    return LexborHTMLParser(html).root


def content(html: str) -> Node:
    """A page's content (a fragment of a body) as the `<body>` that holds it.

    Parsed inside an open `<body>`, so a `<style>`, `<link>` or `<meta>` at its start stays in
    the content, where a browser shows this fragment, instead of moving to a `<head>`.
    """
    return LexborHTMLParser(f"<!DOCTYPE html><html><head></head><body>{html}</body></html>").body


def fragment(html: str) -> list[Node]:
    """The top-level nodes of an HTML fragment, ready to insert into another tree."""
    body = LexborHTMLParser(f"<body>{html}</body>").body
    return list(body.iter(include_text=True)) if body is not None else []


def body(root: Node) -> Node:
    return root.css_first("body") or root


def inner_html(node: Node) -> str:
    return node.inner_html or ""


def elements(node: Node) -> Iterator[Node]:
    """This node and every element under it, in document order; comments and text are left out."""
    if node.is_element_node:
        yield node
    for child in node.traverse(include_text=False):
        # traverse() starts with the node itself, a new wrapper object each time: compare ids.
        if child.is_element_node and child.mem_id != node.mem_id:
            yield child


def ancestors(node: Node) -> Iterator[Node]:
    parent = node.parent
    while parent is not None and parent.is_element_node:
        yield parent
        parent = parent.parent


def classes(node: Node) -> set[str]:
    return set((node.attributes.get("class") or "").split())


def attribute(node: Node, name: str) -> str | None:
    return node.attributes.get(name)


def text(node: Node, skip: frozenset[str] = frozenset()) -> str:
    """All text under the node, as a reader would read it; elements with a class in `skip` are left out."""
    if not skip:
        return node.text(deep=True) or ""
    parts: list[str] = []
    for child in node.iter(include_text=True):
        if child.is_text_node:
            parts.append(child.text_content or "")
        elif child.is_element_node and not (classes(child) & skip):
            parts.append(text(child, skip))
    return "".join(parts)


def article(page: Node) -> Node:
    """Material's content area (`<article>`): the page without header, navigation and footer."""
    return page.css_first("article") or body(page)


def ids(page: Node) -> frozenset[str]:
    """Every fragment a browser can scroll to: element ids, and the names of `<a name>` anchors."""
    found = set()
    for node in elements(page):
        found |= {node.attributes.get("id"), node.attributes.get("name") if node.tag == "a" else None}
    return frozenset(value for value in found if value)


def refresh_target(page: Node) -> str | None:
    """Where a `<meta http-equiv="refresh" content="0; url=…">` page sends the reader, if it is one."""
    for meta in page.css("meta"):
        if (meta.attributes.get("http-equiv") or "").lower() == "refresh":
            content = meta.attributes.get("content") or ""
            _, found, url = content.partition("url=") if "url=" in content else content.partition("URL=")
            return url.strip().strip("'\"") if found else None
    return None


def comments(node: Node) -> Iterator[tuple[Node, str]]:
    """Every HTML comment under the node, with its text: where a page asks for generated content."""
    for child in node.traverse(include_text=True):
        if child.is_comment_node:
            yield child, child.comment_content or ""
