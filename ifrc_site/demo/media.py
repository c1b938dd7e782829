"""Locally generated pictures and PDF documents for the demo content.

The demo content loader needs images and downloadable documents that look plausible on a
programme site, without fetching anything over the network. Everything in this module is
generated from its arguments alone, so repeated runs produce identical bytes:

* :func:`make_picture` draws a flat, editorial-style illustration (JPEG) for a theme such as
  ``"migration"`` or ``"immunization"``. The scene layout and colours are derived from a
  stable hash of ``key``, so each key gets its own variation of the theme.
* :func:`picture_subject` says what that illustration shows (which variant of the scene, the
  light, a portrait's hair style), so that its description can be checked against it.
* :func:`make_pdf` writes a text-based A4 PDF (a report with a cover page, or a one-page
  poster) whose text can be extracted and indexed like any real document.

The illustrations deliberately never show the Red Cross or Red Crescent emblem (its use is
protected by law), nor any other cross-like sign, and they contain no text.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import math
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image, ImageDraw, ImageFilter, ImageOps

__all__ = ["make_pdf", "make_picture", "picture_subject"]

#: What a picture is of, as a description must say it: one item per thing, each with the words
#: that may name it, split by "|" ("boat", "dusk|sunset"). The details (trees, clouds, a water
#: tank) are left out. The demo's alternative texts are checked against it.
Subject = tuple[str, ...]

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
Point = tuple[float, float]

#: Pictures are drawn this many times larger and then reduced, which smooths the edges.
_SUPERSAMPLE = 2
_JPEG_QUALITY = 82


# ---------------------------------------------------------------------------------------------
# Colour helpers
# ---------------------------------------------------------------------------------------------


def _hex(value: str) -> RGB:
    """Convert ``"#rrggbb"`` to an RGB tuple."""
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from colour ``a`` (t=0) to colour ``b`` (t=1)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _alpha(color: RGB, alpha: int) -> RGBA:
    return (color[0], color[1], color[2], alpha)


def _shade(color: RGB, amount: float) -> RGB:
    """Darken (negative ``amount``) or lighten (positive) a colour."""
    target = (255, 255, 255) if amount > 0 else (0, 0, 0)
    return _mix(color, target, abs(amount))


def _shift(color: RGB, hue: float = 0.0, light: float = 0.0, sat: float = 0.0) -> RGB:
    """Rotate the hue and nudge lightness / saturation of a colour (HLS space)."""
    h, lightness, s = colorsys.rgb_to_hls(*(c / 255 for c in color))
    h = (h + hue) % 1.0
    lightness = min(1.0, max(0.0, lightness + light))
    s = min(1.0, max(0.0, s + sat))
    r, g, b = colorsys.hls_to_rgb(h, lightness, s)
    return (round(r * 255), round(g * 255), round(b * 255))


def _palette(rng: random.Random, base: dict[str, str], spread: float = 0.025) -> dict[str, RGB]:
    """Return ``base`` with one shared hue shift plus a small per-colour lightness jitter.

    A shared hue rotation keeps the colours harmonious while making each key look different.
    """
    hue = rng.uniform(-spread, spread)
    return {
        name: _shift(_hex(value), hue=hue, light=rng.uniform(-0.03, 0.03))
        for name, value in base.items()
    }


# Moods (palettes) per theme; one is picked per picture, then shifted slightly.
# fmt: off
_MOODS: dict[str, list[dict[str, str]]] = {
    "migration": [
        {
            "sky_top": "#2b2d5c", "sky_mid": "#b5557a", "sky_low": "#f6a45c", "sun": "#ffd98a",
            "sea_top": "#c0657a", "sea_low": "#3a3461", "far": "#8c4d71", "land": "#5a3457",
            "land_near": "#3c2544", "road": "#7b4a63", "line": "#f2c38b", "tent": "#f0d9c0",
            "tent_shade": "#d2ad9a", "figure": "#2a1a33",
        },
        {
            "sky_top": "#40305e", "sky_mid": "#d9735d", "sky_low": "#fbc46a", "sun": "#fff0b8",
            "sea_top": "#e08b63", "sea_low": "#4b3a62", "far": "#a25f63", "land": "#6b3f4f",
            "land_near": "#44293d", "road": "#8d5a5a", "line": "#ffd69a", "tent": "#f7e3c4",
            "tent_shade": "#ddb89a", "figure": "#2e1c2c",
        },
    ],
    "immunization": [
        {
            "sky_top": "#7cc6c4", "sky_mid": "#b8e2d8", "sky_low": "#eef6e8", "sun": "#fff6d5",
            "far": "#9fcfbf", "mid": "#6fb39f", "ground": "#8cc084", "ground_near": "#74ad6f",
            "wall": "#fbf7ef", "wall_shade": "#e4ddd0", "roof": "#1f6f6b",
            "trim": "#2a9d8f", "window": "#bfe3ea", "door": "#1d5a58", "tree": "#3f8f6a",
            "trunk": "#7a5a44", "accent": "#f4a259",
        },
        {
            "sky_top": "#5fb3b3", "sky_mid": "#a7d8cf", "sky_low": "#f4f1de", "sun": "#fff3c4",
            "far": "#a8cdb8", "mid": "#7fb595", "ground": "#a3c585", "ground_near": "#88b26e",
            "wall": "#fffaf2", "wall_shade": "#e8dfd2", "roof": "#166d6a",
            "trim": "#38a3a5", "window": "#cdeaf0", "door": "#145c5a", "tree": "#4c956c",
            "trunk": "#7f5539", "accent": "#f6bd60",
        },
    ],
    "community": [
        {
            "sky_top": "#8ecae6", "sky_mid": "#c5e4ef", "sky_low": "#fdf3e1", "sun": "#ffe8a3",
            "far": "#a9c8b9", "mid": "#86b58f", "ground": "#9cc27a", "ground_near": "#84ad63",
            "tree": "#4f8a4b", "tree_dark": "#3a6f3a", "trunk": "#6f4e37", "wall": "#f3e3c3",
            "roof": "#c0603f", "door": "#6b4431", "window": "#f9e3a1",
        },
        {
            "sky_top": "#f4a261", "sky_mid": "#f7c59f", "sky_low": "#fdf0d5", "sun": "#fff4c7",
            "far": "#c8b48f", "mid": "#a9a66f", "ground": "#b5b56a", "ground_near": "#98994f",
            "tree": "#5b7f3d", "tree_dark": "#44662c", "trunk": "#6b4a32", "wall": "#f6e6c8",
            "roof": "#b5523b", "door": "#5e3b2a", "window": "#ffe7a8",
        },
    ],
    "city": [
        {
            "sky_top": "#5aa9e6", "sky_mid": "#a8d3f0", "sky_low": "#f1f6f9", "sun": "#fff7d6",
            "far": "#b7cde0", "mid": "#7d9bb8", "near": "#3f5a78", "window": "#e8f1f8",
            "window_lit": "#ffe49a", "street": "#4a5568", "pavement": "#a0aec0",
            "tree": "#4a8a5c",
        },
        {
            "sky_top": "#23264d", "sky_mid": "#6b4f8a", "sky_low": "#f1a980", "sun": "#fde2b8",
            "far": "#7b6b96", "mid": "#4d4675", "near": "#2a2a4a", "window": "#3d3b63",
            "window_lit": "#ffd37a", "street": "#22223b", "pavement": "#4a4e69",
            "tree": "#2f4a4a",
        },
    ],
    "camp": [
        {
            "sky_top": "#9cc5d9", "sky_mid": "#d4e6ea", "sky_low": "#f7efe0", "sun": "#fff1c1",
            "far": "#b9c3b0", "mid": "#a7a77e", "near": "#b99b6b", "ground_near": "#a7865a",
            "shelter": "#f4f1ea", "shelter_shade": "#d6d3cc", "roof": "#5b8db8",
            "roof_alt": "#e0e4e8", "door": "#6c6a66", "figure": "#5a4636",
            "tank": "#3d6e8c",
        },
        {
            "sky_top": "#e9a46a", "sky_mid": "#f3c99c", "sky_low": "#fbead2", "sun": "#fff3d0",
            "far": "#c7a98a", "mid": "#b08c66", "near": "#9b7652", "ground_near": "#8a6644",
            "shelter": "#f8efe2", "shelter_shade": "#dccfbd", "roof": "#4f7ca8",
            "roof_alt": "#ece6dc", "door": "#6e5c4c", "figure": "#4a3628",
            "tank": "#2f5d7c",
        },
    ],
    "document": [
        {"bg": "#f5efe6", "a": "#a4161a", "b": "#e5383b", "c": "#161a1d", "d": "#d3c4b1"},
        {"bg": "#eef5f4", "a": "#16697a", "b": "#489fb5", "c": "#0b2e33", "d": "#ffa62b"},
        {"bg": "#f7f3ea", "a": "#264653", "b": "#2a9d8f", "c": "#e9c46a", "d": "#e76f51"},
        {"bg": "#1d2d44", "a": "#f0ebd8", "b": "#748cab", "c": "#3e5c76", "d": "#e07a5f"},
    ],
    "portrait": [
        {"bg_top": "#f2e9e4", "bg_low": "#c9ada7", "blob": "#9a8c98", "blob2": "#f6bd60"},
        {"bg_top": "#e0f2f1", "bg_low": "#9fd3c7", "blob": "#52b69a", "blob2": "#f9c74f"},
        {"bg_top": "#edf2fb", "bg_low": "#b6ccfe", "blob": "#abc4ff", "blob2": "#ffafcc"},
        {"bg_top": "#fdf0d5", "bg_low": "#f4c9a0", "blob": "#e09f7d", "blob2": "#7fb7be"},
    ],
    "landscape": [
        {
            "sky_top": "#6fb1d9", "sky_mid": "#b3d8ea", "sky_low": "#f4f1e6", "sun": "#fff5cf",
            "peak": "#8fa3b8", "snow": "#f4f7fa", "far": "#9fbfae", "mid": "#78a784",
            "near": "#5d9163", "ground_near": "#4d7f52", "lake": "#7fbcd2", "lake_low": "#4f93b0",
            "tree": "#2f6b45", "trunk": "#5c4330",
        },
        {
            "sky_top": "#3d405b", "sky_mid": "#c9857a", "sky_low": "#f6c28b", "sun": "#ffe3a8",
            "peak": "#6d5f7a", "snow": "#f3dede", "far": "#8b6f7f", "mid": "#6b566b",
            "near": "#4e4156", "ground_near": "#3c3245", "lake": "#c98c82", "lake_low": "#5b4a66",
            "tree": "#2e2638", "trunk": "#2e2638",
        },
    ],
}

_SKIN = ["#f1c9a5", "#e0ac7e", "#c68b59", "#a5673f", "#8d5524", "#6b4226", "#4a2e1c"]
_HAIR = ["#1f1a17", "#3b2a20", "#5a3e2b", "#2b2b2b", "#7a5230", "#b8b0a8"]
_CLOTHES = [
    "#e76f51", "#2a9d8f", "#264653", "#e9c46a", "#f4a261", "#6d597a", "#b56576",
    "#457b9d", "#588157", "#bc6c25", "#8e9aaf", "#d62828",
]
# fmt: on


# ---------------------------------------------------------------------------------------------
# Drawing primitives
# ---------------------------------------------------------------------------------------------


class _Scene:
    """A supersampled canvas plus the drawing helpers shared by all themes."""

    def __init__(self, rng: random.Random, width: int, height: int) -> None:
        self.rng = rng
        self.w = width * _SUPERSAMPLE
        self.h = height * _SUPERSAMPLE
        #: One unit is 1% of the shorter side; sizes are expressed in units.
        self.u = min(self.w, self.h) / 100
        self.image = Image.new("RGB", (self.w, self.h))
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    # -- backgrounds ---------------------------------------------------------------------------

    def gradient(self, stops: Sequence[RGB], top: float = 0.0, bottom: float | None = None) -> None:
        """Fill the band ``top``..``bottom`` (pixels) with a vertical multi-stop gradient."""
        bottom = self.h if bottom is None else bottom
        y0, y1 = int(top), max(int(top) + 1, math.ceil(bottom))
        rows = y1 - y0
        column = Image.new("RGB", (1, rows))
        segments = len(stops) - 1
        colours = []
        for i in range(rows):
            t = i / max(1, rows - 1) * segments
            index = min(int(t), segments - 1)
            colours.append(_mix(stops[index], stops[index + 1], t - index))
        column.putdata(colours)
        self.image.paste(column.resize((self.w, rows), Image.Resampling.NEAREST), (0, y0))

    def sun(self, x: float, y: float, r: float, color: RGB, glow: int = 4) -> None:
        """A disc with a soft halo made of translucent rings."""
        for i in range(glow, 0, -1):
            rr = r * (1 + 0.45 * i)
            self.draw.ellipse([x - rr, y - rr, x + rr, y + rr], fill=_alpha(color, 22))
        self.draw.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def cloud(self, x: float, y: float, size: float, color: RGB, alpha: int = 210) -> None:
        """A flat cloud: a rounded base with a few puffs on top."""
        layer = Image.new("L", (int(size * 3.2), int(size * 1.4)), 0)
        mask = ImageDraw.Draw(layer)
        base_h = size * 0.5
        mask.rounded_rectangle(
            [0, size * 0.85, size * 3.1, size * 0.85 + base_h], radius=base_h / 2, fill=255
        )
        for cx, cr in ((0.8, 0.45), (1.5, 0.7), (2.25, 0.5)):
            r = size * cr * self.rng.uniform(0.85, 1.1)
            cy = size * 1.1 - r * 0.55
            mask.ellipse([size * cx - r, cy - r, size * cx + r, cy + r], fill=255)
        box = (int(x), int(y), int(x) + layer.width, int(y) + layer.height)
        self.image.paste(color, box, layer.point(lambda v: v * alpha // 255))

    def birds(self, x: float, y: float, count: int, color: RGB) -> None:
        """A few distant birds drawn as pairs of short arcs."""
        for _ in range(count):
            bx = x + self.rng.uniform(-8, 8) * self.u
            by = y + self.rng.uniform(-4, 4) * self.u
            s = self.rng.uniform(0.8, 1.4) * self.u
            width = max(2, int(self.u * 0.3))
            self.draw.arc([bx - 2 * s, by - s, bx, by + s], 200, 340, fill=color, width=width)
            self.draw.arc([bx, by - s, bx + 2 * s, by + s], 200, 340, fill=color, width=width)

    def ridge(
        self,
        base: float,
        amplitude: float,
        color: RGB | RGBA,
        waves: float = 1.5,
        x0: float = 0.0,
        x1: float | None = None,
    ) -> Callable[[float], float]:
        """Draw a rolling hill band from ``base`` downwards; return its height function."""
        x1 = self.w if x1 is None else x1
        rng = self.rng
        parts = [
            (1.0, waves * rng.uniform(0.8, 1.2), rng.uniform(0, math.tau)),
            (0.35, waves * rng.uniform(2.2, 2.8), rng.uniform(0, math.tau)),
            (0.12, waves * rng.uniform(5.0, 6.0), rng.uniform(0, math.tau)),
        ]
        norm = sum(p[0] for p in parts)

        def height(x: float) -> float:
            t = x / self.w
            value = sum(a * math.sin(math.tau * f * t + p) for a, f, p in parts) / norm
            return base - amplitude * (0.5 + 0.5 * value)

        steps = 90
        points = [(x0 + (x1 - x0) * i / steps, 0.0) for i in range(steps + 1)]
        points = [(x, height(x)) for x, _ in points]
        self.draw.polygon([*points, (x1, self.h), (x0, self.h)], fill=color)
        return height

    def water(self, top: float, colors: Sequence[RGB], sparkle: RGB) -> None:
        """A sea or lake band with a few light ripples."""
        self.gradient(colors, top, self.h)
        for _ in range(26):
            y = self.rng.uniform(top + self.u, self.h)
            depth = (y - top) / max(1.0, self.h - top)
            length = self.rng.uniform(2, 7) * self.u * (0.4 + depth)
            x = self.rng.uniform(0, self.w)
            thickness = max(2.0, self.u * 0.25 * (0.5 + depth))
            self.draw.rounded_rectangle(
                [x, y, x + length, y + thickness], radius=thickness / 2, fill=_alpha(sparkle, 70)
            )

    def reflection(self, x: float, top: float, r: float, color: RGB) -> None:
        """Horizontal glints under a low sun."""
        for i in range(9):
            y = top + self.u * (0.6 + i * 1.6)
            half = r * (1.0 - i * 0.09) * self.rng.uniform(0.7, 1.0)
            thickness = self.u * 0.5
            self.draw.rounded_rectangle(
                [x - half, y, x + half, y + thickness],
                radius=thickness / 2,
                fill=_alpha(color, 150 - i * 12),
            )

    # -- objects -------------------------------------------------------------------------------

    def tree(self, x: float, ground: float, size: float, leaf: RGB, trunk: RGB) -> None:
        """A round-crowned or conical tree standing on ``ground``."""
        tw = size * 0.12
        if self.rng.random() < 0.6:
            self.draw.rectangle([x - tw / 2, ground - size * 0.55, x + tw / 2, ground], fill=trunk)
            r = size * 0.32
            cy = ground - size * 0.72
            self.draw.ellipse([x - r, cy - r, x + r, cy + r], fill=leaf)
            r2 = r * 0.7
            self.draw.ellipse(
                [x - r * 0.9 - r2 * 0.4, cy - r2 * 0.2, x - r * 0.9 + r2 * 1.2, cy + r2 * 1.4],
                fill=_shade(leaf, -0.08),
            )
        else:
            self.draw.rectangle([x - tw / 2, ground - size * 0.25, x + tw / 2, ground], fill=trunk)
            for i in range(3):
                top = ground - size * (1.0 - i * 0.22)
                half = size * (0.2 + i * 0.06)
                bottom = ground - size * (0.2 + (2 - i) * 0.16)
                self.draw.polygon(
                    [(x, top), (x + half, bottom), (x - half, bottom)],
                    fill=leaf if i % 2 == 0 else _shade(leaf, -0.06),
                )

    def person(
        self,
        x: float,
        ground: float,
        height: float,
        body: RGB,
        skin: RGB,
        *,
        legs: RGB | None = None,
        hair: RGB | None = None,
        scarf: RGB | None = None,
        bag: RGB | None = None,
        stride: float = 0.0,
    ) -> None:
        """A stylised standing or walking figure: round head, rounded body, two legs."""
        h = height
        legs = legs or _shade(body, -0.45)
        leg_w = h * 0.11
        hip = ground - h * 0.44
        for offset in (-1, 1):
            foot = x + offset * (h * 0.05 + stride * h * 0.12)
            top = x + offset * h * 0.05
            self.draw.line([(top, hip), (foot, ground - leg_w / 2)], fill=legs, width=int(leg_w))
            self.draw.ellipse(
                [foot - leg_w / 2, ground - leg_w, foot + leg_w / 2, ground], fill=legs
            )
        if bag is not None:
            bw = h * 0.2
            self.draw.rounded_rectangle(
                [
                    x - h * 0.2 - bw * 0.4,
                    ground - h * 0.72,
                    x - h * 0.2 + bw * 0.6,
                    ground - h * 0.4,
                ],
                radius=bw * 0.3,
                fill=bag,
            )
        tw = h * 0.3
        self.draw.rounded_rectangle(
            [x - tw / 2, ground - h * 0.76, x + tw / 2, ground - h * 0.38],
            radius=tw * 0.42,
            fill=body,
        )
        r = h * 0.1
        cy = ground - h * 0.87
        if scarf is not None:
            sr = r * 1.35
            self.draw.ellipse([x - sr, cy - sr, x + sr, cy + sr * 1.15], fill=scarf)
            self.draw.ellipse([x - r * 0.72, cy - r * 0.55, x + r * 0.72, cy + r * 0.95], fill=skin)
            return
        self.draw.ellipse([x - r, cy - r, x + r, cy + r], fill=skin)
        if hair is not None:
            self.draw.chord(
                [x - r * 1.05, cy - r * 1.1, x + r * 1.05, cy + r * 0.9], 180, 360, fill=hair
            )

    def crowd(
        self,
        xs: Sequence[float],
        ground: Callable[[float], float],
        height: float,
        *,
        silhouette: RGB | None = None,
        stride: float = 0.0,
        bags: bool = False,
    ) -> None:
        """Draw a group of people with varied sizes and clothing."""
        rng = self.rng
        for x in xs:
            child = rng.random() < 0.25
            h = height * (rng.uniform(0.55, 0.68) if child else rng.uniform(0.9, 1.08))
            if silhouette is not None:
                body = skin = _shift(silhouette, light=rng.uniform(-0.03, 0.04))
                hair = scarf = None
                if rng.random() < 0.3:
                    scarf = _shift(silhouette, light=0.06)
            else:
                body = _hex(rng.choice(_CLOTHES))
                skin = _hex(rng.choice(_SKIN))
                hair = _hex(rng.choice(_HAIR))
                scarf = _hex(rng.choice(_CLOTHES)) if rng.random() < 0.3 else None
            bag = _shade(body, -0.25) if bags and not child and rng.random() < 0.6 else None
            walk = stride * rng.choice([-1, 1]) * rng.uniform(0.6, 1.0)
            self.person(x, ground(x), h, body, skin, hair=hair, scarf=scarf, bag=bag, stride=walk)

    def tent(self, x: float, ground: float, w: float, h: float, color: RGB, shade: RGB) -> None:
        """A ridge tent seen from the front, with a shaded side and a dark door."""
        apex = (x, ground - h)
        self.draw.polygon([(x - w / 2, ground), apex, (x + w / 2, ground)], fill=color)
        self.draw.polygon([apex, (x + w / 2, ground), (x + w * 0.1, ground)], fill=shade)
        self.draw.polygon(
            [(x - w * 0.14, ground), (x - w * 0.02, ground - h * 0.55), (x + w * 0.08, ground)],
            fill=_shade(shade, -0.45),
        )

    def shelter(
        self, x: float, ground: float, w: float, h: float, wall: RGB, roof: RGB, door: RGB
    ) -> None:
        """A small box shelter with a gable roof."""
        wall_top = ground - h * 0.6
        self.draw.rectangle([x - w / 2, wall_top, x + w / 2, ground], fill=wall)
        self.draw.rectangle([x + w * 0.18, wall_top, x + w / 2, ground], fill=_shade(wall, -0.1))
        overhang = w * 0.06
        self.draw.polygon(
            [
                (x - w / 2 - overhang, wall_top + h * 0.04),
                (x - w * 0.1, ground - h),
                (x + w * 0.3, ground - h),
                (x + w / 2 + overhang, wall_top + h * 0.04),
            ],
            fill=roof,
        )
        dw = w * 0.16
        self.draw.rectangle([x - w * 0.2, ground - h * 0.38, x - w * 0.2 + dw, ground], fill=door)

    def house(
        self,
        x: float,
        ground: float,
        w: float,
        h: float,
        wall: RGB,
        roof: RGB,
        door: RGB,
        window: RGB,
    ) -> None:
        """A village house with a pitched roof, a door and a window."""
        wall_top = ground - h * 0.58
        self.draw.rectangle([x - w / 2, wall_top, x + w / 2, ground], fill=wall)
        self.draw.polygon(
            [(x - w * 0.6, wall_top), (x, ground - h), (x + w * 0.6, wall_top)], fill=roof
        )
        self.draw.polygon(
            [(x, ground - h), (x + w * 0.6, wall_top), (x + w * 0.15, wall_top)],
            fill=_shade(roof, -0.12),
        )
        self.draw.rectangle([x - w * 0.3, ground - h * 0.34, x - w * 0.1, ground], fill=door)
        self.draw.rectangle(
            [x + w * 0.08, ground - h * 0.44, x + w * 0.32, ground - h * 0.24], fill=window
        )

    def block(
        self,
        x: float,
        ground: float,
        w: float,
        h: float,
        color: RGB,
        window: RGB,
        lit: RGB,
        lit_share: float,
    ) -> None:
        """An apartment block with a regular grid of windows."""
        self.draw.rectangle([x, ground - h, x + w, ground], fill=color)
        self.draw.rectangle(
            [x - w * 0.03, ground - h - self.u * 0.6, x + w * 1.03, ground - h],
            fill=_shade(color, -0.15),
        )
        cols = max(2, int(w / (self.u * 3.2)))
        rows = max(2, int(h / (self.u * 4.2)))
        cell_w = w / cols
        cell_h = (h - self.u * 2) / rows
        for row in range(rows):
            for col in range(cols):
                wx = x + col * cell_w + cell_w * 0.28
                wy = ground - h + self.u * 1.5 + row * cell_h
                fill = lit if self.rng.random() < lit_share else window
                self.draw.rectangle([wx, wy, wx + cell_w * 0.44, wy + cell_h * 0.5], fill=fill)

    def boat(self, x: float, y: float, w: float, hull: RGB, sail: RGB, figures: RGB) -> None:
        """A small boat with people on board, sitting on the water line ``y``."""
        h = w * 0.22
        for i in range(self.rng.randint(3, 6)):
            hx = x - w * 0.3 + i * w * 0.12
            r = w * 0.045
            self.draw.ellipse([hx - r, y - h * 0.9 - r, hx + r, y - h * 0.9 + r], fill=figures)
            self.draw.rounded_rectangle(
                [hx - r * 1.1, y - h * 0.85, hx + r * 1.1, y - h * 0.2], radius=r, fill=figures
            )
        if self.rng.random() < 0.5:
            self.draw.polygon(
                [(x + w * 0.12, y - h * 0.4), (x + w * 0.12, y - w * 0.62), (x + w * 0.42, y - h)],
                fill=sail,
            )
        self.draw.polygon(
            [
                (x - w / 2, y - h * 0.45),
                (x + w / 2, y - h * 0.45),
                (x + w * 0.38, y + h * 0.25),
                (x - w * 0.4, y + h * 0.25),
            ],
            fill=hull,
        )
        self.draw.rectangle(
            [x - w * 0.55, y + h * 0.3, x + w * 0.5, y + h * 0.3 + self.u * 0.35],
            fill=_alpha(sail, 90),
        )

    def finish(self, width: int, height: int, mirror: bool) -> Image.Image:
        """Reduce the supersampled canvas to the requested size."""
        image = self.image.reduce(_SUPERSAMPLE)
        if image.size != (width, height):
            image = image.resize((width, height), Image.Resampling.LANCZOS)
        return ImageOps.mirror(image) if mirror else image


# ---------------------------------------------------------------------------------------------
# Themes
# ---------------------------------------------------------------------------------------------


def _sky(
    s: _Scene, p: dict[str, RGB], horizon: float, sun: tuple[float, float, float], clouds: int = 3
) -> None:
    """Gradient sky, a sun at ``sun`` = (x, y, radius) and a few clouds in front of it."""
    s.gradient([p["sky_top"], p["sky_mid"], p["sky_low"]], 0, horizon + 2)
    s.sun(*sun, p["sun"], glow=3)
    for _ in range(clouds):
        size = s.rng.uniform(4, 8) * s.u
        s.cloud(
            s.rng.uniform(-0.05, 0.9) * s.w,
            s.rng.uniform(0.05, 0.3) * s.h,
            size,
            _mix(p["sky_low"], (255, 255, 255), 0.6),
            alpha=s.rng.randint(150, 220),
        )


def _dusk_sky(s: _Scene, p: dict[str, RGB], horizon: float) -> tuple[float, float]:
    """Dusk gradient with thin clouds, a low sun and birds; return the sun's x and radius."""
    rng, w, h, u = s.rng, s.w, s.h, s.u
    s.gradient([p["sky_top"], p["sky_mid"], p["sky_low"]], 0, horizon + 2)
    for _ in range(rng.randint(2, 4)):  # long thin clouds lit from below
        cy = rng.uniform(0.12, 0.42) * h
        cx = rng.uniform(0, w)
        half = rng.uniform(8, 20) * u
        s.draw.rounded_rectangle(
            [cx - half, cy, cx + half, cy + u * 1.2], radius=u * 0.6, fill=_alpha(p["sun"], 70)
        )
    sun_x = w * rng.uniform(0.18, 0.42)
    sun_r = u * rng.uniform(7, 10)
    s.sun(sun_x, horizon - sun_r * rng.uniform(0.1, 0.7), sun_r, p["sun"])
    bird_color = _shade(p["sky_top"], -0.2)
    s.birds(w * rng.uniform(0.25, 0.6), h * rng.uniform(0.15, 0.28), rng.randint(3, 5), bird_color)
    return sun_x, sun_r


