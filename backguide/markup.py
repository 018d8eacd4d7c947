"""Rules for every page, method page or not: what a page (and the includes it pulls in) may say and carry.

- No markup that changes how the page looks or runs: the site's look lives in its stylesheets
  and its scripts in docs/javascripts/, which the Content-Security-Policy allows by name.
- No words that tell readers to go on through pain: the guide's first rule is to stop.
- Steps only on method pages, where the safety gate checks them.
"""

from __future__ import annotations

import re

from backguide import html
from backguide.content import normalize
from backguide.blocks import NUMBERED, clip, describe, is_admonition, same_title, title_of, words
from backguide.content import BLOCKS, own_text, prose_blocks, source_units, split_sentences
from backguide.instructions import instructions
from backguide.rules import FORBIDDEN_ELEMENTS, PANEL_CLASS, REQUIRED_WARNINGS
from backguide.allowlist import reported_elsewhere

_LOOK = "the site's look lives in its stylesheets (docs/stylesheets/), so remove it"
_FRAME = "it shows another document inside the page, which no check reads; remove it"
WHY_FORBIDDEN: dict[str, str] = {
    "style": _LOOK,
    "link": _LOOK,
    "script": "the site's scripts are files in docs/javascripts/, listed in mkdocs.yml; remove it",
    "template": "what it holds is kept from readers and from the safety checks; remove it",
    "slot": "it places hidden content; remove it",
    "iframe": _FRAME,
    "frame": _FRAME,
    "frameset": _FRAME,
    "object": _FRAME,
    "embed": _FRAME,
    "portal": _FRAME,
    "base": "it changes where every link of the page goes; remove it",
    "meta": "it changes how the whole page loads; remove it",
}

# Phrases that tell a reader to carry on when it hurts. Matched on normalised text (straight
# quotes, one space, any case), anywhere on any page.
PAIN_PHRASES = (
    r"\bpush(?:ing)? (?:it )?through\b",
    r"\bwork(?:ing)? through (?:the |any |some )?(?:pain|hurt)",
    r"\b(?:some|a little|a bit of|mild|slight|a little bit of) (?:pain|hurt|hurting|discomfort) (?:is|means|just means)\b",
    r"\bpain (?:is|means) (?:normal|good|fine|ok|okay|expected|progress|it's working|it is working|you're)",
    r"\b(?:it|this) (?:is|means) (?:it's |it is )?working\b",
    r"\bno pain,? no gain\b",
    r"\bignor(?:e|ing) (?:the |any |some )?(?:pain|hurt)",
    r"\b(?:keep|carry on|continue|go on)(?: going)? (?:even )?(?:if|when|though) it hurts\b",
    r"\beven (?:if|when|though) it hurts\b",
    r"\bhurts? (?:a little|a bit) at first\b",
    r"\bdon't stop (?:if|when|because)\b",
)
_PAIN = re.compile("|".join(PAIN_PHRASES))
# On a page that is not a method page, a heading that opens steps ("Steps", "Step 1", "Option #2").
STEPS_HEADING = re.compile(r"^(steps?|option)\b", re.IGNORECASE)


def check_markup(root: html.Node) -> list[str]:
    """Elements and attributes no page may carry: styles, scripts, frames, hidden templates, event handlers."""
    problems = []
    seen = set()
    for element in html.elements(root):
        if element.tag in FORBIDDEN_ELEMENTS and element.tag not in seen:
            seen.add(element.tag)
            problems.append(f"has a <{element.tag}> element (in the page or an include it pulls in); {WHY_FORBIDDEN[element.tag]}")
        for name in element.attributes:
            key = name.lower()
            if key == "style" and "style=" not in seen:
                seen.add("style=")
                problems.append(
                    f"has a style= attribute on <{element.tag}>; {_LOOK} (an attribute list such as"
                    " { style=\"…\" } writes one)"
                )
            elif key.startswith("on") and "on*" not in seen:
                seen.add("on*")
                problems.append(f"has an event handler ({key}=) on <{element.tag}>; scripts run only from docs/javascripts/, so remove it")
            elif key == "shadowrootmode" and "shadow" not in seen:
                seen.add("shadow")
                problems.append("has a shadow root (shadowrootmode=), whose content the safety checks cannot read; remove it")
    return problems


def check_pain_phrases(root: html.Node) -> list[str]:
    """Words that tell readers to go on when it hurts, against the guide's rule to stop at once.

    A box titled as a required warning is left out: the rules hold it to its include's exact
    words already, and one change should get one message.
    """
    titles = [rule.title for rule in REQUIRED_WARNINGS]
    parts = []
    for node in root.traverse(include_text=True):
        if node.is_text_node and not any(
            is_admonition(box) and any(same_title(title_of(box), title) for title in titles) for box in html.ancestors(node)
        ):
            parts.append(node.text_content or "")
    text = normalize("".join(parts))
    found = list(dict.fromkeys(match.group(0) for match in _PAIN.finditer(text)))
    if not found:
        return []
    quoted = ", ".join(f'"{phrase}"' for phrase in found)
    return [
        f"says {quoted}, which tells readers to go on when it hurts; the guide's rule is to stop"
        " at once if it hurts, so take it out"
    ]


