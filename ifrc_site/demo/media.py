"""Pictures and PDF documents for the demo, generated on this machine from their arguments
alone: the same arguments always give the same bytes.

* :func:`make_picture` draws a flat illustration (JPEG) of a theme such as ``"migration"``, in
  one of the theme's variants (:data:`VARIANTS`). The demo's data names the variant that each
  picture's description speaks of; without one, the key chooses. The key also varies the
  colours and the layout.
* :func:`picture_subject` says what that picture shows, as the words a description must use.
* :func:`make_pdf` writes a text-based A4 PDF (a report with a cover page, or a one-page
  poster) whose text can be extracted and indexed like any real document.

The pictures never show the Red Cross or Red Crescent emblem (its use is protected by law), nor
any other cross-like sign, and they contain no text.
"""

import colorsys
import hashlib
import io
import math
import random
import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image, ImageDraw, ImageOps

__all__ = ["VARIANTS", "make_pdf", "make_picture", "picture_subject"]

#: What each variant of each theme shows, as a description must say it: one item per thing,
#: each with the words that may name it, split by "|" ("boat", "dusk|sunset"). Details (trees,
#: clouds, a water tank) are left out.
VARIANTS = {
    "migration": {
        "road": ("road", "tent", "hill", "dusk|sunset", "walk|travellers"),
        "coast": ("boat", "sea", "dusk|sunset"),
    },
    "immunization": {
        "clinic": ("health centre|health post|clinic", "queue|queuing|queueing|waiting|lining up")
    },
    "community": {"village": ("house|village", "people|villagers|neighbours")},
    "city": {
        "day": ("building|block|city",),
        "dusk": ("building|block|city", "dusk|evening|night"),
    },
    "camp": {"shelters": ("shelter",)},
    "document": {"abstract": ("abstract", "circle")},
    "portrait": {
        "short": ("short hair",),
        "long": ("long hair",),
        "scarf": ("scarf",),
        "bun": ("bun",),
        "curly": ("curly",),
    },
    "landscape": {
        "lake": ("mountain", "lake"),
        "valley": ("mountain", "hill|valley|countryside"),
        "lake at dusk": ("mountain", "lake", "dusk|evening"),
        "valley at dusk": ("mountain", "hill|valley|countryside", "dusk|evening"),
    },
}

# Colours of each theme by day (migration's are at dusk); a sky is three stops, top to horizon.
# fmt: off
_PALETTES = {
    "migration": {
        "sky": ("#2b2d5c", "#b5557a", "#f6a45c"), "sun": "#ffd98a", "sea": ("#c0657a", "#3a3461"),
        "far": "#8c4d71", "land": "#5a3457", "near": "#3c2544", "road": "#7b4a63",
        "tent": "#f0d9c0", "figure": "#2a1a33",
    },
    "immunization": {
        "sky": ("#7cc6c4", "#b8e2d8", "#eef6e8"), "sun": "#fff6d5", "far": "#9fcfbf",
        "land": "#8cc084", "near": "#74ad6f", "wall": "#fbf7ef", "roof": "#1f6f6b",
        "trim": "#2a9d8f", "window": "#bfe3ea", "accent": "#f4a259", "tree": "#3f8f6a",
        "trunk": "#7a5a44",
    },
    "community": {
        "sky": ("#8ecae6", "#c5e4ef", "#fdf3e1"), "sun": "#ffe8a3", "far": "#a9c8b9",
        "land": "#9cc27a", "near": "#84ad63", "wall": "#f3e3c3", "roof": "#c0603f",
        "window": "#f9e3a1", "tree": "#4f8a4b", "trunk": "#6f4e37",
    },
    "city": {
        "sky": ("#5aa9e6", "#a8d3f0", "#f1f6f9"), "sun": "#fff7d6", "far": "#b7cde0",
        "mid": "#7d9bb8", "near": "#3f5a78", "window": "#e8f1f8", "lit": "#ffe49a",
        "street": "#4a5568", "tree": "#4a8a5c", "trunk": "#4a3a2c",
    },
    "camp": {
        "sky": ("#9cc5d9", "#d4e6ea", "#f7efe0"), "sun": "#fff1c1", "far": "#b9c3b0",
        "land": "#b99b6b", "near": "#a7865a", "wall": "#f4f1ea", "roof": "#5b8db8",
        "tank": "#3d6e8c",
    },
    "document": {"bg": "#f5efe6", "a": "#a4161a", "b": "#e5383b", "c": "#161a1d", "d": "#d3c4b1"},
    "portrait": {"top": "#f2e9e4", "low": "#c9ada7", "blob": "#9a8c98"},
    "landscape": {
        "sky": ("#6fb1d9", "#b3d8ea", "#f4f1e6"), "sun": "#fff5cf", "peak": "#8fa3b8",
        "snow": "#f4f7fa", "far": "#9fbfae", "land": "#78a784", "near": "#5d9163",
        "lake": ("#7fbcd2", "#4f93b0"), "tree": "#2f6b45", "trunk": "#5c4330",
    },
}
# At dusk the sky changes and everything under it takes on its colour.
_DUSK = {"sky": ("#23264d", "#8a4f7a", "#f1a980"), "sun": "#fde2b8"}
_DUSK_TINT = "#3d2c4f"
_SKIN = ["#f1c9a5", "#e0ac7e", "#c68b59", "#a5673f", "#8d5524", "#6b4226", "#4a2e1c"]
_HAIR = ["#1f1a17", "#3b2a20", "#5a3e2b", "#2b2b2b", "#7a5230", "#b8b0a8"]
_CLOTHES = [
    "#e76f51", "#2a9d8f", "#264653", "#e9c46a", "#f4a261", "#6d597a", "#b56576",
    "#457b9d", "#588157", "#bc6c25", "#8e9aaf", "#d62828",
]
# fmt: on