def _walkers(
    s: _Scene, p: dict[str, RGB], left: float, right: float, vanish: Point, width: float
) -> None:
    """A road from the bottom edge to ``vanish``, with people walking along it."""
    rng, h, u = s.rng, s.h, s.u
    s.draw.polygon([(left, h), vanish, (vanish[0] + width, vanish[1]), (right, h)], fill=p["road"])
    mid_x = (left + right) / 2
    for i in range(7):
        t0, t1 = i / 7, i / 7 + 0.06
        a = (mid_x + (vanish[0] - mid_x) * t0, h + (vanish[1] - h) * t0)
        b = (mid_x + (vanish[0] - mid_x) * t1, h + (vanish[1] - h) * t1)
        s.draw.line([a, b], fill=_alpha(p["line"], 170), width=max(2, int(u * 0.9 * (1 - t0))))
    count = rng.randint(3, 5)
    # Spread people along the road (farthest first), alternating sides of the centre line.
    for i in reversed(range(count)):
        t = 0.06 + 0.64 * (i + rng.uniform(0.15, 0.85)) / count
        side = 1 if i % 2 else -1
        x = mid_x + (vanish[0] - mid_x) * t + side * (right - left) * 0.2 * (1 - t)
        y = h + (vanish[1] - h) * t - u * 3
        size = u * 22 * (1 - t) ** 1.1 + u * 3
        s.crowd([x], lambda _x, y=y: y, size, silhouette=p["figure"], stride=0.8, bags=True)