def check_no_steps(root: html.Node, src_uri: str, source: str | None = None, *, by_words: bool = True) -> list[str]:
    """A page that is not a method page holds no exercise: no numbered steps, step headings or drawings."""
    where = "docs/methods/<name>.md" if not src_uri.startswith("methods/") else "a page of its own in docs/methods/"
    fix = (
        f"the safety gate checks steps only on method pages, so put them on a method page ({where})"
        " or give this page  method: <number>  in its front matter"
    )
    for element in html.elements(root):
        if element.tag == "ol":
            return [f"has numbered steps ({describe(element)}), but is not a method page; {fix}"]
        if element.tag in {"h2", "h3", "h4", "h5", "h6"} and STEPS_HEADING.match(html.text(element).strip()):
            return [f"has a step heading (\"{words(element)}\"), but is not a method page; {fix}"]
        if element.tag == "figure" and "drawing" in html.classes(element):
            return [f"has a drawing of a position, but is not a method page; {fix}"]
        if element.tag == "p" and NUMBERED.match(html.text(element)) and re.match(r"^\s*(\(?\d|step)", html.text(element), re.I):
            return [f"has {describe(element)}, but is not a method page; {fix}"]
    # Steps are words: whatever markup carries them (a paragraph, a table, a banner, a question).
    if by_words and (found := instructions(page_texts(root), source)):
        sentence, why = found[0]
        return [f"says \"{clip(sentence, 70)}\", which {why}: a step, but this is not a method page; {fix}"]
    return []


def page_texts(root: html.Node) -> list[str]:
    """Every text a reader meets in the content: prose, headings, box titles, summaries, link and button words."""
    texts = prose_blocks(root)
    # Text standing loose in the page, in no paragraph (a short link's page: "You're being redirected…").
    texts.append(" ".join(child.text_content or "" for child in root.iter(include_text=True) if child.is_text_node))
    for element in html.elements(root):
        if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6", "summary", "caption", "button", "label", "legend", "option", "title"} or (
            "admonition-title" in html.classes(element)
        ):
            texts.append(html.text(element, frozenset({"headerlink"})))
    texts += [element.attributes.get(name) or "" for element in html.elements(root) for name in ("alt", "title", "aria-label") if element.attributes.get(name)]
    return [text for text in texts if text.strip()]


# Words about pain and the warnings. On a method page they belong to the warnings alone (their
# includes, word for word) and to the owner's own sentences: any other sentence that uses them
# can soften a warning ("a little soreness is normal", "most people can skip the check").
SAFETY_WORDS = re.compile(
    r"\b(pain\w*|hurt\w*|sore\w*|ach(?:e|es|ing|y)|discomfort\w*|uncomfortabl\w*|twinge\w*|tender\w*|strain\w*|numb\w*|"
    r"tingl\w*|warn\w*|caution\w*|safe\w*|risk\w*|danger\w*|doctor\w*|gp|physio\w*|stop\w*|normal|fine|ok|okay|"
    r"worr\w*|harmless|expected|careful\w*|injur\w*|damage\w*|relief|skip\w*|ignor\w*|overcautious|exaggerat\w*)\b"
)
# Sentences the guide adds on method pages that use those words, each listed in CONTENT.md for
# a clinician's review: the pointer under each of the floor page's options, and the title of
# includes/tip-silent-crack.md.
SAFETY_SENTENCES_ADDED = ("Stop at once if it hurts, and read the safety rules first.", "No sound is fine")


def check_softening(root: html.Node, source: str) -> list[str]:
    """On a method page, words about pain or the warnings outside the safety panel are the source's own."""
    if not source:
        return []
    _, sentences = source_units(source)
    known = {normalize(sentence) for sentence in sentences} | {normalize(s) for s in SAFETY_SENTENCES_ADDED}
    titles = [rule.title for rule in REQUIRED_WARNINGS]
    texts = []
    for element in html.elements(root):
        if any(
            PANEL_CLASS in html.classes(a) or "red-flags" in html.classes(a) or (is_admonition(a) and any(same_title(title_of(a), t) for t in titles))
            for a in (element, *html.ancestors(element))
        ):
            continue  # the warnings, held to their includes' words by the rules
        if reported_elsewhere(element):
            continue  # its markup is reported; one mistake, one message
        if element.tag in BLOCKS:
            texts.append(own_text(element))
        elif element.tag in {"h1", "h2", "h3", "h4", "h5", "h6", "summary"} or "admonition-title" in html.classes(element):
            texts.append(html.text(element, frozenset({"headerlink"})))
    for text in texts:
        for sentence in split_sentences(" ".join(text.split())):
            if SAFETY_WORDS.search(normalize(sentence)) and normalize(sentence) not in known and not _in_source(sentence, known):
                return [
                    f"says \"{clip(sentence, 70)}\", words about pain or the warnings that are not the source's;"
                    " on a method page only the safety panel speaks about pain and safety, so nothing can soften it:"
                    " remove the sentence, or use the source's own"
                ]
    return []


def _in_source(sentence: str, known: set[str]) -> bool:
    """A heading or a part of a source sentence ("Stop if it hurts"), as the layout shows it."""
    text = normalize(sentence).rstrip(".:!?")
    return 4 <= len(text.split()) <= 12 and any(text in sentence for sentence in known)