def _rgb(value, hue=0.0):
    """An "#rrggbb" colour as RGB, its hue turned by `hue` (a fraction of the colour wheel)."""
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    return tuple(round(c * 255) for c in colorsys.hls_to_rgb((h + hue) % 1, light, s))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _colours(rng, theme, variant):
    """The theme's palette, at dusk if the variant is, with one hue turn for the whole picture."""
    hue, tint = rng.uniform(-0.03, 0.03), _rgb(_DUSK_TINT)
    dusk = "dusk" in variant and theme != "migration"
    colours = {}
    for name, value in {**_PALETTES[theme], **(_DUSK if dusk else {})}.items():
        toned = 0.45 if dusk and name not in _DUSK and name != "lit" else 0.0
        stops = [
            _mix(_rgb(stop, hue), tint, toned)
            for stop in (value if isinstance(value, tuple) else [value])
        ]
        colours[name] = stops if isinstance(value, tuple) else stops[0]
    return colours


class _Canvas:
    """A picture drawn at twice its size (for smooth edges); `u` is 1% of its shorter side."""

    def __init__(self, rng, width, height, colours):
        self.rng, self.c = rng, colours
        self.w, self.h = width * 2, height * 2
        self.u = min(self.w, self.h) / 100
        self.image = Image.new("RGB", (self.w, self.h))
        self.draw = ImageDraw.Draw(self.image)
        self.blend = ImageDraw.Draw(self.image, "RGBA")  # slower: only for translucent colours

    def pen(self, fill):
        return self.blend if len(fill) == 4 else self.draw

    def gradient(self, stops, top=0.0, bottom=None):
        """A vertical gradient through `stops` from `top` to `bottom` (pixels)."""
        top, bottom = int(top), math.ceil(self.h if bottom is None else bottom)
        rows, spans = max(1, bottom - top), len(stops) - 1
        column = Image.new("RGB", (1, rows))
        pixels = []
        for row in range(rows):
            t = row / max(1, rows - 1) * spans
            index = min(int(t), spans - 1)
            pixels.append(_mix(stops[index], stops[index + 1], t - index))
        column.putdata(pixels)
        self.image.paste(column.resize((self.w, rows)), (0, top))

    def disc(self, x, y, r, fill):
        self.pen(fill).ellipse([x - r, y - r, x + r, y + r], fill=fill)

    def rect(self, x0, y0, x1, y1, fill):
        self.pen(fill).rectangle([x0, y0, x1, y1], fill=fill)

    def poly(self, fill, *points):
        self.pen(fill).polygon(points, fill=fill)

    def sky(self, horizon, low_sun=False):
        """The sky down to `horizon`: a sun with a soft halo, and a few clouds unless at dusk."""
        rng, u = self.rng, self.u
        self.gradient(self.c["sky"], 0, horizon + 2)
        self.rect(0, horizon, self.w, self.h, self.c["sky"][-1])
        x, r = self.w * rng.uniform(0.15, 0.85), u * rng.uniform(5, 8)
        y = horizon - u * rng.uniform(2, 6) if low_sun else self.h * rng.uniform(0.12, 0.25)
        for ring in (3, 2, 1):
            self.disc(x, y, r * (1 + 0.45 * ring), (*self.c["sun"], 22))
        self.disc(x, y, r, self.c["sun"])
        for _ in range(0 if low_sun else rng.randint(1, 3)):
            x, y = rng.uniform(0, self.w), rng.uniform(0.06, 0.3) * self.h
            for dx, r in ((-6, 3.5), (0, 5), (6, 3.8)):
                self.disc(x + dx * u, y, r * u, (*_mix(self.c["sky"][-1], (255,) * 3, 0.7), 160))

    def hills(self, base, amplitude, fill, waves=1.2):
        """A band of rolling hills from `base` down; returns its height at x."""
        phase, second = self.rng.uniform(0, math.tau), self.rng.uniform(2, 3)

        def height(x):
            t = math.tau * x / self.w
            wave = 0.7 * math.sin(waves * t + phase) + 0.3 * math.sin(second * waves * t)
            return base - amplitude * (0.5 + 0.5 * wave)

        points = [(self.w * i / 60, height(self.w * i / 60)) for i in range(61)]
        self.poly(fill, *points, (self.w, self.h), (0, self.h))
        return height

    def person(self, x, ground, size, body, head, hair=None):
        """A standing figure `size` tall: two legs, a rounded body, a round head, hair."""
        legs, width = _mix(body, (0, 0, 0), 0.45), max(1, int(size * 0.11))
        for side in (-1, 1):
            foot = x + side * size * self.rng.uniform(0.04, 0.1)
            hip = (x + side * size * 0.05, ground - size * 0.44)
            self.draw.line([hip, (foot, ground - size * 0.05)], fill=legs, width=width)
        box = [x - size * 0.15, ground - size * 0.76, x + size * 0.15, ground - size * 0.38]
        self.draw.rounded_rectangle(box, radius=size * 0.12, fill=body)
        r, y = size * 0.1, ground - size * 0.87
        self.disc(x, y, r, head)
        if hair is not None:
            self.draw.chord([x - r * 1.05, y - r * 1.1, x + r * 1.05, y + r * 0.9], 180, 360, hair)

    def crowd(self, xs, ground, size):
        """People at `xs` standing on `ground`, some of them children."""
        rng = self.rng
        for x in xs:
            grown = rng.uniform(0.55, 0.68) if rng.random() < 0.25 else rng.uniform(0.9, 1.08)
            body, skin, hair = (_rgb(rng.choice(c)) for c in (_CLOTHES, _SKIN, _HAIR))
            self.person(x, ground, size * grown, body, skin, hair)

    def tent(self, x, ground, size, fill):
        """A ridge tent seen from the front: a shaded side and a dark door."""
        top, half = ground - size, size * 0.7
        self.poly(fill, (x - half, ground), (x, top), (x + half, ground))
        self.poly(_mix(fill, (0, 0, 0), 0.15), (x, top), (x + half, ground), (x, ground))
        door = _mix(fill, (0, 0, 0), 0.55)
        self.poly(door, (x - size * 0.2, ground), (x, ground - size * 0.55), (x, ground))

    def house(self, x, ground, size, wall, roof, window):
        """A house with a pitched roof, a door and a window."""
        u, eaves = size / 10, ground - size * 0.58
        self.rect(x - 6.5 * u, eaves, x + 6.5 * u, ground, wall)
        self.poly(roof, (x - 8 * u, eaves), (x, ground - size), (x + 8 * u, eaves))
        self.rect(x - 4 * u, ground - 3.4 * u, x - 1.3 * u, ground, _mix(roof, (0, 0, 0), 0.4))
        self.rect(x + u, ground - 4.4 * u, x + 4 * u, ground - 2.4 * u, window)

    def tree(self, x, ground, size, leaf, trunk):
        self.rect(x - size * 0.06, ground - size * 0.55, x + size * 0.06, ground, trunk)
        self.disc(x, ground - size * 0.72, size * 0.32, leaf)
        self.disc(x - size * 0.2, ground - size * 0.6, size * 0.22, _mix(leaf, (0, 0, 0), 0.08))

    def road(self, left, right, vanish, fill, people):
        """A road from the bottom edge to the point `vanish`, with people walking along it."""
        h, u = self.h, self.u
        self.poly(fill, (left, h), vanish, (vanish[0] + u * 1.5, vanish[1]), (right, h))
        middle, count = (left + right) / 2, self.rng.randint(3, 5)
        for i in reversed(range(count)):  # the farthest first
            t = 0.08 + 0.6 * (i + self.rng.uniform(0.2, 0.8)) / count
            side = (1 if i % 2 else -1) * (right - left) * 0.18
            x = middle + (vanish[0] - middle) * t + side * (1 - t)
            self.person(x, h + (vanish[1] - h) * t - u * 3, u * (25 - 22 * t), people, people)

    def finish(self, width, height, mirror):
        image = self.image.reduce(2)
        if image.size != (width, height):
            image = image.resize((width, height), Image.Resampling.LANCZOS)
        return ImageOps.mirror(image) if mirror else image