def _scene_migration(s: _Scene, p: dict[str, RGB]) -> Subject:
    """Either a coast with a boat and a road, or a road across hills towards a tent camp; both
    at dusk."""
    rng, w, h, u = s.rng, s.w, s.h, s.u
    horizon = h * rng.uniform(0.5, 0.57)
    sun_x, sun_r = _dusk_sky(s, p, horizon)
    if rng.random() < 0.45:
        s.draw.rectangle([0, horizon, w, h], fill=_mix(p["far"], p["sky_low"], 0.3))
        far = s.ridge(horizon + u * 2, u * 8, _mix(p["far"], p["sky_low"], 0.3), waves=1.1)
        mid = s.ridge(horizon + u * 12, u * 7, p["far"], waves=1.4)
        for _ in range(rng.randint(3, 6)):  # a few trees on the far hills
            tx = rng.uniform(0, w)
            s.tree(
                tx,
                far(tx) + u * 2,
                u * rng.uniform(5, 8),
                _mix(p["far"], p["land"], 0.5),
                _mix(p["far"], p["land"], 0.5),
            )
        camp_x = w * rng.uniform(0.5, 0.7)
        for i in range(rng.randint(6, 10)):
            tx = camp_x + (i - 4) * u * rng.uniform(5.5, 7)
            size = u * rng.uniform(4, 5.5)
            s.tent(tx, mid(tx) + u * 3, size * 1.4, size, p["tent"], p["tent_shade"])
        s.ridge(horizon + u * 24, u * 6, p["land"], waves=0.9)
        near = s.ridge(h - u * 12, u * 5, p["land_near"], waves=0.7)
        for _ in range(rng.randint(1, 3)):
            tx = rng.choice([rng.uniform(0, 0.25), rng.uniform(0.8, 1.0)]) * w
            s.tree(tx, near(tx) + u * 3, u * rng.uniform(20, 28), p["figure"], p["figure"])
        vanish = (camp_x + rng.uniform(-10, 10) * u, mid(camp_x) + u * 4)
        left, right = w * rng.uniform(0.3, 0.4), w * rng.uniform(0.62, 0.72)
        _walkers(s, p, left, right, vanish, u * 1.5)
        return ("road", "tent", "hill", "dusk|sunset", "walk|travellers")

    # Coast: sea on the left, land with a road on the right.
    s.water(horizon, [p["sea_top"], p["sea_low"]], p["sun"])
    s.reflection(sun_x, horizon, sun_r * 1.2, p["sun"])
    s.draw.polygon(
        [
            (w * 0.55, horizon + 1),
            (w * 0.75, horizon - u * 3),
            (w, horizon - u * 4),
            (w, horizon + 1),
        ],
        fill=_mix(p["far"], p["sky_low"], 0.25),
    )
    s.boat(
        w * rng.uniform(0.12, 0.3),
        horizon + (h - horizon) * rng.uniform(0.3, 0.5),
        u * rng.uniform(16, 20),
        p["figure"],
        p["tent"],
        p["figure"],
    )
    coast_top = w * rng.uniform(0.46, 0.54)
    coast_bottom = w * rng.uniform(0.3, 0.38)
    land_y = horizon + (h - horizon) * 0.12
    ground = s.ridge(land_y, u * 3, p["land"], x0=coast_top, waves=1)
    coast = [
        (coast_top, ground(coast_top)),
        (coast_top - (coast_top - coast_bottom) * 0.5, land_y + (h - land_y) * 0.55),
        (coast_bottom, h),
    ]
    s.draw.polygon([*coast, (w, h), (w, ground(w))], fill=p["land"])
    s.draw.line(coast, fill=_alpha(p["sun"], 120), width=int(u * 0.5))
    start = coast[1][0] + (coast[2][0] - coast[1][0]) * 0.25
    near = s.ridge(land_y + (h - land_y) * 0.5, u * 3, p["land_near"], x0=start, waves=1)
    s.draw.polygon([(start, near(start)), (start, h), (coast_bottom, h)], fill=p["land_near"])
    for i in range(rng.randint(4, 7)):  # tents on the far part of the land
        tx = coast_top + u * 6 + i * u * rng.uniform(6, 8)
        if tx > w - u * 3:
            break
        size = u * rng.uniform(4.5, 6)
        s.tent(tx, ground(tx) + u * 2.5, size * 1.4, size, p["tent"], p["tent_shade"])
    vanish = (w * rng.uniform(0.78, 0.9), ground(w * 0.85) + u * 3)
    _walkers(s, p, w * rng.uniform(0.5, 0.56), w * rng.uniform(0.78, 0.86), vanish, u * 1.2)
    return ("boat", "sea", "dusk|sunset")


