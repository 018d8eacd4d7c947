"""Search that sees symptoms: a query naming an NHS urgent sign gets the urgent answer above the results.

The matcher is the file the site ships (docs/javascripts/urgent-answer.js), run in Chromium
on the data the build wrote (search/urgent-signs.json): first as a pure function over the
whole query set of `urgent_queries.yml`, then in the real search dialog, typed as a reader
types. Queries live in the YAML, so a new one needs no new code.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from violations import record_csp_violations
from waits import settled, wait_until

from backguide import red_flags

QUERIES = yaml.safe_load((Path(__file__).parent / "urgent_queries.yml").read_text())
SEARCH_BUTTON = "[data-search-open]"
SEARCH_BOX = "[data-search-dialog] pagefind-input input"
ANSWER = "[data-search-dialog] [data-urgent-answer]"
RESULT_LINKS = "[data-search-dialog] pagefind-results .pf-result a[href]"

# Runs the shipped module on the shipped data, in the page: every query's named lists and signs.
MATCH_ALL = """async queries => {
  const module = await import(new URL('javascripts/urgent-answer.js', document.baseURI).href);
  const data = await (await fetch(new URL('search/urgent-signs.json', document.baseURI))).json();
  const matcher = module.prepare(data);
  return queries.map(query => module.match(matcher, query).map(urgent => [urgent.id, urgent.signs]));
}"""
# What the answer shows: each list's heading, signs and link, as the reader sees them.
SHOWN = """() => [...document.querySelectorAll('[data-urgent-answer] .urgent-answer__list')].map(box => ({
  service: box.querySelector('.urgent-answer__service').textContent,
  signs: [...box.querySelectorAll('li')].map(li => li.textContent),
  link: (a => a.pathname + a.hash)(box.querySelector('a')),
  text: box.querySelector('a').textContent,
}))"""
RESULTS_FOR = """query => {
  const summary = document.querySelector('[data-search-dialog] pagefind-summary');
  const text = summary ? summary.textContent : '';
  const first = document.querySelector('[data-search-dialog] pagefind-results .pf-result a[href]');
  return text.includes(query) && !/searching/i.test(text) && (/no results/i.test(text) || Boolean(first));
}"""
EVERY_SIGN = {sign.sign: urgent.id for urgent in red_flags.reference().lists for sign in urgent.signs}


def open_search(page) -> None:
    page.locator(SEARCH_BUTTON).click()
    page.locator(SEARCH_BOX).wait_for()


def type_query(page, query: str) -> None:
    box = page.locator(SEARCH_BOX)
    box.fill("")
    box.press_sequentially(query, delay=10)
    wait_until(page, RESULTS_FOR, query)


def shown(page) -> list[dict]:
    return page.evaluate(SHOWN)


# The query set ----------------------------------------------------------------------------


def test_the_query_set_covers_every_sign_of_both_lists() -> None:
    named = {sign for case in QUERIES["urgent"] for sign in case["signs"]}
    assert set(EVERY_SIGN) - named == set(), "every NHS sign needs lay queries in urgent_queries.yml"
    assert named <= set(EVERY_SIGN), "a query names a sign the reference does not have"
    assert len(QUERIES["urgent"]) >= 40 and len(QUERIES["exercise"]) >= 20
    queries = [case["query"] for case in QUERIES["urgent"]] + QUERIES["exercise"]
    assert len(set(queries)) == len(queries)


def test_the_matcher_names_every_sign_and_no_exercise(desktop, report) -> None:
    desktop.goto("")
    urgent = [case["query"] for case in QUERIES["urgent"]]
    found = desktop.evaluate(MATCH_ALL, urgent + QUERIES["exercise"])
    problems = []
    for case, answers in zip(QUERIES["urgent"], found):
        got = {sign: urgent_id for urgent_id, signs in answers for sign in signs}
        missing = [sign for sign in case["signs"] if got.get(sign) != EVERY_SIGN[sign]]
        if missing:
            problems.append(f"{case['query']!r} should name {missing}, named {sorted(got)}")
    for query, answers in zip(QUERIES["exercise"], found[len(urgent):]):
        if answers:
            problems.append(f"the exercise query {query!r} set off the urgent answer: {answers}")
    report(
        f"urgent answer: {len(urgent)} symptom queries across {len(EVERY_SIGN)} signs,"
        f" {len(QUERIES['exercise'])} exercise queries, {len(problems)} wrong"
    )
    assert problems == [], "\n".join(problems)


# Forms that must share a stem, and words that must not be cut to another word's stem.
SAME_STEM = [["tingling", "tingle", "tingles", "tingled"], ["peeing", "pee", "peed", "pees"], ["numbness", "numb"],
             ["sneezing", "sneeze", "sneezed"], ["aching", "ache", "aches"], ["stabbing", "stab"],
             ["painful", "pain", "pains"], ["difficulties", "difficulty"], ["urinating", "urinate", "urination"],
             ["falling", "fall", "falls"], ["improving", "improve", "improved"], ["shoulders", "shoulder"]]
DIFFERENT = [["leg", "lung"], ["bladder", "blade"], ["bed", "be"], ["pee", "per"], ["poo", "pool"]]


def test_the_stemmer_joins_forms_and_keeps_words_apart(desktop) -> None:
    desktop.goto("")
    stems = desktop.evaluate(
        """async groups => {
          const module = await import(new URL('javascripts/urgent-answer.js', document.baseURI).href);
          return groups.map(group => group.map(module.stem));
        }""",
        SAME_STEM + DIFFERENT,
    )
    assert [len(set(group)) for group in stems[: len(SAME_STEM)]] == [1] * len(SAME_STEM), stems
    assert [len(set(group)) for group in stems[len(SAME_STEM):]] == [2] * len(DIFFERENT), stems


def test_a_matcher_that_ignored_exercise_phrases_would_fail(desktop) -> None:
    """The exercise list is what keeps "knees to chest" quiet: without it the test above fails."""
    desktop.goto("")
    found = desktop.evaluate(
        """async queries => {
          const module = await import(new URL('javascripts/urgent-answer.js', document.baseURI).href);
          const data = await (await fetch(new URL('search/urgent-signs.json', document.baseURI))).json();
          const matcher = module.prepare({...data, exercise: []});
          return queries.map(query => module.match(matcher, query).length);
        }""",
        ["hug knees to chest for lower back pain", "chest stretch hurts"],
    )
    assert found == [0, 1]  # "chest ... hurts" without the exercise phrase is chest pain


# In the search dialog ---------------------------------------------------------------------


def test_the_answer_sits_above_the_results_and_links_to_the_list(desktop) -> None:
    violations = record_csp_violations(desktop)
    desktop.goto("")
    open_search(desktop)
    type_query(desktop, "chest pain and back pain")
    wait_until(desktop, "() => document.querySelector('[data-urgent-answer] li') !== null")
    assert shown(desktop) == [{
        "service": "Call 999 or go to A&E if you have back pain and:",
        "signs": ["chest pain"],
        "link": "/help/#call-999",
        "text": "Every sign that needs 999 or A&E",
    }]
    answer = desktop.locator(ANSWER).bounding_box()
    first_result = desktop.locator(RESULT_LINKS).first.bounding_box()
    assert answer is not None and first_result is not None
    assert answer["y"] + answer["height"] <= first_result["y"]  # above every result
    assert desktop.locator(ANSWER).get_attribute("role") == "alert"
    # The link takes the reader to the list, and closes the dialog.
    desktop.locator(f"{ANSWER} a").click()
    desktop.wait_for_url(lambda url: urlsplit(url).path == "/help/" and urlsplit(url).fragment == "call-999")
    wait_until(desktop, "() => !document.querySelector('[data-search-dialog]').open")
    assert violations == []
    assert desktop.foreign_requests == []


def test_each_list_shows_its_own_service(desktop) -> None:
    desktop.goto("")
    open_search(desktop)
    type_query(desktop, "chest pain worse at night")
    wait_until(desktop, "() => document.querySelectorAll('[data-urgent-answer] .urgent-answer__list').length === 2")
    lists = shown(desktop)
    assert [box["link"] for box in lists] == ["/help/#call-999", "/help/#call-111"]  # 999 first, as the NHS orders them
    assert lists[1]["service"] == "Ask for an urgent GP appointment or call 111 if you have back pain and:"
    assert lists[1]["signs"] == ["pain that does not improve with rest, or is worse at night"]
    # The bar by urgency, as on the help page: 999 red, 111 amber (kept by the optimiser too).
    bars = desktop.evaluate("() => [...document.querySelectorAll('[data-urgent-answer] .urgent-answer__list')]"
                            ".map(box => getComputedStyle(box).borderLeftColor)")
    assert bars == ["rgb(183, 28, 28)", "rgb(199, 119, 0)"]


@pytest.mark.parametrize("query", ["knees to chest", "crack my upper back", "cross your legs"])
def test_an_exercise_query_shows_no_answer(desktop, query: str) -> None:
    desktop.goto("")
    open_search(desktop)
    type_query(desktop, "pins and needles in both legs")
    wait_until(desktop, "() => document.querySelector('[data-urgent-answer] li') !== null")
    type_query(desktop, query)
    wait_until(desktop, "() => document.querySelector('[data-urgent-answer]').childElementCount === 0")
    assert desktop.locator(RESULT_LINKS).count() > 0


@pytest.mark.parametrize("how", ["the Clear button", "Escape"])
def test_emptying_the_box_takes_the_answer_away(desktop, how: str) -> None:
    desktop.goto("")
    open_search(desktop)
    type_query(desktop, "chest pain and back pain")
    wait_until(desktop, "() => document.querySelector('[data-urgent-answer] li') !== null")
    if how == "Escape":
        desktop.locator(SEARCH_BOX).press("Escape")
    else:
        desktop.locator("[data-search-dialog] pagefind-input .pf-input-clear").click()
    wait_until(desktop, "() => document.querySelector('[data-urgent-answer]').childElementCount === 0")


def test_results_are_the_same_with_or_without_the_answer(browser, base_url: str) -> None:
    """The answer is added above Pagefind's results and changes none of them."""
    links = []
    for block in (False, True):
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 800})
        try:
            if block:
                context.route("**/search/urgent-signs.json", lambda route: route.abort())
            page = context.new_page()
            page.goto("")
            wait_until(page, "() => typeof document$ !== 'undefined'")
            open_search(page)
            type_query(page, "can't pee and my back hurts")
            if not block:
                wait_until(page, "() => document.querySelector('[data-urgent-answer] li') !== null")
            links.append(settled(page, f"() => [...document.querySelectorAll('{RESULT_LINKS}')].map(a => a.getAttribute('href'))"))
            assert bool(shown(page)) is not block
        finally:
            context.close()
    assert links[0] == links[1] and links[0]