def _migration(s, variant):
    """A road over hills towards a camp of tents, or a coast with a boat; both at dusk."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    horizon = h * rng.uniform(0.5, 0.56)
    s.sky(horizon, low_sun=True)
    if variant == "coast":
        s.gradient(c["sea"], horizon, h)
        for _ in range(20):  # light on the water
            x, y = rng.uniform(0, w * 0.5), rng.uniform(horizon + u, h)
            s.rect(x, y, x + rng.uniform(2, 6) * u, y + u * 0.4, (*c["sun"], 80))
        shore, land = w * rng.uniform(0.48, 0.54), horizon + u * 3
        s.poly(c["land"], (shore, land), (w, land - u * 2), (w, h), (shore - w * 0.17, h))
        for i in range(rng.randint(4, 6)):
            s.tent(shore + u * (8 + i * 7), land + u * 2, u * 5, c["tent"])
        x, y = w * rng.uniform(0.12, 0.26), horizon + (h - horizon) * 0.4  # a boat
        for i in range(rng.randint(3, 5)):  # with people on board
            s.disc(x + u * (i * 2.3 - 5.4), y - u * 3, u * 0.9, c["figure"])
            s.rect(x + u * (i * 2.3 - 6.1), y - u * 2.2, x + u * (i * 2.3 - 4.7), y, c["figure"])
        bow, stern = (x + u * 9, y - u), (x - u * 9, y - u)
        s.poly(c["figure"], stern, bow, (x + u * 7, y + u * 2), (x - u * 7, y + u * 2))
        vanish = (w * rng.uniform(0.8, 0.9), land + u * 3)
        s.road(
            w * rng.uniform(0.5, 0.56), w * rng.uniform(0.78, 0.86), vanish, c["road"], c["figure"]
        )
        return
    far = s.hills(horizon + u * 4, u * 8, c["far"])
    camp = w * rng.uniform(0.5, 0.7)
    for i in range(rng.randint(6, 9)):
        x = camp + (i - 4) * u * rng.uniform(5.5, 7)
        s.tent(x, far(x) + u * 3, u * 5, c["tent"])
    s.hills(horizon + u * 22, u * 6, c["land"], waves=0.9)
    s.hills(h - u * 12, u * 5, c["near"], waves=0.7)
    vanish = (camp + rng.uniform(-8, 8) * u, far(camp) + u * 4)
    s.road(w * rng.uniform(0.3, 0.4), w * rng.uniform(0.62, 0.72), vanish, c["road"], c["figure"])


def _immunization(s, variant):
    """A health post with a water tank, and people queueing at an outreach canopy beside it."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    horizon = h * rng.uniform(0.55, 0.6)
    s.sky(horizon)
    s.hills(horizon, u * 10, c["far"])
    ground = horizon + u * 12
    s.gradient([c["land"], c["near"]], ground, h)
    x0, x1 = w * rng.uniform(0.12, 0.2), w * rng.uniform(0.5, 0.56)
    top = ground - u * rng.uniform(26, 30)
    s.rect(x0, top, x1, ground, c["wall"])
    s.rect(x0 - u * 1.5, top - u * 2.5, x1 + u * 1.5, top, c["roof"])
    s.rect(x0 + u * 3, top - u * 8, x0 + u * 8, top - u * 2.5, c["trim"])  # a water tank
    door = (x0 + x1) / 2
    s.rect(door, ground - u * 17, door + u * 8, ground, c["roof"])
    for x in (x0 + u * 4, x1 - u * 10):
        s.rect(x, top + u * 7, x + u * 5, top + u * 15, c["window"])
    s.tree(x1 + u * rng.uniform(4, 7), ground + u, u * rng.uniform(18, 24), c["tree"], c["trunk"])
    x = w * rng.uniform(0.72, 0.8)  # the canopy
    for pole in (x - u * 10, x + u * 10):
        s.rect(pole - u * 0.4, ground - u * 17, pole + u * 0.4, ground + u * 6, c["roof"])
    eaves, ridge = ground - u * 14, ground - u * 20
    s.poly(
        c["trim"], (x - u * 12, eaves), (x - u * 7, ridge), (x + u * 7, ridge), (x + u * 12, eaves)
    )
    s.rect(x - u * 12, eaves, x + u * 12, eaves + u * 1.5, c["accent"])
    s.crowd([x + u * 4], ground + u * 6, u * 18)
    queue = [x - u * (14 + 8 * i) for i in range(rng.randint(3, 5))]
    s.crowd([q for q in queue if q > x1], h - u * 12, u * 24)