def _scene_immunization(s: _Scene, p: dict[str, RGB]) -> Subject:
    rng, w, h, u = s.rng, s.w, s.h, s.u
    horizon = h * rng.uniform(0.55, 0.6)
    sun = (w * rng.uniform(0.65, 0.9), h * rng.uniform(0.12, 0.22), u * 6)
    _sky(s, p, horizon, sun, clouds=rng.randint(2, 3))
    s.ridge(horizon, u * 10, p["far"], waves=1.2)
    s.ridge(horizon + u * 5, u * 6, p["mid"], waves=1.5)
    ground_y = horizon + u * 12
    s.gradient([p["ground"], p["ground_near"]], ground_y, h)

    # Clinic building.
    cw, ch = w * rng.uniform(0.34, 0.4), u * rng.uniform(26, 30)
    cx = w * rng.uniform(0.3, 0.4)
    x0, x1, top = cx - cw / 2, cx + cw / 2, ground_y - ch
    s.draw.rectangle(
        [x0 - u * 2, ground_y - u * 1, x1 + u * 2, ground_y + u * 1.5],
        fill=_shade(p["ground"], -0.15),
    )
    s.draw.rectangle([x0, top, x1, ground_y], fill=p["wall"])
    s.draw.rectangle([x1 - cw * 0.25, top, x1, ground_y], fill=p["wall_shade"])
    s.draw.rectangle([x0 - u * 1.5, top - u * 2.5, x1 + u * 1.5, top], fill=p["roof"])
    tank_x = x0 + cw * 0.15
    s.draw.rectangle([tank_x, top - u * 7, tank_x + u * 5, top - u * 2.5], fill=p["trim"])
    s.draw.ellipse([tank_x, top - u * 8, tank_x + u * 5, top - u * 6], fill=_shade(p["trim"], 0.2))
    # Sign panel: a rounded board with a droplet motif and two bars (no text, no emblem).
    sx0, sx1 = cx - cw * 0.22, cx + cw * 0.22
    s.draw.rounded_rectangle(
        [sx0, top - u * 9, sx1, top - u * 3],
        radius=u * 1.2,
        fill=p["wall"],
        outline=p["trim"],
        width=int(u * 0.5),
    )
    dx, dy = sx0 + u * 3.2, top - u * 6
    s.draw.ellipse([dx - u * 1.6, dy - u * 0.9, dx + u * 1.6, dy + u * 2.3], fill=p["trim"])
    s.draw.polygon([(dx - u * 1.45, dy), (dx, dy - u * 2.6), (dx + u * 1.45, dy)], fill=p["trim"])
    for i, frac in enumerate((0.75, 0.5)):
        by = top - u * (7.2 - i * 2.2)
        s.draw.rounded_rectangle(
            [dx + u * 3, by, dx + u * 3 + (sx1 - dx - u * 5) * frac, by + u * 1],
            radius=u * 0.5,
            fill=p["roof"],
        )
    # Door with a striped awning, and windows.
    door_x = cx - u * 4
    s.draw.rectangle([door_x, ground_y - ch * 0.62, door_x + u * 8, ground_y], fill=p["door"])
    aw_top = ground_y - ch * 0.78
    stripes = 6
    for i in range(stripes):
        ax = door_x - u * 3 + i * (u * 14 / stripes)
        s.draw.polygon(
            [
                (ax, aw_top),
                (ax + u * 14 / stripes, aw_top),
                (ax + u * 14 / stripes + u * 0.6, aw_top + u * 4),
                (ax + u * 0.6, aw_top + u * 4),
            ],
            fill=p["accent"] if i % 2 == 0 else p["trim"],
        )
    for wx in (x0 + cw * 0.08, x0 + cw * 0.25, x1 - cw * 0.3, x1 - cw * 0.14):
        if door_x - u * 5 < wx < door_x + u * 11:
            continue
        s.draw.rectangle([wx, top + ch * 0.25, wx + u * 5, top + ch * 0.55], fill=p["trim"])
        s.draw.rectangle(
            [wx + u * 0.6, top + ch * 0.25 + u * 0.6, wx + u * 4.4, top + ch * 0.55 - u * 0.6],
            fill=p["window"],
        )

    # Trees around the building.
    for tx in (
        x0 - u * rng.uniform(6, 10),
        x1 + u * rng.uniform(5, 9),
        w * rng.uniform(0.88, 0.96),
    ):
        s.tree(tx, ground_y + u, u * rng.uniform(18, 26), p["tree"], p["trunk"])

    # An outreach canopy on the right with a small queue of people.
    kx = w * rng.uniform(0.7, 0.78)
    kw, kt = u * 22, ground_y - u * 17
    for px in (kx - kw * 0.42, kx + kw * 0.42):
        s.draw.rectangle([px - u * 0.4, kt, px + u * 0.4, ground_y + u * 6], fill=p["roof"])
    s.draw.polygon(
        [
            (kx - kw / 2, kt + u * 3),
            (kx - kw * 0.3, kt - u * 3),
            (kx + kw * 0.3, kt - u * 3),
            (kx + kw / 2, kt + u * 3),
        ],
        fill=p["trim"],
    )
    s.draw.rectangle([kx - kw / 2, kt + u * 3, kx + kw / 2, kt + u * 4.5], fill=p["accent"])
    s.draw.rectangle(
        [kx - kw * 0.3, ground_y + u * 1.5, kx + kw * 0.3, ground_y + u * 2.5], fill=p["wall"]
    )
    s.crowd([kx + kw * 0.15], lambda _x: ground_y + u * 6, u * 18)
    s.draw.rectangle(
        [kx - kw * 0.3, ground_y + u * 2, kx + kw * 0.3, ground_y + u * 7], fill=p["wall_shade"]
    )
    queue = [x1 + u * 5 + i * u * rng.uniform(7.5, 9) for i in range(rng.randint(3, 5))]
    s.crowd([q for q in queue if q < kx - kw * 0.45], lambda _x: h - u * 12, u * 24)
    s.crowd([w * rng.uniform(0.05, 0.14)], lambda _x: h - u * 4, u * 28, stride=0.5)
    return ("health centre|health post|clinic", "queue|queuing|queueing|waiting|lining up")


