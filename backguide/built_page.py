"""The whole page as the theme writes it: what the gate's view of a page's content cannot see.

`backguide.gate.check_page` judges a page's content as MkDocs renders it. The reader gets more:
the template's header above it (title, summary, "At a glance", option map), the theme's chrome
(the site's name, the page's title, the menu, a banner, the footer), and pages no Markdown
makes (404.html, the short links' pages). `check_built_page` judges those from the written
HTML, so the hooks (on_post_page, on_post_template, on_post_build) and `check-site` hold the
same rules:

- method pages: before the first warning only BEFORE_THE_FIRST_WARNING (backguide.allowlist),
  header included, in source order;
- every page: no banner (the announce block), no step in the chrome's words, nothing that moves
  focus or screen readers' order (`autofocus`, `aria-owns`, `aria-flowto`, positive `tabindex`);
- pages with no Markdown source (404, short links): no step by words or markup, no markup no
  page may carry.
"""

from __future__ import annotations

from typing import Any, Mapping

from backguide import html
from backguide.allowlist import before_the_first_warning, reading_order
from backguide.instructions import instructions
from backguide.markup import check_markup, check_no_steps
from backguide.rules import required_warnings

# Elements whose text the reader never reads as text.
NOT_READ = frozenset({"script", "style", "template", "noscript", "svg"})


def chrome_texts(root: html.Node) -> list[str]:
    """The text of the page outside its article, element by element: header, menu, banner, footer."""
    body = html.body(root)
    article = root.css_first("article")
    skip = {article.mem_id} if article is not None else set()
    # The table of contents repeats the page's own headings, which the content's rules judge.
    skip |= {nav.mem_id for nav in body.css("nav.md-nav--secondary")}
    texts = []
    for element in html.elements(body):
        if element.tag in NOT_READ or element.mem_id in skip or any(a.mem_id in skip or a.tag in NOT_READ for a in html.ancestors(element)):
            continue
        own = " ".join(" ".join(child.text_content or "" for child in element.iter(include_text=True) if child.is_text_node).split())
        if own:
            texts.append(own)
        texts += [element.attributes.get(name) or "" for name in ("aria-label", "title") if element.attributes.get(name)]
    return texts


def check_built_page(page_html: str, meta: Mapping[str, Any] | None, *, is_method: bool, has_source: bool) -> list[str]:
    """Problems of a written page that its content alone does not show."""
    root = html.parse(page_html)
    body = html.body(root)
    problems = reading_order(body)
    for banner in root.css(".md-banner"):
        problems.append(
            f"shows a banner above its content (\"{' '.join(html.text(banner).split())[:60]}\"), before the safety warnings;"
            " remove the announce block from overrides/ (the theme's chrome carries no banner)"
        )
    chrome = chrome_texts(root) if root.css_first("article") is not None else []  # a short link's page is all body
    for sentence, why in instructions(chrome)[:1]:
        problems.append(
            f"shows \"{sentence[:70]}\" in the theme's header, menu or footer, which {why}: a step outside the steps;"
            " change the value in mkdocs.yml, the front matter or overrides/ that prints it"
        )
    article = html.article(root)
    if is_method and meta is not None:
        titles = [rule.title for rule in required_warnings(meta)]
        problems += before_the_first_warning(article, titles, meta, parts=("header", "content"))
    elif not has_source:  # 404.html, a short link's page: no hook judged their content
        problems += check_markup(article) + check_no_steps(article, "404.md")
    return list(dict.fromkeys(problems))