def _community(s, variant):
    """Village houses among trees, with people gathered in front of them."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    horizon = h * rng.uniform(0.45, 0.55)
    s.sky(horizon)
    far = s.hills(horizon + u * 6, u * 9, c["far"])
    for x in (rng.uniform(0, w) for _ in range(rng.randint(4, 7))):
        s.tree(
            x, far(x) + u * 2, u * rng.uniform(8, 12), _mix(c["tree"], c["far"], 0.4), c["trunk"]
        )
    near = s.hills(horizon + u * 20, u * 6, c["land"], waves=0.9)
    for slot in sorted(rng.sample(range(7), rng.randint(4, 6))):
        x = (slot + 0.5 + rng.uniform(-0.2, 0.2)) * w / 7
        s.house(x, near(x) + u * 3, u * rng.uniform(11, 15), c["wall"], c["roof"], c["window"])
    s.tree(w * rng.choice([0.1, 0.88]), h - u * 8, u * 45, c["tree"], c["trunk"])
    s.gradient([c["land"], c["near"]], h - u * 14, h)
    middle = w * rng.uniform(0.4, 0.6)
    s.crowd([middle + (i - 2.5) * u * 7 for i in range(6)], h - u * 8, u * 22)
    s.crowd([middle + (i - 2) * u * 8.5 for i in range(5)], h - u * 1.5, u * 26)


def _city(s, variant):
    """Apartment blocks along a street, people walking; windows lit at dusk."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    street = h * 0.86
    s.sky(street)
    lit = 0.35 if variant == "dusk" else 0.05
    for layer, (fill, low, high) in enumerate(
        ((c["far"], 0.25, 0.55), (c["mid"], 0.15, 0.42), (c["near"], 0.12, 0.32))
    ):
        x = -rng.uniform(0, 6) * u
        while x < w:
            width, top = (
                u * rng.uniform(9, 16) * (1 + layer * 0.25),
                street - h * rng.uniform(low, high),
            )
            s.rect(x, top, x + width, street, fill)
            columns, rows = max(2, int(width / (u * 3.2))), int((street - top) / (u * 4.2))
            for row in range(rows if layer else 0):
                for column in range(columns):
                    wx, wy = x + (column + 0.28) * width / columns, top + u * (1.5 + row * 4.2)
                    window = c["lit"] if rng.random() < lit else _mix(fill, c["window"], 0.5)
                    s.rect(wx, wy, wx + width / columns * 0.44, wy + u * 1.6, window)
            x += width + u * rng.uniform(0.5, 3) * layer
    s.rect(0, street, w, h, c["street"])
    for _ in range(rng.randint(2, 3)):
        s.tree(rng.uniform(0.05, 0.95) * w, street + u * 1.5, u * 14, c["tree"], c["trunk"])
    s.crowd(
        [rng.uniform(0.05, 0.95) * w for _ in range(rng.randint(4, 7))], street + u * 2.2, u * 11
    )