def _scene_community(s: _Scene, p: dict[str, RGB]) -> Subject:
    rng, w, h, u = s.rng, s.w, s.h, s.u
    horizon = h * rng.uniform(0.45, 0.55)
    _sky(s, p, horizon, (w * rng.uniform(0.1, 0.9), h * rng.uniform(0.12, 0.25), u * 6))
    s.ridge(horizon, u * 9, p["far"], waves=1.1)
    mid = s.ridge(horizon + u * 8, u * 8, p["mid"], waves=1.3)
    for _ in range(rng.randint(4, 7)):
        tx = rng.uniform(0, w)
        s.tree(tx, mid(tx) + u * 2, u * rng.uniform(8, 12), p["tree_dark"], p["trunk"])
    near = s.ridge(horizon + u * 20, u * 6, p["ground"], waves=0.9)
    count = rng.randint(4, 6)
    slots = rng.sample(range(7), count)  # spread the houses over the width
    xs = [(slot + 0.5 + rng.uniform(-0.25, 0.25)) * w / 7 for slot in slots]
    for hx in xs:
        size = u * rng.uniform(11, 15)
        wall = _shift(p["wall"], light=rng.uniform(-0.06, 0.04))
        roof = _shift(p["roof"], hue=rng.uniform(-0.03, 0.03))
        s.house(hx, near(hx) + u * 3, size * 1.3, size, wall, roof, p["door"], p["window"])
    big_x = w * rng.choice([0.12, 0.85])
    s.tree(big_x, h - u * 8, u * 45, p["tree"], p["trunk"])
    s.gradient([p["ground"], p["ground_near"]], h - u * 14, h)
    s.draw.rectangle([0, h - u * 14, w, h - u * 13.6], fill=_alpha(p["ground_near"], 255))
    centre = w * rng.uniform(0.4, 0.6)
    back = [centre + (i - 2.5) * u * 7 + rng.uniform(-1, 1) * u for i in range(6)]
    front = [centre + (i - 2) * u * 8.5 + rng.uniform(-1.5, 1.5) * u for i in range(5)]
    s.crowd(back, lambda _x: h - u * 8, u * 22)
    s.crowd(front, lambda _x: h - u * 1.5, u * 26)
    return ("house|village", "people|villagers|neighbours")