def test_the_answer_is_said_once_per_change_not_per_key(desktop) -> None:
    desktop.goto("")
    desktop.evaluate("""() => {
      window.said = [];
      new MutationObserver(() => {
        const region = document.querySelector('[data-urgent-answer]');
        if (region.textContent.trim()) window.said.push(region.textContent.trim());
      }).observe(document.querySelector('[data-urgent-answer]'), {childList: true, subtree: true, characterData: true});
    }""")
    open_search(desktop)
    type_query(desktop, "chest pain and back pain that will not stop")
    said = desktop.evaluate("window.said")
    assert len(said) == len(set(said)) and any("chest pain" in text for text in said)
    assert len(said) <= 2  # "chest pain", then "chest pain" with the 111 sign the last words add


def test_search_data_waits_until_search_opens_and_then_works_offline(desktop) -> None:
    requested: list[str] = []
    desktop.on("request", lambda request: requested.append(urlsplit(request.url).path))
    desktop.goto("methods/floor/")
    desktop.wait_for_load_state("networkidle")
    assert not any(path.endswith(("urgent-signs.json", "urgent-answer.js")) for path in requested)
    open_search(desktop)
    type_query(desktop, "numb bum")
    wait_until(desktop, "() => document.querySelector('[data-urgent-answer] li') !== null")
    assert any(path.endswith("/search/urgent-signs.json") for path in requested)
    desktop.context.set_offline(True)
    try:
        desktop.locator(SEARCH_BOX).fill("")
        desktop.locator(SEARCH_BOX).press_sequentially("lump on my back", delay=10)
        wait_until(desktop, "() => /lump/.test(document.querySelector('[data-urgent-answer]').textContent)")
    finally:
        desktop.context.set_offline(False)