def _camp(s, variant):
    """Rows of small shelters on hills, a water tank on legs, people in front."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    horizon = h * rng.uniform(0.4, 0.46)
    s.sky(horizon)
    s.hills(horizon, u * 12, c["far"])
    for row, (base, size) in enumerate(((10, 5), (24, 7.5), (40, 11))):
        ground = s.hills(
            horizon + u * base, u * 6, c[("far", "land", "near")[row]], 0.8 + row * 0.2
        )
        x, size = rng.uniform(-2, 2) * u, u * size
        while x < w + u * 4:
            y, half = ground(x) + u * (2 + row), size * 0.65
            roof = c["roof"] if rng.random() < 0.6 else _mix(c["wall"], (0, 0, 0), 0.1)
            s.rect(x - half, y - size * 0.6, x + half, y, c["wall"])
            s.poly(
                roof,
                (x - half * 1.1, y - size * 0.56),
                (x, y - size),
                (x + half * 1.1, y - size * 0.56),
            )
            s.rect(x - half * 0.3, y - size * 0.38, x - half * 0.05, y, c["tank"])
            x += size * rng.uniform(1.6, 2.2)
        if row == 1:  # a water tank on legs
            x, y = w * rng.uniform(0.2, 0.8), ground(w / 2)
            for leg in (-2.6, 2.0):
                s.rect(x + leg * u, y - u * 11, x + (leg + 0.6) * u, y, c["tank"])
            s.rect(x - u * 3.5, y - u * 17, x + u * 3.5, y - u * 11, c["tank"])
    s.crowd([rng.uniform(0.05, 0.95) * w for _ in range(rng.randint(3, 5))], h - u * 2, u * 20)


def _document(s, variant):
    """Abstract shapes for a document's cover: circles, a band, a grid of dots and bars."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    s.rect(0, 0, w, h, c["bg"])
    x, y, r = w * rng.uniform(0.55, 0.75), h * rng.uniform(0.35, 0.6), u * rng.uniform(38, 50)
    s.disc(x, y, r, c["a"])
    s.disc(x - r * rng.uniform(0.6, 0.9), y + r * rng.uniform(0.2, 0.5), r * 0.5, (*c["b"], 210))
    band = rng.uniform(0.25, 0.45) * w
    s.poly((*c["d"], 170), (band, h), (band + u * 14, h), (band + u * 60, 0), (band + u * 46, 0))
    for rr in (r * 1.18, r * 1.3, r * 1.42):
        s.draw.arc([x - rr, y - rr, x + rr, y + rr], 200, 320, fill=c["c"], width=int(u * 0.5))
    for row in range(6):
        for column in range(8):
            s.disc(w * 0.08 + column * u * 3.2, h * 0.12 + row * u * 3.2, u * 0.45, c["c"])
    for i in range(5):
        x, top = w * 0.08 + i * u * 5, h * 0.9 - u * rng.uniform(8, 26)
        s.draw.rounded_rectangle([x, top, x + u * 3.4, h * 0.9], u * 1.2, (c["b"], c["c"])[i % 2])


def _portrait(s, variant):
    """Head and shoulders of a smiling person, the hair (or a scarf) as the variant says."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    s.gradient([c["top"], c["low"]])
    for _ in range(4):
        s.disc(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.08, 0.2) * h, (*c["blob"], 60))
    skin, hair, clothes, scarf = (_rgb(rng.choice(c)) for c in (_SKIN, _HAIR, _CLOTHES, _CLOTHES))
    x, y, r = w * rng.uniform(0.46, 0.54), h * 0.47, h * 0.17
    if variant == "long":
        s.draw.rounded_rectangle([x - r * 1.08, y - r * 1.12, x + r * 1.08, y + r * 1.75], r, hair)
    elif variant == "scarf":
        s.draw.ellipse([x - r * 1.25, y - r * 1.28, x + r * 1.25, y + r * 1.45], fill=scarf)
    elif variant == "curly":
        for angle in range(180, 361, 30):
            a = math.radians(angle)
            s.disc(x + math.cos(a) * r * 0.9, y + math.sin(a) * r * 0.95, r * 0.4, hair)
    shoulders = scarf if variant == "scarf" else clothes
    s.draw.rounded_rectangle([x - r * 2.9, h * 0.76, x + r * 2.9, h * 1.4], r * 1.3, shoulders)
    s.rect(x - r * 0.36, y + r * 0.6, x + r * 0.36, h * 0.78, _mix(skin, (0, 0, 0), 0.1))
    r *= 0.84 if variant == "scarf" else 1.0
    if variant in {"short", "long", "bun"}:
        s.draw.ellipse([x - r * 0.97, y - r * 1.12, x + r * 0.97, y + r * 0.35], fill=hair)
    s.draw.ellipse([x - r * 0.86, y - r, x + r * 0.86, y + r * 1.02], fill=skin)
    if variant in {"short", "long", "bun"}:  # a side-swept fringe
        start = rng.choice([200, 160])
        s.draw.chord(
            [x - r * 0.9, y - r * 1.08, x + r * 0.9, y + r * 0.2], start, start + 180, hair
        )
    if variant == "bun":
        s.disc(x, y - r * 1.32, r * 0.36, hair)
    features = _mix(skin, (0, 0, 0), 0.55)
    for side in (-1, 1):
        s.disc(x + side * r * 0.32, y + r * 0.15, r * 0.07, features)
    s.draw.arc(
        [x - r * 0.24, y + r * 0.3, x + r * 0.24, y + r * 0.62], 20, 160, features, int(u * 0.7)
    )


def _landscape(s, variant):
    """Snow-capped mountains above a lake or green hills, with trees in front."""
    rng, c, w, h, u = s.rng, s.c, s.w, s.h, s.u
    horizon = h * rng.uniform(0.55, 0.62)
    s.sky(horizon)
    for layer in range(2):  # two ranges, the far one paler
        fill = _mix(c["peak"], c["sky"][2], 0.35) if layer == 0 else c["peak"]
        x = -rng.uniform(5, 30) * u
        while x < w:
            width, height = u * rng.uniform(28, 55), u * rng.uniform(14, 34) * (1 - 0.3 * layer)
            px, py = x + width / 2, horizon - height
            s.poly(fill, (x, horizon + 1), (px, py), (x + width, horizon + 1))
            if height > u * 20:
                cap, low = (width * 0.13, height * 0.26), py + height * 0.2
                s.poly(
                    c["snow"],
                    (px, py),
                    (px + cap[0], py + cap[1]),
                    (px, low),
                    (px - cap[0], py + cap[1]),
                )
            x += width * rng.uniform(0.6, 1.1) * (1 + 0.3 * layer)
    s.rect(0, horizon, w, h, c["far"])
    if variant.startswith("lake"):
        s.hills(horizon + u * 4, u * 6, c["far"])
        s.gradient(c["lake"], horizon + u * 8, h)
    else:
        s.hills(horizon + u * 4, u * 8, c["far"])
        s.hills(horizon + u * 14, u * 8, c["land"], waves=1.0)
    near = s.hills(h - u * 10, u * 10, c["near"], waves=0.8)
    for x in (rng.uniform(0, w) for _ in range(rng.randint(5, 9))):
        s.tree(x, near(x) + u * 4, u * rng.uniform(14, 24), c["tree"], c["trunk"])


_SCENES = {
    "migration": _migration,
    "immunization": _immunization,
    "community": _community,
    "city": _city,
    "camp": _camp,
    "document": _document,
    "portrait": _portrait,
    "landscape": _landscape,
}


def _seeded(*parts):
    """A random generator seeded from a stable hash (``hash()`` is salted per process)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _theme_and_variant(key, theme, variant, label):
    theme = theme if theme in VARIANTS else "landscape"
    if variant is None:
        return theme, _seeded("variant", theme, key, label or "").choice(list(VARIANTS[theme]))
    if variant not in VARIANTS[theme]:
        raise ValueError(
            f"A {theme} picture is one of {', '.join(VARIANTS[theme])}, not {variant}."
        )
    return theme, variant