def _scene_city(s: _Scene, p: dict[str, RGB]) -> Subject:
    rng, w, h, u = s.rng, s.w, s.h, s.u
    street = h * 0.86
    s.gradient([p["sky_top"], p["sky_mid"], p["sky_low"]], 0, street)
    night = p["window_lit"][0] > p["window"][0]
    s.sun(w * rng.uniform(0.1, 0.9), h * rng.uniform(0.12, 0.3), u * rng.uniform(5, 8), p["sun"])
    for _ in range(rng.randint(1, 3)):
        s.cloud(
            rng.uniform(0, 0.85) * w,
            rng.uniform(0.05, 0.25) * h,
            rng.uniform(4, 7) * u,
            _mix(p["sky_low"], (255, 255, 255), 0.5),
            alpha=150,
        )
    for layer, (color, low, high, lit) in enumerate(
        (
            (p["far"], 0.25, 0.55, 0.0),
            (p["mid"], 0.15, 0.42, 0.25 if night else 0.0),
            (p["near"], 0.12, 0.32, 0.35 if night else 0.08),
        )
    ):
        x = -rng.uniform(0, 6) * u
        while x < w:
            bw = u * rng.uniform(9, 16) * (1 + layer * 0.25)
            bh = h * rng.uniform(low, high)
            if layer == 0:
                s.draw.rectangle([x, street - bh, x + bw, street], fill=color)
                if rng.random() < 0.3:
                    s.draw.rectangle(
                        [x + bw * 0.45, street - bh - u * 5, x + bw * 0.5, street - bh], fill=color
                    )
            else:
                window = _mix(color, p["window"], 0.35 if not night else 0.7)
                s.block(x, street, bw, bh, color, window, p["window_lit"], lit)
            x += bw + u * rng.uniform(0.5, 3) * layer
        if layer == 0:
            s.draw.rectangle([0, 0, w, street], fill=_alpha(p["sky_low"], 60))
    s.draw.rectangle([0, street, w, h], fill=p["street"])
    s.draw.rectangle([0, street, w, street + u * 2], fill=p["pavement"])
    for i in range(12):
        lx = i * w / 11 + rng.uniform(-1, 1) * u
        s.draw.rectangle(
            [lx, h - u * 5.5, lx + u * 5, h - u * 4.8], fill=_alpha(p["pavement"], 180)
        )
    for _ in range(rng.randint(2, 4)):
        tx = rng.uniform(0.05, 0.95) * w
        s.tree(tx, street + u * 1.5, u * rng.uniform(12, 16), p["tree"], _shade(p["tree"], -0.3))
    walkers = [rng.uniform(0.05, 0.95) * w for _ in range(rng.randint(4, 7))]
    s.crowd(walkers, lambda _x: street + u * 2.2, u * 11, stride=0.7)
    return ("building|block|city",)


