"""Generated methods for the follow-along tests: any number of steps, with or without sides, a
hold with its repeat, and a variation, written as the build renders a method page's content."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A drawing as backguide/drawings.py renders it, for the steps that carry one.
FIGURE = (
    '<figure class="drawing" data-pagefind-ignore><svg class="drawing__art" viewBox="-50 -40 100 80" role="img"'
    ' aria-labelledby="drawing-generated-{n}" stroke="currentColor" stroke-width="1.6" fill="none">'
    '<title id="drawing-generated-{n}">A person lifts the left knee.</title><path d="M-20 0 L20 0" fill="currentColor"/></svg></figure>'
)
PANEL = (
    '<h2 id="before-you-start">Before you start</h2><div class="safety-panel">'
    '<div class="admonition danger"><p class="admonition-title">Stop if it hurts</p><p>Exercises should bring relief.</p></div></div>'
)


@dataclass
class Method:
    content: str
    meta: dict[str, Any]
    texts: list[str] = field(default_factory=list)  # each step's words, in order
    sided_steps: list[int] = field(default_factory=list)  # steps (from 1) that name a side
    hold_step: int | None = None
    repeat_step: int | None = None
    handover_step: int | None = None
    holds: int = 3


def generated_method(steps: int, *, sided: bool = False, held: bool = False, variation: bool = False) -> Method:
    """A method of `steps` steps: the hold on the second step and its repeat on the third (where
    there are that many), the side named from the second step on, and "Repeat on the other side"
    last, after at least one step of its own."""
    method = Method("", {})
    texts = []
    for n in range(1, steps + 1):
        if held and n == 2 and steps >= 2:
            texts.append(f"Hold the stretch of step {n} for ten seconds.")
            method.hold_step = n
        elif held and n == 3 and method.hold_step:
            texts.append("Release and repeat two more times.")
            method.repeat_step = n
        elif sided and n >= 2:
            texts.append(f"Lift your left knee in move {n}.")
            method.sided_steps.append(n)
        else:
            texts.append(f"Get ready for move {n}.")
    if held and not method.hold_step:
        texts[0] = "Hold the stretch for ten seconds."
        method.hold_step = 1
    if sided:
        texts.append("Repeat on the other side.")
        method.handover_step = len(texts)
    method.texts = texts
    items = "".join(
        f"<li>{text}" + (FIGURE.format(n=number) if number in method.sided_steps or number == 1 else "") + "</li>"
        for number, text in enumerate(texts, start=1)
    )
    content = PANEL + f'<h2 id="steps">Steps</h2><ol>{items}</ol>'
    if variation:
        content += '<h2 id="variation">Variation: the other way</h2><p>You can also do this the other way round.</p>'
    method.content = content + '<h2 id="good-to-know">Good to know</h2>'
    if held:
        method.meta["hold"] = "10 seconds"
        method.meta["repeat"] = f"{method.holds} times in all"
    if sided:
        method.meta["sides"] = "left then right"
    return method
