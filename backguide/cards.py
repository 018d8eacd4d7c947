"""Draw a link preview card: a 1200×630 PNG with the site's name, a page's title and its drawing.

The text is set in the scalable font that Pillow (10.1 and later) carries inside its
own package, so a card needs no font file, no system package and no network, and the
same pinned Pillow draws the same bytes on every machine. A method page's card shows its
main drawing on a white panel, drawn with Pillow from the same shapes as the page's SVG
(no SVG rasteriser is needed): `backguide.figure.drawing_shapes`.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING, Callable

from PIL import Image, ImageDraw, ImageFont

from backguide import figure

if TYPE_CHECKING:
    from backguide.poses import Pose

WIDTH, HEIGHT = 1200, 630  # the size Open Graph and Twitter show large
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN
# Title sizes, largest first: a title takes the largest that fits in MAX_TITLE_LINES.
# Even the smallest is about 25 px tall in a 500 px wide preview.
TITLE_SIZES = (96, 88, 80, 72)
MAX_TITLE_LINES = 3
# Beside the drawing the title has half the width and the card's full height: up to four lines
# (88 px × (3 × 1.18 + 1) = 400 px, in the 416 px between the site's name and the panel's foot).
MAX_TITLE_LINES_BESIDE = 4
LINE_HEIGHT = 1.18
HEADER_SIZE = 40
KICKER_SIZE = 48
BAR_HEIGHT = 24
TITLE_TOP = 150  # below the site's name

# The site's theme colours: Material's teal (darker, so white text reads well) and deep orange.
BACKGROUND = "#00695c"
TITLE_COLOUR = "#ffffff"
HEADER_COLOUR = "#b2dfdb"
KICKER_COLOUR = "#ffccbc"
BAR_COLOUR = "#ff5722"

# The drawing's panel, right of the title, and the drawing's colours on it (the site's light palette).
PANEL = (752, 118, 1140, 566)  # left, top, right, bottom
PANEL_GAP = 32  # between the title and the panel
PANEL_COLOUR = "#ffffff"
DRAWING_COLOURS = {
    "line": "#263238", "body": "#ffffff", "far": "#d3d7dc", "accent": "#ffab91", "hair": "#8d6e63",
    "roller": "#90a4ae", "roller-dashed": None, "mat": "#e0f2f1", "prop": "#607d8b", "arrow": "#d84315", "spine": None,
    "contact": "#d84315",
}
SUPERSAMPLE = 3  # drawn three times as large, then scaled down: smooth edges from a drawing library without anti-aliasing


@dataclass(frozen=True)
class Card:
    title: str
    header: str = ""  # small line at the top, e.g. the site's name
    kicker: str = ""  # small line just above the title, e.g. "Method 1"
    drawing: Pose | None = None  # the page's main drawing, shown right of the title


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


def title_layout(title: str, width: float = TEXT_WIDTH, max_lines: int = MAX_TITLE_LINES, height: float | None = None) -> TitleLayout | None:
    """The largest size and the most even line breaks that fit the title on the card; None if none do.

    Words are never cut and never shortened with "…": a title that does not fit is
    reported, so an author shortens it by choice.
    """
    words = title.split()
    for size in TITLE_SIZES:
        # n lines are n - 1 line heights and one line's own size tall
        fits = max_lines if height is None else min(max_lines, int((height / size - 1) // LINE_HEIGHT) + 1)
        lines = balanced_lines(words, lambda line: text_width(line, size), width, fits) if fits else None
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
    """The card as PNG bytes; the same card always gives the same bytes.

    The title keeps the room it needs: beside the drawing when it fits there in four
    lines, else across the card without the drawing.
    """
    kicker_height = round(KICKER_SIZE * 1.6) if card.kicker else 0
    room = PANEL[3] - TITLE_TOP - kicker_height  # the title's height beside the panel
    beside = title_layout(card.title, PANEL[0] - PANEL_GAP - MARGIN, MAX_TITLE_LINES_BESIDE, room) if card.drawing else None
    layout = beside or title_layout(card.title)
    if layout is None:
        raise ValueError(f"the title {card.title!r} does not fit on a card")
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    if beside and card.drawing:
        draw_panel(image, card.drawing)
    if card.header:
        draw.text((MARGIN, 64), card.header, font=font(HEADER_SIZE), fill=HEADER_COLOUR)

    # The kicker and title sit together, centred in the space below the header.
    line_height = round(layout.size * LINE_HEIGHT)
    top = TITLE_TOP if card.header else 40
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


# The drawing -------------------------------------------------------------------------------


def draw_panel(image: Image.Image, pose: Pose) -> None:
    """The pose's drawing, centred on a white rounded panel."""
    left, top, right, bottom = PANEL
    ImageDraw.Draw(image).rounded_rectangle(PANEL, radius=28, fill=PANEL_COLOUR)
    inner = (right - left - 48, bottom - top - 48)
    art = drawing_image(pose, inner)
    image.paste(art, (left + (right - left - art.width) // 2, top + (bottom - top - art.height) // 2))


def drawing_image(pose: Pose, room: tuple[int, int]) -> Image.Image:
    """The drawing as an image that fits `room`, drawn from the same shapes as its SVG."""
    shapes = figure.drawing_shapes(pose)
    x0, y0, width, height = figure.view_box(shapes, min_aspect=0)
    scale = min(room[0] / width, room[1] / height)
    big = scale * SUPERSAMPLE
    size = (round(width * big), round(height * big))
    canvas = Image.new("RGB", size, PANEL_COLOUR)
    draw = ImageDraw.Draw(canvas)

    def at(point: figure.Point) -> tuple[float, float]:
        return ((point[0] - x0) * big, (point[1] - y0) * big)

    line = round(figure.OUTLINE * big)
    for shape in shapes:
        if isinstance(shape, figure.Label):
            width_px = max(1, round(figure.LABEL_STROKE * big))
            for stroke in figure.letter_strokes(shape):
                draw.line([at(p) for p in stroke], fill=DRAWING_COLOURS["line"], width=width_px, joint="curve")
            continue
        if isinstance(shape, figure.Line):
            colour = DRAWING_COLOURS.get(shape.kind) or DRAWING_COLOURS["line"]
            points = [at(p) for p in (_curve(shape.points) if shape.curve else shape.points)]
            width_px = max(1, round(shape.width * big))
            draw.line(points + points[:1] if shape.closed else points, fill=colour, width=width_px, joint="curve")
            for x, y in (points[0], points[-1]):  # round ends, as the SVG's stroke-linecap
                draw.ellipse((x - width_px / 2, y - width_px / 2, x + width_px / 2, y + width_px / 2), fill=colour)
            continue
        fill = DRAWING_COLOURS.get(shape.kind)
        outline = DRAWING_COLOURS["line"]
        if isinstance(shape, figure.Ball):
            (x, y), r = at(shape.centre), shape.radius * big
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill, outline=outline, width=line)
            continue
        points = [at(p) for p in (_rod_outline(shape) if isinstance(shape, figure.Rod) else _blob_outline(shape))]
        if shape.kind == "roller-dashed":
            for a, b in list(zip(points, points[1:] + points[:1]))[::2]:
                draw.line((a, b), fill=outline, width=line)
        else:
            draw.polygon(points, fill=fill, outline=outline, width=line)
    return canvas.resize((round(width * scale), round(height * scale)), Image.Resampling.LANCZOS)


def _curve(points: tuple[figure.Point, ...], steps: int = 16) -> list[figure.Point]:
    """A quadratic curve through its control point, as points."""
    (ax, ay), (bx, by), (cx, cy) = points
    return [
        ((1 - t) ** 2 * ax + 2 * (1 - t) * t * bx + t * t * cx, (1 - t) ** 2 * ay + 2 * (1 - t) * t * by + t * t * cy)
        for t in (step / steps for step in range(steps + 1))
    ]


def _rod_outline(rod: figure.Rod, steps: int = 12) -> list[figure.Point]:
    """A tapered rod as a polygon: half a circle round each end, joined by the tangents."""
    (x1, y1), (x2, y2) = rod.start, rod.end
    r1, r2 = rod.radius
    d = math.hypot(x2 - x1, y2 - y1)
    if d <= abs(r1 - r2) + 0.2:
        (x, y), r = (rod.start, r1) if r1 >= r2 else (rod.end, r2)
        return [(x + r * math.cos(2 * math.pi * k / 24), y + r * math.sin(2 * math.pi * k / 24)) for k in range(24)]
    theta = math.atan2(y2 - y1, x2 - x1)
    alpha = math.acos((r1 - r2) / d)
    end = [theta + alpha - (2 * alpha) * k / steps for k in range(steps + 1)]  # round the far end
    start = [theta - alpha - (2 * math.pi - 2 * alpha) * k / steps for k in range(steps + 1)]  # and the near end
    return [(x2 + r2 * math.cos(a), y2 + r2 * math.sin(a)) for a in end] + [(x1 + r1 * math.cos(a), y1 + r1 * math.sin(a)) for a in start]


def _blob_outline(blob: figure.Blob) -> list[figure.Point]:
    """A blob's outline as a polygon: the SVG's smooth curve through the midpoints, sampled."""
    points = list(blob.points)
    if not blob.smooth:
        return points
    mids = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in zip(points, points[1:] + points[:1])]
    found: list[figure.Point] = []
    for before, point, mid in zip([mids[-1]] + mids[:-1], points, mids):
        found += _curve((before, point, mid), 6)[:-1]
    return found