def _scene_camp(s: _Scene, p: dict[str, RGB]) -> Subject:
    rng, w, h, u = s.rng, s.w, s.h, s.u
    horizon = h * rng.uniform(0.4, 0.46)
    _sky(s, p, horizon, (w * rng.uniform(0.1, 0.9), h * rng.uniform(0.1, 0.2), u * 6))
    s.ridge(horizon, u * 12, p["far"], waves=1.1)
    rows = [
        (horizon + u * 10, p["mid"], 5.0, 5.2),
        (horizon + u * 24, p["near"], 7.5, 8.0),
        (horizon + u * 40, p["ground_near"], 11.0, 12.0),
    ]
    for index, (base, color, size, spacing) in enumerate(rows):
        ground = s.ridge(base, u * 6, color, waves=0.8 + index * 0.2)
        x = rng.uniform(-2, 2) * u
        while x < w + u * 4:
            gx = x + rng.uniform(-0.6, 0.6) * u * index
            roof = p["roof"] if rng.random() < 0.6 else p["roof_alt"]
            sz = u * size * rng.uniform(0.9, 1.05)
            if index < 2 or rng.random() < 0.5:
                s.shelter(
                    gx, ground(gx) + u * (2 + index), sz * 1.3, sz, p["shelter"], roof, p["door"]
                )
            else:
                s.tent(
                    gx, ground(gx) + u * (2 + index), sz * 1.5, sz, p["shelter"], p["shelter_shade"]
                )
            x += u * spacing * rng.uniform(1.3, 1.8)
        if index == 1:
            tx = w * rng.uniform(0.2, 0.8)
            ty = ground(tx) + u * 2
            for leg in (-2.6, 2.0):
                s.draw.rectangle(
                    [tx + leg * u, ty - u * 11, tx + (leg + 0.6) * u, ty], fill=p["tank"]
                )
            s.draw.rectangle([tx - u * 3.5, ty - u * 17, tx + u * 3.5, ty - u * 11], fill=p["tank"])
            s.draw.ellipse(
                [tx - u * 3.5, ty - u * 18, tx + u * 3.5, ty - u * 16], fill=_shade(p["tank"], 0.2)
            )
    s.draw.rectangle([0, h - u * 6, w, h], fill=_shade(p["ground_near"], -0.08))
    people = [rng.uniform(0.05, 0.95) * w for _ in range(rng.randint(3, 5))]
    s.crowd(people, lambda _x: h - u * 2, u * 20, stride=0.6)
    return ("shelter",)


def _scene_document(s: _Scene, p: dict[str, RGB]) -> Subject:
    rng, w, h, u = s.rng, s.w, s.h, s.u
    s.draw.rectangle([0, 0, w, h], fill=p["bg"])
    cx, cy, r = w * rng.uniform(0.55, 0.75), h * rng.uniform(0.35, 0.6), u * rng.uniform(38, 50)
    s.draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=p["a"])
    r2 = r * rng.uniform(0.45, 0.6)
    ox, oy = cx - r * rng.uniform(0.6, 0.9), cy + r * rng.uniform(0.2, 0.5)
    s.draw.ellipse([ox - r2, oy - r2, ox + r2, oy + r2], fill=_alpha(p["b"], 210))
    band = rng.uniform(0.25, 0.45) * w
    s.draw.polygon(
        [(band, h), (band + u * 14, h), (band + u * 60, 0), (band + u * 46, 0)],
        fill=_alpha(p["d"], 170),
    )
    for ring in range(3):
        rr = r * (1.18 + ring * 0.12)
        s.draw.arc(
            [cx - rr, cy - rr, cx + rr, cy + rr],
            rng.randint(180, 220),
            rng.randint(300, 340),
            fill=p["c"],
            width=int(u * 0.5),
        )
    dot_x, dot_y = w * rng.uniform(0.05, 0.15), h * rng.uniform(0.1, 0.2)
    for row in range(6):
        for col in range(8):
            x, y = dot_x + col * u * 3.2, dot_y + row * u * 3.2
            s.draw.ellipse([x, y, x + u * 0.9, y + u * 0.9], fill=p["c"])
    base_x, base_y = w * rng.uniform(0.06, 0.12), h * 0.9
    for i in range(5):
        bh = u * rng.uniform(8, 26)
        x = base_x + i * u * 5
        fill = p["a"] if i == 4 else p["c"] if i % 2 else p["b"]
        s.draw.rounded_rectangle([x, base_y - bh, x + u * 3.4, base_y], radius=u * 1.2, fill=fill)
    return ("abstract", "circle")


