"""The drawing surface, palette and geometry helpers of the demo's illustrations.

Everything is drawn at twice the output size with ``ImageDraw`` primitives and downscaled with
LANCZOS for smooth edges. Nothing is random, so the output is repeatable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
SUPERSAMPLE = 2

Point = tuple[float, float]
Color = tuple[int, int, int]

# One calm palette for the whole set.
BACKGROUND = (246, 244, 238)
GLOW = (222, 240, 235)
FLOOR = (236, 224, 203)
FLOOR_LINE = (222, 205, 178)
TEAL = (46, 150, 140)
TEAL_DARK = (30, 112, 108)
TEAL_LIGHT = (140, 204, 193)
TEAL_PALE = (204, 232, 226)
NAVY = (63, 96, 122)
NAVY_DARK = (48, 76, 99)
SKY = (206, 229, 236)
SAND = (228, 192, 143)
SAND_DARK = (196, 154, 104)
SAND_LIGHT = (245, 228, 200)
CORAL = (236, 122, 102)
CORAL_DARK = (206, 96, 80)
CORAL_LIGHT = (246, 180, 162)
SLATE = (46, 60, 70)
GREY = (150, 162, 168)
WHITE = (253, 252, 249)
SKIN = (226, 172, 136)

LINE = 5.0  # outline width in output pixels


# Geometry helpers ------------------------------------------------------------------------------


def lerp(p: Point, q: Point, t: float) -> Point:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def along(a: Point, b: Point, t: float, out: float) -> Point:
    """A point a share t of the way from a to b, moved out to the left of that direction."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    x, y = lerp(a, b, t)
    return (x + dy / d * out, y - dx / d * out)


def polar(center: Point, radius: float, degrees: float) -> Point:
    """A point on a circle; 0 degrees points right and angles turn clockwise (y grows down)."""
    a = math.radians(degrees)
    return (center[0] + radius * math.cos(a), center[1] + radius * math.sin(a))


def rotate(points: Sequence[Point], center: Point, degrees: float) -> list[Point]:
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    cx, cy = center
    return [
        (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)
        for x, y in points
    ]


def closed(points: Sequence[Point]) -> list[Point]:
    """The points of a polygon as a path that returns to its start."""
    return [*points, points[0]]


def smooth(points: Sequence[Point], rounds: int = 3) -> list[Point]:
    """Round the corners of a closed polygon (Chaikin's corner cutting)."""
    pts = list(points)
    for _ in range(rounds):
        nxt = []
        for i, p in enumerate(pts):
            q = pts[(i + 1) % len(pts)]
            nxt += [lerp(p, q, 0.25), lerp(p, q, 0.75)]
        pts = nxt
    return pts