def make_picture(key, theme, variant=None, *, label=None, width=1600, height=1000):
    """Return the JPEG bytes of a flat illustration of ``theme`` in ``variant`` (see VARIANTS;
    chosen by ``key`` when not given). An unknown theme is drawn as a landscape.

    ``key`` (and ``label``, never drawn: pictures are kept free of text) vary the colours and
    the layout; the same arguments always give the same bytes.
    """
    if width < 16 or height < 16:
        raise ValueError("Pictures must be at least 16x16 pixels.")
    theme, variant = _theme_and_variant(key, theme, variant, label)
    rng = _seeded(theme, variant, key, label or "")
    canvas = _Canvas(rng, width, height, _colours(rng, theme, variant))
    _SCENES[theme](canvas, variant)
    image = canvas.finish(width, height, mirror=theme != "document" and rng.random() < 0.5)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def picture_subject(key, theme, variant=None, *, label=None):
    """What :func:`make_picture` draws for the same arguments, as the words a description of
    it should use (see VARIANTS)."""
    theme, variant = _theme_and_variant(key, theme, variant, label)
    return VARIANTS[theme][variant]


# ---------------------------------------------------------------------------------------------
# PDF documents
# ---------------------------------------------------------------------------------------------

#: The built-in PDF fonts only cover Latin-1, so typographic characters are mapped first.
_LATIN1_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00b7\u2022\u2023", "-"),
        **dict.fromkeys("\u00a0\u2009\u200a\u202f", " "),
        **dict.fromkeys("\u200b\u00ad", ""),
        "\u2026": "...",
        "\u20ac": "EUR",
        "\u2122": "TM",
        "\u2192": "->",
        "\u0131": "i",
        "\u0141": "L",
        "\u0142": "l",
        "\u0110": "D",
        "\u0111": "d",
        "\u0152": "OE",
        "\u0153": "oe",
        "\u0192": "f",
    }
)


def _latin1(text: str) -> str:
    """Make ``text`` printable with the core PDF fonts, keeping Latin-1 letters such as é/Ö.

    Typographic quotes and dashes become their ASCII equivalents, other characters are reduced
    to their base letters (``ş`` -> ``s``) and a run of characters without any Latin-1 form
    (a word in another script, say) becomes a single ``?``.
    """
    text = re.sub(r"\u20ac(?=\d)", "EUR ", text)
    out: list[str] = []
    for char in text.translate(_LATIN1_MAP):
        code = ord(char)
        if code < 0x80 or 0xA0 <= code <= 0xFF:
            if code >= 0x20 or char in "\n\t":
                out.append(char)
            continue
        if 0x80 <= code < 0xA0:  # C1 control characters
            continue
        decomposed = unicodedata.normalize("NFKD", char).translate(_LATIN1_MAP)
        kept = "".join(c for c in decomposed if ord(c) <= 0xFF and not unicodedata.combining(c))
        if kept:
            out.append(kept)
        elif not out or out[-1] != "\ufffd":
            out.append("\ufffd")  # placeholder, so that runs collapse into one "?"
    return "".join(out).replace("\ufffd", "?")


_RED = (164, 22, 26)
_TEAL = (17, 110, 110)
_INK = (33, 37, 41)
_MUTED = (104, 110, 118)
_RULE = (214, 218, 222)
_CREATED = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
_HEALTH_WORDS = ("immuni", "vaccin", "health", "measles", "polio", "cold chain")


def _accent(kind: str, title: str) -> tuple[int, int, int]:
    """Teal for immunization / health documents, the federation's dark red otherwise."""
    text = f"{kind} {title}".lower()
    return _TEAL if any(word in text for word in _HEALTH_WORDS) else _RED