def _scene_portrait(s: _Scene, p: dict[str, RGB]) -> Subject:
    rng, w, h, u = s.rng, s.w, s.h, s.u
    # Soft background: a gradient with a few blurred blobs, made small and scaled up.
    small_w, small_h = max(8, w // 16), max(8, h // 16)
    column = Image.new("RGB", (1, small_h))
    column.putdata([_mix(p["bg_top"], p["bg_low"], y / (small_h - 1)) for y in range(small_h)])
    small = column.resize((small_w, small_h), Image.Resampling.NEAREST)
    blobs = ImageDraw.Draw(small, "RGBA")
    for _ in range(5):
        bx, by = rng.uniform(0, small_w), rng.uniform(0, small_h)
        br = rng.uniform(0.08, 0.22) * small_h
        color = p["blob"] if rng.random() < 0.6 else p["blob2"]
        blobs.ellipse([bx - br, by - br, bx + br, by + br], fill=_alpha(color, 110))
    small = small.filter(ImageFilter.GaussianBlur(small_h * 0.05))
    s.image.paste(small.resize((w, h), Image.Resampling.BILINEAR), (0, 0))

    skin = _hex(rng.choice(_SKIN))
    hair = _hex(rng.choice(_HAIR))
    clothes = _hex(rng.choice(_CLOTHES))
    cx = w * rng.uniform(0.46, 0.54)
    r = h * 0.17  # head radius
    cy = h * 0.47  # head centre
    shoulders = h * 0.76
    style = rng.choice(["short", "long", "scarf", "bun", "curly"])
    scarf = _hex(rng.choice(_CLOTHES)) if style == "scarf" else None

    # Hair or scarf behind the head.
    if style == "long":
        s.draw.rounded_rectangle(
            [cx - r * 1.08, cy - r * 1.12, cx + r * 1.08, cy + r * 1.75], radius=r, fill=hair
        )
    elif style == "curly":
        for angle in range(0, 360, 30):
            bx = cx + math.cos(math.radians(angle)) * r * 0.85
            by = cy - r * 0.15 + math.sin(math.radians(angle)) * r * 0.9
            if by < cy + r * 0.35:
                s.draw.ellipse(
                    [bx - r * 0.38, by - r * 0.38, bx + r * 0.38, by + r * 0.38], fill=hair
                )
    elif scarf is not None:
        s.draw.ellipse([cx - r * 1.25, cy - r * 1.28, cx + r * 1.25, cy + r * 1.45], fill=scarf)

    # Shoulders, neck and collar.
    sw = r * rng.uniform(2.7, 3.1)
    s.draw.rounded_rectangle([cx - sw, shoulders, cx + sw, h * 1.4], radius=r * 1.3, fill=clothes)
    neck = _shade(skin, -0.1)
    if scarf is None:
        s.draw.rectangle(
            [cx - r * 0.36, cy + r * 0.6, cx + r * 0.36, shoulders + r * 0.1], fill=neck
        )
        s.draw.polygon(
            [(cx - r * 0.55, shoulders), (cx, shoulders + r * 0.7), (cx + r * 0.55, shoulders)],
            fill=neck,
        )
        s.draw.line(
            [(cx - r * 0.7, shoulders), (cx, shoulders + r * 0.8), (cx + r * 0.7, shoulders)],
            fill=_shade(clothes, 0.25),
            width=int(u * 1.2),
            joint="curve",
        )
    else:  # the scarf falls over the shoulders in a soft V
        s.draw.polygon(
            [
                (cx - r * 1.2, cy + r * 0.2),
                (cx + r * 1.2, cy + r * 0.2),
                (cx + r * 1.75, shoulders + r * 0.5),
                (cx, shoulders + r * 1.25),
                (cx - r * 1.75, shoulders + r * 0.5),
            ],
            fill=scarf,
        )
        s.draw.line(
            [
                (cx - r * 1.2, shoulders + r * 0.2),
                (cx, shoulders + r * 0.95),
                (cx + r * 1.2, shoulders + r * 0.2),
            ],
            fill=_shade(scarf, -0.12),
            width=int(u * 1.0),
            joint="curve",
        )

    # Face, ears and hair on top.
    fr = r * (0.84 if scarf is not None else 1.0)
    if style in {"short", "bun", "curly"}:
        for side in (-1, 1):
            ex = cx + side * fr * 0.86
            s.draw.ellipse(
                [ex - fr * 0.16, cy - fr * 0.12, ex + fr * 0.16, cy + fr * 0.26], fill=skin
            )
    if style in {"short", "long", "bun"}:  # hair framing the top and sides of the face
        s.draw.ellipse([cx - fr * 0.97, cy - fr * 1.12, cx + fr * 0.97, cy + fr * 0.35], fill=hair)
    s.draw.ellipse([cx - fr * 0.86, cy - fr, cx + fr * 0.86, cy + fr * 1.02], fill=skin)
    if style in {"short", "long", "bun"}:  # a side-swept fringe, parted left or right
        start = rng.choice([200, 160])
        s.draw.chord(
            [cx - fr * 0.9, cy - fr * 1.08, cx + fr * 0.9, cy + fr * 0.2],
            start,
            start + 180,
            fill=hair,
        )
    if style == "bun":
        br = fr * 0.36
        s.draw.ellipse([cx - br, cy - fr * 1.32 - br, cx + br, cy - fr * 1.32 + br], fill=hair)
    if style == "curly":
        for bx in (-0.5, -0.15, 0.2, 0.52):
            px, py = cx + bx * fr, cy - fr * 0.78
            s.draw.ellipse(
                [px - fr * 0.32, py - fr * 0.3, px + fr * 0.32, py + fr * 0.3], fill=hair
            )

    # Simple eyes and a gentle smile keep the figure friendly but abstract.
    eye = fr * 0.07
    for side in (-1, 1):
        ex, ey = cx + side * fr * 0.32, cy + fr * 0.15
        s.draw.ellipse([ex - eye, ey - eye, ex + eye, ey + eye], fill=_shade(skin, -0.6))
    s.draw.arc(
        [cx - fr * 0.24, cy + fr * 0.3, cx + fr * 0.24, cy + fr * 0.62],
        20,
        160,
        fill=_shade(skin, -0.45),
        width=int(u * 0.7),
    )
    return (_HAIR_WORDS[style],)


def _scene_landscape(s: _Scene, p: dict[str, RGB]) -> Subject:
    rng, w, h, u = s.rng, s.w, s.h, s.u
    horizon = h * rng.uniform(0.55, 0.62)
    sun_x = w * rng.uniform(0.15, 0.85)
    _sky(s, p, horizon, (sun_x, h * rng.uniform(0.15, 0.3), u * rng.uniform(5, 8)))
    bird_x = sun_x + rng.choice([-1, 1]) * w * rng.uniform(0.2, 0.3)
    s.birds(bird_x % w, h * rng.uniform(0.3, 0.4), rng.randint(2, 5), _shade(p["sky_top"], -0.3))
    s.draw.rectangle([0, horizon, w, h], fill=p["far"])
    for layer in range(2):  # two ranges of mountains, the far one paler
        color = _mix(p["peak"], p["sky_low"], 0.35) if layer == 0 else p["peak"]
        x = -rng.uniform(5, 30) * u
        while x < w:
            pw = u * rng.uniform(28, 55)
            ph = u * rng.uniform(14, 34) * (1.0 if layer == 0 else 0.7)
            peak = (x + pw / 2 + rng.uniform(-4, 4) * u, horizon - ph)
            s.draw.polygon([(x, horizon + 1), peak, (x + pw, horizon + 1)], fill=color)
            s.draw.polygon(
                [peak, (x + pw, horizon + 1), (x + pw * 0.62, horizon + 1)],
                fill=_shade(color, -0.1),
            )
            if ph > u * 20:
                cap = 0.26
                s.draw.polygon(
                    [
                        peak,
                        (peak[0] + pw / 2 * cap, peak[1] + ph * cap),
                        (peak[0], peak[1] + ph * cap * 0.8),
                        (peak[0] - pw / 2 * cap, peak[1] + ph * cap),
                    ],
                    fill=p["snow"],
                )
            x += pw * rng.uniform(0.6, 1.1) * (1.3 if layer == 1 else 1.0)
    lake = rng.random() < 0.6
    if lake:
        lake_top = horizon + u * 4
        s.ridge(horizon + u * 4, u * 6, p["far"], waves=1.2)
        s.water(lake_top + u * 4, [p["lake"], p["lake_low"]], p["sky_low"])
    else:
        s.ridge(horizon + u * 4, u * 8, p["far"], waves=1.2)
        s.ridge(horizon + u * 14, u * 8, p["mid"], waves=1.0)
    near = s.ridge(h - u * 10, u * 10, p["near"], waves=0.8)
    for _ in range(rng.randint(5, 9)):
        tx = rng.uniform(0, w)
        s.tree(tx, near(tx) + u * 4, u * rng.uniform(14, 24), p["tree"], p["trunk"])
    s.ridge(h - u * 3, u * 4, p["ground_near"], waves=0.6)
    return ("mountain", "lake" if lake else "hill|valley|countryside")


#: How an alternative text names each hair style of a portrait.
_HAIR_WORDS = {
    "short": "short hair",
    "long": "long hair",
    "scarf": "scarf",
    "bun": "bun",
    "curly": "curly",
}

#: The light of each mood of a theme, where it matters to a description (by mood, in order).
_LIGHT: dict[str, tuple[Subject, ...]] = {
    "city": ((), ("dusk|evening|night",)),
    "landscape": ((), ("dusk|evening",)),
}

_THEMES: dict[str, Callable[[_Scene, dict[str, RGB]], Subject]] = {
    "migration": _scene_migration,
    "immunization": _scene_immunization,
    "community": _scene_community,
    "city": _scene_city,
    "camp": _scene_camp,
    "document": _scene_document,
    "portrait": _scene_portrait,
    "landscape": _scene_landscape,
}


def _seeded(*parts: str) -> random.Random:
    """A random generator seeded from a stable hash (``hash()`` is salted per process)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _draw(
    key: str, theme: str, label: str | None, width: int, height: int
) -> tuple[Image.Image, Subject]:
    if width < 16 or height < 16:
        raise ValueError("Pictures must be at least 16x16 pixels.")
    theme = theme if theme in _THEMES else "landscape"
    rng = _seeded(theme, key, label or "")
    moods = _MOODS[theme]
    mood = rng.choice(moods)
    palette = _palette(rng, mood)
    scene = _Scene(rng, width, height)
    subject = (
        _THEMES[theme](scene, palette) + _LIGHT.get(theme, ((),) * len(moods))[moods.index(mood)]
    )
    image = scene.finish(width, height, mirror=theme != "document" and rng.random() < 0.5)
    return image, subject


def make_picture(
    key: str, theme: str, label: str | None = None, width: int = 1600, height: int = 1000
) -> bytes:
    """Return JPEG bytes of a flat-design illustration for ``theme``.

    The picture is fully determined by ``key`` and ``theme``: the same arguments always give
    the same bytes, while different keys vary the palette, layout and details. Known themes are
    ``migration``, ``immunization``, ``community``, ``city``, ``camp``, ``document``,
    ``portrait`` and ``landscape``; anything else falls back to ``landscape``.

    ``label`` is never drawn (pictures are kept free of text); it only takes part in seeding,
    so two pictures with the same key but different labels also differ.
    """
    image, _subject = _draw(key, theme, label, width, height)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=_JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def picture_subject(
    key: str, theme: str, label: str | None = None, width: int = 1600, height: int = 1000
) -> Subject:
    """What :func:`make_picture` draws for the same arguments, as the words a description of
    it should use (see ``Subject``): the variant of the scene, the hair style of a portrait,
    the light of the sky."""
    return _draw(key, theme, label, width, height)[1]


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
) -> bytes:
    """Return the bytes of a text-based A4 PDF.

    ``sections`` is a list of ``(heading, paragraphs)``; paragraphs starting with ``"- "`` are
    set as list items. For a report (any ``kind`` except ``"poster"``) page 1 is a cover with
    the title, subtitle, organisation and date, followed by the sections with a running header
    and "Page N of M" footers. If the result is shorter than ``min_pages``, annex pages listing
    the section headings (with ruled space for notes) are appended until it is long enough.

    ``kind="poster"`` produces a single-page poster instead, with the sections set as large
    text blocks; short paragraphs containing a phone number are shown extra large.

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
    pdf.set_lang("en")
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