def arc(center: Point, rx: float, ry: float, start: float, end: float, steps: int = 24):
    """Points along an elliptical arc from start to end degrees."""
    return [
        (
            center[0] + rx * math.cos(math.radians(start + (end - start) * i / steps)),
            center[1] + ry * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


def wave(start: Point, length: float, amplitude: float, waves: float, steps: int = 40):
    """A vertical wavy line rising from start."""
    return [
        (
            start[0] + amplitude * math.sin(2 * math.pi * waves * i / steps),
            start[1] - length * i / steps,
        )
        for i in range(steps + 1)
    ]


def leaf(base: Point, tip: Point, width: float, steps: int = 12) -> list[Point]:
    """A pointed leaf (a lens shape) from base to tip."""
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    side = []
    for i in range(steps + 1):
        t = i / steps
        bulge = width / 2 * math.sin(math.pi * t) ** 0.8
        side.append((base[0] + dx * t + nx * bulge, base[1] + dy * t + ny * bulge))
    other = [
        (base[0] + dx * t - nx * w, base[1] + dy * t - ny * w)
        for t, w in (
            (i / steps, width / 2 * math.sin(math.pi * i / steps) ** 0.8)
            for i in range(steps - 1, 0, -1)
        )
    ]
    return side + other


def box_points(center: Point, w: float, h: float, r: float, degrees: float = 0) -> list[Point]:
    """A rounded rectangle as a polygon, turned about its centre."""
    cx, cy = center
    r = min(r, w / 2, h / 2)
    pts: list[Point] = []
    corners = (
        (cx + w / 2 - r, cy - h / 2 + r, 270),
        (cx + w / 2 - r, cy + h / 2 - r, 0),
        (cx - w / 2 + r, cy + h / 2 - r, 90),
        (cx - w / 2 + r, cy - h / 2 + r, 180),
    )
    for x, y, start in corners:
        pts += arc((x, y), r, r, start, start + 90, max(6, int(r / 3)))
    return rotate(pts, center, degrees)


@dataclass(frozen=True)
class Frame:
    """Local coordinates: an origin, a scale, a turn (degrees, clockwise) and a mirror."""

    origin: Point
    scale: float = 1.0
    turn: float = 0.0
    flip: int = 1

    def __call__(self, x: float, y: float) -> Point:
        a = math.radians(self.turn)
        x, y = x * self.flip * self.scale, y * self.scale
        return (
            self.origin[0] + x * math.cos(a) - y * math.sin(a),
            self.origin[1] + x * math.sin(a) + y * math.cos(a),
        )

    def all(self, points: Sequence[Point]) -> list[Point]:
        return [self(x, y) for x, y in points]


def curve(points: Sequence[Point], steps: int = 16) -> list[Point]:
    """A smooth curve through the given points (Catmull-Rom spline)."""
    pts = [points[0], *points, points[-1]]
    out: list[Point] = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1 : i + 3]
        for k in range(steps):
            t = k / steps
            out.append(
                tuple(
                    0.5
                    * (
                        2 * b
                        + (c_ - a) * t
                        + (2 * a - 5 * b + 4 * c_ - d) * t * t
                        + (3 * b - a - 3 * c_ + d) * t**3
                    )
                    for a, b, c_, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    out.append(points[-1])
    return out


def joint(a: Point, b: Point, first: float, second: float, bend: float) -> Point:
    """The middle joint (knee or elbow) of a two-part limb reaching from a to b.

    With bend=1 the joint sits to the right of a limb pointing down; -1 puts it on the left.
    """
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d >= first + second - 0.5:
        return lerp(a, b, first / (first + second))
    along = (first**2 - second**2 + d**2) / (2 * d)
    out = math.sqrt(max(first**2 - along**2, 0.0)) * bend
    ux, uy = dx / d, dy / d
    return (a[0] + ux * along + uy * out, a[1] + uy * along - ux * out)


# Drawing surface -------------------------------------------------------------------------------


class Canvas:
    """A supersampled drawing surface addressed in output pixels."""

    def __init__(self, background: Color = BACKGROUND) -> None:
        size = (WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE)
        self.image = Image.new("RGB", size, background)
        self.pen = ImageDraw.Draw(self.image)

    @staticmethod
    def _xy(points: Sequence[Point]) -> list[Point]:
        return [(x * SUPERSAMPLE, y * SUPERSAMPLE) for x, y in points]

    def line(self, points: Sequence[Point], width: float, color: Color) -> None:
        """A polyline with round joins and round ends."""
        pts = self._xy(points)
        w = width * SUPERSAMPLE
        # Pillow's curved joins are clean on thin lines but leave slivers on thick ones, so
        # thick lines get a disc at every vertex instead.
        thin = w <= 12
        if len(pts) > 1:
            self.pen.line(pts, fill=color, width=round(w), joint="curve" if thin else None)
        r = w / 2 - 0.5  # Pillow's ellipse box includes its far edge
        for x, y in (pts[0], pts[-1]) if thin else pts:
            self.pen.ellipse((x - r, y - r, x + r, y + r), fill=color)

    def stroke(self, points: Sequence[Point], width: float, color: Color, border=LINE) -> None:
        """A rounded stroke with a dark outline, used for limbs, poles and straps."""
        self.line(points, width + 2 * border, SLATE)
        self.line(points, width, color)

    def shape(self, points: Sequence[Point], color: Color | None, border=LINE, rounds=0) -> None:
        """A filled polygon with an outline; rounds softens its corners."""
        pts = smooth(points, rounds) if rounds else list(points)
        if color is not None:
            self.pen.polygon(self._xy(pts), fill=color)
        if border:
            self.line(closed(pts), border, SLATE)

    def ellipse(self, box: Sequence[float], color: Color | None, border=LINE) -> None:
        """An ellipse whose outline is centred on the box edge."""
        x0, y0, x1, y1 = (v * SUPERSAMPLE for v in box)
        b = border * SUPERSAMPLE
        outer = (x0 - b / 2, y0 - b / 2, x1 + b / 2, y1 + b / 2)
        self.pen.ellipse(outer, fill=color, outline=SLATE if b else None, width=round(b))

    def circle(self, center: Point, radius: float, color: Color | None, border=LINE) -> None:
        x, y = center
        self.ellipse((x - radius, y - radius, x + radius, y + radius), color, border)

    def rect(self, box: Sequence[float], color: Color | None, radius=10.0, border=LINE) -> None:
        """A rounded rectangle whose outline is centred on the box edge."""
        x0, y0, x1, y1 = (v * SUPERSAMPLE for v in box)
        b, r = border * SUPERSAMPLE, radius * SUPERSAMPLE
        outer = (x0 - b / 2, y0 - b / 2, x1 + b / 2, y1 + b / 2)
        self.pen.rounded_rectangle(
            outer, radius=r + b / 2, fill=color, outline=SLATE if b else None, width=round(b)
        )

    def dashed(self, points: Sequence[Point], width: float, color: Color, dash=18.0, gap=14.0):
        """A dashed polyline with round-ended dashes."""
        pos, on = 0.0, True
        for p, q in zip(points, points[1:], strict=False):
            length = math.hypot(q[0] - p[0], q[1] - p[1])
            t = 0.0
            while t < length:
                step = min((dash if on else gap) - pos, length - t)
                if on:
                    self.line(
                        [lerp(p, q, t / length), lerp(p, q, (t + step) / length)], width, color
                    )
                t += step
                pos += step
                if pos >= (dash if on else gap) - 1e-6:
                    pos, on = 0.0, not on

    def arrow(self, points: Sequence[Point], width: float, color: Color) -> None:
        """A line ending in a triangular arrow head."""
        head = width * 2.6
        (x0, y0), (x1, y1) = points[-2], points[-1]
        d = math.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / d, (y1 - y0) / d
        self.line([*points[:-1], (x1 - ux * head * 0.5, y1 - uy * head * 0.5)], width, color)
        tip = (x1 + ux * head * 0.5, y1 + uy * head * 0.5)
        back = (x1 - ux * head * 0.6, y1 - uy * head * 0.6)
        wing = head * 0.8
        corners = [
            tip,
            (back[0] - uy * wing, back[1] + ux * wing),
            (back[0] + uy * wing, back[1] - ux * wing),
        ]
        self.pen.polygon(self._xy(corners), fill=color)
        self.line([*corners, tip], width * 0.5, color)

    def finish(self) -> Image.Image:
        return self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