class _Document(FPDF):
    """A4 document with a running title in the header and page numbers in the footer."""

    def __init__(self, title: str, organisation: str, accent: tuple[int, int, int]) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.running_title = title
        self.organisation = organisation
        self.accent = accent
        self.decorated = True
        self.set_margins(22, 24, 22)
        self.set_auto_page_break(auto=True, margin=24)
        self.alias_nb_pages()

    def header(self) -> None:
        if not self.decorated or self.page_no() == 1:
            return
        self.set_font("helvetica", "", 8.5)
        self.set_text_color(*_MUTED)
        self.set_xy(self.l_margin, 11)
        self.cell(0, 5, self.fit(self.running_title, self.epw), align="L")
        self.set_draw_color(*self.accent)
        self.set_line_width(0.5)
        self.line(self.l_margin, 17.5, self.w - self.r_margin, 17.5)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        if not self.decorated or self.page_no() == 1:
            return
        self.set_y(-15)
        self.set_font("helvetica", "", 8.5)
        self.set_text_color(*_MUTED)
        self.cell(self.epw * 0.7, 5, self.fit(self.organisation, self.epw * 0.68), align="L")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    def fit(self, text: str, width: float) -> str:
        """Shorten ``text`` with an ellipsis so it fits on one line of ``width`` mm."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "...") > width:
            text = text[:-1]
        return text.rstrip() + "..."

    def paragraph(self, text: str, size: float = 10.5, line: float = 5.4) -> None:
        self.set_font("helvetica", "", size)
        self.set_text_color(*_INK)
        if text.startswith(("- ", "* ")):
            for item in text.split("\n"):
                self.set_x(self.l_margin + 4)
                self.cell(4, line, "-")
                self.multi_cell(
                    0,
                    line,
                    item.lstrip("-* ").strip(),
                    align="L",
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                )
        else:
            self.multi_cell(0, line, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2.6)

    def heading(self, text: str) -> None:
        if self.get_y() > self.page_break_trigger - 30:  # keep headings with their text
            self.add_page()
        self.ln(3)
        self.set_font("helvetica", "B", 14)
        self.set_text_color(*self.accent)
        self.multi_cell(0, 7, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)


def _cover(pdf: _Document, title: str, subtitle: str, date_text: str, kind: str) -> None:
    pdf.add_page()
    band = 92.0
    pdf.set_fill_color(*pdf.accent)
    pdf.rect(0, 0, pdf.w, band, style="F")
    with pdf.local_context(fill_opacity=0.12):
        pdf.set_fill_color(255, 255, 255)
        pdf.circle(pdf.w - 30, 22, 70, style="F")
        pdf.circle(pdf.w - 10, band - 8, 34, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("helvetica", "B", 10)
    pdf.set_xy(pdf.l_margin, 22)
    pdf.multi_cell(pdf.epw * 0.7, 5, pdf.organisation.upper(), align="L")
    pdf.set_font("helvetica", "", 10)
    pdf.set_xy(pdf.l_margin, band - 18)
    pdf.cell(0, 6, kind.replace("_", " ").capitalize())

    pdf.set_xy(pdf.l_margin, band + 22)
    pdf.set_text_color(*_INK)
    size = 26.0  # shrink very long titles so the cover stays on one page
    pdf.set_font("helvetica", "B", size)
    while size > 14 and len(pdf.multi_cell(0, 1, title, dry_run=True, output="LINES")) > 5:
        size -= 2
        pdf.set_font("helvetica", "B", size)
    pdf.multi_cell(0, size * 0.44, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if subtitle:
        pdf.ln(4)
        pdf.set_font("helvetica", "", 14)
        pdf.set_text_color(*_MUTED)
        pdf.multi_cell(0, 7, subtitle, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(8)
    pdf.set_fill_color(*pdf.accent)
    pdf.rect(pdf.l_margin + pdf.c_margin, pdf.get_y(), 28, 1.6, style="F")
    pdf.ln(7)
    pdf.set_font("helvetica", "B", 11)
    pdf.set_text_color(*_INK)
    pdf.cell(0, 6, date_text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.set_y(pdf.h - 40)
    pdf.set_draw_color(*_RULE)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)
    pdf.set_font("helvetica", "", 9)
    pdf.set_text_color(*_MUTED)
    pdf.multi_cell(0, 4.6, pdf.organisation, align="L")
    pdf.set_fill_color(*pdf.accent)
    pdf.rect(0, pdf.h - 8, pdf.w, 8, style="F")


def _annex_page(pdf: _Document, headings: Sequence[str], first: bool) -> None:
    """An annex page: the document's sections as a checklist, then ruled lines for notes."""
    pdf.add_page()
    pdf.heading("Annex: notes" if first else "Annex: notes (continued)")
    pdf.paragraph("Sections covered in this document:")
    for number, heading in enumerate(headings, start=1):
        pdf.set_font("helvetica", "", 10.5)
        pdf.set_text_color(*_INK)
        pdf.cell(8, 6, f"{number}.")
        pdf.cell(0, 6, pdf.fit(heading, pdf.epw - 10), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.set_draw_color(*_RULE)
    pdf.set_line_width(0.25)
    y = pdf.get_y() + 4
    while y < pdf.page_break_trigger - 2:
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        y += 9


def _poster(
    pdf: _Document,
    title: str,
    subtitle: str,
    date_text: str,
    sections: Sequence[tuple[str, list[str]]],
) -> None:
    """A single portrait page: title band, large text blocks, prominent phone numbers."""
    pdf.decorated = False
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    margin = 18.0
    width = pdf.w - 2 * margin

    # Title band: shrink the title until it fits on at most three lines.
    title_size = 44.0
    pdf.set_font("helvetica", "B", title_size)
    while (
        title_size > 20 and len(pdf.multi_cell(width, 1, title, dry_run=True, output="LINES")) > 3
    ):
        title_size -= 2
        pdf.set_font("helvetica", "B", title_size)
    title_line = title_size * 0.42
    title_lines = len(pdf.multi_cell(width, title_line, title, dry_run=True, output="LINES"))
    pdf.set_font("helvetica", "", 16)
    sub_lines = len(pdf.multi_cell(width, 7.5, subtitle, dry_run=True, output="LINES"))
    band = 30 + title_lines * title_line + (sub_lines * 7.5 + 6 if subtitle else 0) + 10
    pdf.set_fill_color(*pdf.accent)
    pdf.rect(0, 0, pdf.w, band, style="F")
    with pdf.local_context(fill_opacity=0.12):
        pdf.set_fill_color(255, 255, 255)
        pdf.circle(pdf.w - 20, 16, 48, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("helvetica", "B", 10)
    pdf.set_xy(margin, 14)
    pdf.cell(width, 5, pdf.fit(pdf.organisation.upper(), width))
    pdf.set_xy(margin, 28)
    pdf.set_font("helvetica", "B", title_size)
    pdf.multi_cell(width, title_line, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if subtitle:
        pdf.ln(6)
        pdf.set_x(margin)
        pdf.set_font("helvetica", "", 16)
        pdf.multi_cell(width, 7.5, subtitle, align="L")

    # Body: shrink all text together until the sections fit between the bands.
    top, bottom = band + 12, pdf.h - 30

    def style(text: str) -> tuple[float, float, bool]:
        """Font size, line height and accent flag: phone numbers largest, then hours."""
        digits = sum(c.isdigit() for c in text)
        if len(text) <= 48 and digits >= 6 and digits >= len(text.replace(" ", "")) * 0.6:
            return 36, 15, True
        if len(text) <= 48 and digits >= 3:
            return 22, 10, False
        return 15, 7, False

    def layout(scale: float, draw: bool) -> float:
        y = top
        for heading, paragraphs in sections:
            pdf.set_font("helvetica", "B", 20 * scale)
            pdf.set_text_color(*pdf.accent)
            pdf.set_xy(margin, y)
            y += (
                pdf.multi_cell(
                    width, 9 * scale, heading, align="L", dry_run=not draw, output="HEIGHT"
                )
                + 3 * scale
            )
            for text in paragraphs:
                size, line, accent = style(text)
                pdf.set_font("helvetica", "B" if size > 15 else "", size * scale)
                pdf.set_text_color(*(pdf.accent if accent else _INK))
                pdf.set_xy(margin, y)
                y += (
                    pdf.multi_cell(
                        width, line * scale, text, align="L", dry_run=not draw, output="HEIGHT"
                    )
                    + 3 * scale
                )
            y += 6 * scale
        return y

    scale = 1.0
    while scale > 0.45 and layout(scale, draw=False) > bottom:
        scale -= 0.05
    layout(scale, draw=True)

    pdf.set_fill_color(*pdf.accent)
    pdf.rect(0, pdf.h - 20, pdf.w, 20, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("helvetica", "", 10)
    pdf.set_xy(margin, pdf.h - 14)
    pdf.cell(width * 0.7, 6, pdf.fit(pdf.organisation, width * 0.68))
    pdf.cell(width * 0.3, 6, date_text, align="R")


def make_pdf(
    title: str,
    subtitle: str,
    date_text: str,
    sections: list[tuple[str, list[str]]],
    *,
    kind: str = "report",
    organisation: str = "International Federation of Red Cross and Red Crescent Societies",
    min_pages: int = 1,
    language: str = "en",
) -> bytes:
    """Return the bytes of a text-based A4 PDF.

    ``sections`` is a list of ``(heading, paragraphs)``; paragraphs starting with ``"- "`` are
    set as list items. For a report (any ``kind`` except ``"poster"``) page 1 is a cover with
    the title, subtitle, organisation and date, followed by the sections with a running header
    and "Page N of M" footers. If the result is shorter than ``min_pages``, annex pages listing
    the section headings (with ruled space for notes) are appended until it is long enough.

    ``kind="poster"`` produces a single-page poster instead, with the sections set as large
    text blocks; short paragraphs containing a phone number are shown extra large.

    ``language`` is the one the PDF declares (its text's).

    Documents about immunization or health use a teal accent, others the federation red. Text
    is reduced to Latin-1 for the built-in fonts (curly quotes and dashes become ASCII). The
    output is deterministic: the same arguments always give the same bytes.
    """
    clean_title = _latin1(title)
    clean_subtitle = _latin1(subtitle)
    clean_date = _latin1(date_text)
    clean_org = _latin1(organisation)
    clean_sections = [
        (_latin1(heading), [_latin1(p) for p in paragraphs if p.strip()])
        for heading, paragraphs in sections
    ]

    pdf = _Document(clean_title, clean_org, _accent(kind, title))
    pdf.set_title(title)
    pdf.set_author(organisation)
    pdf.set_subject(subtitle)
    pdf.set_creator(organisation)
    pdf.set_lang(language)
    pdf.set_creation_date(_CREATED)

    if kind == "poster":
        _poster(pdf, clean_title, clean_subtitle, clean_date, clean_sections)
        return bytes(pdf.output())

    _cover(pdf, clean_title, clean_subtitle, clean_date, kind)
    if clean_sections:
        pdf.add_page()
    for index, (heading, paragraphs) in enumerate(clean_sections):
        if index:
            pdf.ln(4)
        pdf.heading(heading)
        for text in paragraphs:
            pdf.paragraph(text)
    headings = [heading for heading, _ in clean_sections] or [clean_title]
    first = True
    while pdf.page_no() < min_pages:
        _annex_page(pdf, headings, first)
        first = False
    return bytes(pdf.output())