SIZES = [(320, 640), (360, 740), (1280, 800)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_answer_reads_at_every_width(browser, base_url: str, output_dir: Path, scheme: str) -> None:
    """At 320, 360 and 1,280 px, light and dark: nothing cut off, text and link colours readable."""
    problems = []
    for width, height in SIZES:
        context = browser.new_context(base_url=base_url, viewport={"width": width, "height": height},
                                      color_scheme=scheme, device_scale_factor=1)
        try:
            page = context.new_page()
            page.goto("")
            wait_until(page, "() => typeof document$ !== 'undefined'")
            open_search(page)
            type_query(page, "can't pee and chest pain at night")
            wait_until(page, "() => document.querySelectorAll('[data-urgent-answer] li').length >= 3")
            page.screenshot(path=str(output_dir / f"urgent-answer-{width}-{scheme}.png"))
            fits = page.evaluate("""() => [...document.querySelectorAll('[data-urgent-answer] *')].every(el => {
              const box = el.getBoundingClientRect();
              return box.left >= 0 && box.right <= document.documentElement.clientWidth + 0.5 && el.scrollWidth <= el.clientWidth + 1;
            })""")
            if not fits:
                problems.append(f"{width} px {scheme}: the answer is wider than the screen")
            for selector, least in (("li", 4.5), (".urgent-answer__service", 4.5), ("a", 4.5)):
                ratio = page.evaluate(CONTRAST, f"[data-urgent-answer] {selector}")
                if ratio < least:
                    problems.append(f"{width} px {scheme}: {selector} contrast {ratio:.2f}:1 < {least}:1")
            for bar in page.evaluate(BAR_CONTRAST):
                if bar < 3:
                    problems.append(f"{width} px {scheme}: an urgency bar's contrast {bar:.2f}:1 < 3:1")
        finally:
            context.close()
    assert problems == []


# The contrast of an element's text on the answer box's background (WCAG relative luminance).
CONTRAST = """selector => {
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const over = (fg, bg) => fg.length > 3 && fg[3] < 1 ? fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3])) : fg.slice(0, 3);
  const lum = rgb => { const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const el = document.querySelector(selector);
  const page = parse(getComputedStyle(document.querySelector('[data-search-dialog]')).backgroundColor);
  const box = over(parse(getComputedStyle(el.closest('.urgent-answer__list')).backgroundColor), page);
  const text = over(parse(getComputedStyle(el).color), box);
  const [a, b] = [lum(text), lum(box)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""

# The contrast of each box's urgency bar with the dialog around it (non-text, 3:1).
BAR_CONTRAST = """() => {
  const parse = c => c.match(/[\\d.]+/g).map(Number);
  const lum = rgb => { const [r, g, b] = rgb.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const page = lum(parse(getComputedStyle(document.querySelector('[data-search-dialog]')).backgroundColor));
  return [...document.querySelectorAll('[data-urgent-answer] .urgent-answer__list')].map(box => {
    const [a, b] = [lum(parse(getComputedStyle(box).borderLeftColor)), page].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}"""
