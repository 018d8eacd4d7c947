"""Draw a link preview card: a 1200×630 PNG with the site's name and a page's title.

The text is set in the scalable font that Pillow (10.1 and later) carries inside its
own package, so a card needs no font file, no system package and no network, and the
same pinned Pillow draws the same bytes on every machine.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import Callable

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630  # the size Open Graph and Twitter show large
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN
# Title sizes, largest first: a title takes the largest that fits in MAX_TITLE_LINES.
# Even the smallest is about 25 px tall in a 500 px wide preview.
TITLE_SIZES = (96, 88, 80, 72)
MAX_TITLE_LINES = 3
LINE_HEIGHT = 1.18
HEADER_SIZE = 40
KICKER_SIZE = 48
BAR_HEIGHT = 24

# The site's theme colours: Material's teal (darker, so white text reads well) and deep orange.
BACKGROUND = "#00695c"
TITLE_COLOUR = "#ffffff"
HEADER_COLOUR = "#b2dfdb"
KICKER_COLOUR = "#ffccbc"
BAR_COLOUR = "#ff5722"


@dataclass(frozen=True)
class Card:
    title: str
    header: str = ""  # small line at the top, e.g. the site's name
    kicker: str = ""  # small line just above the title, e.g. "Method 1"


@dataclass(frozen=True)
class TitleLayout:
    size: int
    lines: tuple[str, ...]


# Layout ------------------------------------------------------------------------------------


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    loaded = ImageFont.load_default(size=size)
    if not isinstance(loaded, ImageFont.FreeTypeFont):
        raise RuntimeError("this Pillow was built without FreeType, so it cannot draw link preview cards")
    return loaded


def stroke(size: int) -> int:
    """Pillow's font has one weight; a thin outline in the text colour makes the title bold."""
    return max(1, size // 40)


def text_width(text: str, size: int) -> float:
    return font(size).getlength(text) + 2 * stroke(size)


def title_layout(title: str) -> TitleLayout | None:
    """The largest size and the most even line breaks that fit the title on the card; None if none do.

    Words are never cut and never shortened with "…": a title that does not fit is
    reported, so an author shortens it by choice.
    """
    words = title.split()
    for size in TITLE_SIZES:
        lines = balanced_lines(words, lambda line: text_width(line, size), TEXT_WIDTH, MAX_TITLE_LINES)
        if lines is not None:
            return TitleLayout(size, lines)
    return None


def balanced_lines(
    words: list[str], width: Callable[[str], float], max_width: float, max_lines: int
) -> tuple[str, ...] | None:
    """Break words into the fewest lines that fit, with the longest line as short as it can be.

    Even lines read better than greedy ones, which leave a lone word on the last line
    ("Cracking Your Back Using a / Chair").
    """
    for count in range(1, min(max_lines, len(words)) + 1):
        best: tuple[float, tuple[str, ...]] | None = None
        for breaks in combinations(range(1, len(words)), count - 1):
            bounds = (0, *breaks, len(words))
            lines = tuple(" ".join(words[start:end]) for start, end in zip(bounds, bounds[1:]))
            longest = max(width(line) for line in lines)
            if longest <= max_width and (best is None or longest < best[0]):
                best = (longest, lines)
        if best is not None:
            return best[1]
    return None


# Drawing -----------------------------------------------------------------------------------


def draw_card(card: Card) -> bytes:
    """The card as PNG bytes; the same card always gives the same bytes."""
    layout = title_layout(card.title)
    if layout is None:
        raise ValueError(f"the title {card.title!r} does not fit on a card")
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    if card.header:
        draw.text((MARGIN, 64), card.header, font=font(HEADER_SIZE), fill=HEADER_COLOUR)

    # The kicker and title sit together, centred in the space below the header.
    line_height = round(layout.size * LINE_HEIGHT)
    kicker_height = round(KICKER_SIZE * 1.6) if card.kicker else 0
    top = 150 if card.header else 40
    bottom = HEIGHT - BAR_HEIGHT - 40
    y = top + (bottom - top - kicker_height - line_height * len(layout.lines)) // 2
    if card.kicker:
        draw.text((MARGIN, y), card.kicker, font=font(KICKER_SIZE), fill=KICKER_COLOUR)
        y += kicker_height
    title_font, outline = font(layout.size), stroke(layout.size)
    for line in layout.lines:
        draw.text((MARGIN, y), line, font=title_font, fill=TITLE_COLOUR, stroke_width=outline, stroke_fill=TITLE_COLOUR)
        y += line_height

    draw.rectangle((0, HEIGHT - BAR_HEIGHT, WIDTH, HEIGHT), fill=BAR_COLOUR)
    png = io.BytesIO()
    image.save(png, format="PNG")
    return png.getvalue()
