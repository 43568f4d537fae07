"""Flat illustrations for the demo site, drawn with Pillow.

The demo ships no image files, so the content loader asks this module for pictures instead.
``ILLUSTRATIONS`` maps each key to alt text that describes the drawing, and ``draw(key)`` returns
a 1600x900 RGB image. Everything is drawn at twice that size with ``ImageDraw`` primitives and
downscaled with LANCZOS for smooth edges. Nothing is random, so the output is repeatable.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
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


# People ----------------------------------------------------------------------------------------

UPPER_ARM, FOREARM, THIGH, SHIN = 122.0, 116.0, 172.0, 176.0
ARM_W, LEG_W, TORSO_W, NECK_W = 30.0, 40.0, 78.0, 26.0
HEAD_R = 46.0


def profile_head(c: Canvas, center: Point, r: float, facing=1, tilt=0.0) -> None:
    """A head seen from the side; a positive tilt nods it forward."""
    f = Frame(center, r, tilt * facing, facing)
    c.circle(f(0.94, 0.12), r * 0.2, SKIN)
    c.circle(center, r, SKIN)
    hairline = [(0.45, -0.52), (0.0, -0.45), (-0.3, -0.2), (-0.36, 0.1), (-0.5, 0.5)]
    c.shape(f.all(arc((0, 0), 1.05, 1.05, 125, 332, 24) + hairline), SLATE, border=0)
    c.shape(f.all(arc((-0.3, 0.11), 0.14, 0.19, 0, 360, 16)), SKIN, border=LINE * 0.7)
    c.circle(f(0.52, 0.0), r * 0.08, SLATE, border=0)
    c.line(f.all(arc((0.6, 0.3), 0.18, 0.16, 40, 110, 6)), 4, SLATE)


def front_head(c: Canvas, center: Point, r: float, tilt=0.0, asleep=False) -> None:
    """A smiling head seen from the front; tilt turns it clockwise."""
    f = Frame(center, r, tilt)
    for side in (-1, 1):
        c.circle(f(side * 0.98, 0.12), r * 0.18, SKIN)
    c.circle(center, r, SKIN)
    hairline = [(0.86, -0.28), (0.4, -0.5), (-0.3, -0.55), (-0.86, -0.28)]
    c.shape(f.all(arc((0, 0), 1.05, 1.05, 168, 372, 24) + hairline), SLATE, border=0)
    for side in (-1, 1):
        if asleep:
            c.line(f.all(arc((side * 0.36, 0.08), 0.13, 0.08, 20, 160, 8)), 4, SLATE)
        else:
            c.circle(f(side * 0.36, 0.08), r * 0.08, SLATE, border=0)
        c.circle(f(side * 0.56, 0.36), r * 0.12, CORAL_LIGHT, border=0)
    c.line(f.all(arc((0, 0.28), 0.2, 0.15, 25, 155, 10)), 4, SLATE)


def shoe(c: Canvas, ankle: Point, toe: Point, facing=1) -> None:
    """A trainer drawn along the foot from the ankle to the toes."""
    length = math.hypot(toe[0] - ankle[0], toe[1] - ankle[1])
    turn = math.degrees(math.atan2(toe[1] - ankle[1], toe[0] - ankle[0]))
    f = Frame(ankle, 1.0, turn if facing > 0 else turn - 180, facing)
    upper = [
        (-22, -14),
        (-2, -22),
        (length * 0.5, -14),
        (length + 4, -4),
        (length + 12, 10),
        (length + 6, 18),
        (-24, 18),
    ]
    c.shape(f.all(upper), SLATE, rounds=2)


@dataclass
class Profile:
    """A person seen from the side: where the hips, chest, head, hands and feet are."""

    hip: Point
    chest: Point
    head: Point
    hands: tuple[Point, Point]  # near, far
    feet: tuple[tuple[Point, Point], tuple[Point, Point]]  # (ankle, toe): near, then far
    facing: int = 1
    tilt: float = 0.0


def draw_profile(c: Canvas, p: Profile, between: Callable[[], None] | None = None) -> None:
    """Draw a side-on person, far limbs first; between() draws anything between the legs."""
    f = p.facing

    def arm(hand: Point, color: Color) -> None:
        elbow = joint(p.chest, hand, UPPER_ARM, FOREARM, -f)
        c.stroke([p.chest, elbow, hand], ARM_W, color)
        c.circle(hand, ARM_W * 0.56, SKIN)

    def leg(foot: tuple[Point, Point], color: Color) -> None:
        ankle, toe = foot
        knee = joint(p.hip, ankle, THIGH, SHIN, f)
        c.stroke([p.hip, knee, lerp(knee, ankle, 0.92)], LEG_W, color)
        shoe(c, ankle, toe, f)

    arm(p.hands[1], TEAL_DARK)  # the far side is a shade darker
    leg(p.feet[1], NAVY_DARK)
    if between:
        between()
    leg(p.feet[0], NAVY)
    c.stroke([p.chest, p.head], NECK_W, SKIN)
    c.stroke([p.chest, p.hip], TORSO_W, TEAL)
    profile_head(c, p.head, HEAD_R, f, p.tilt)
    arm(p.hands[0], TEAL)


@dataclass
class Front:
    """A person facing us; lean tips the upper body sideways (degrees, clockwise)."""

    pelvis: Point
    hands: tuple[Point, Point]  # the viewer's left, then right
    ankles: tuple[Point, Point]
    lean: float = 0.0
    tilt: float = 0.0
    bends: tuple[float, float] = (1, -1)  # which way each elbow bends
    scale: float = 1.0
    neck: float = 50.0  # from the base of the neck to the centre of the head


TORSO_FRONT = 195.0


def draw_front(c: Canvas, p: Front) -> Point:
    """Draw a front-facing person and return the centre of the head."""
    s, t = p.scale, TORSO_FRONT
    body = Frame(p.pelvis, s, p.lean)
    px, py = p.pelvis
    (lx, ly), (rx, ry) = p.ankles
    trousers = [
        (px - 62 * s, py - 20 * s),
        (px + 62 * s, py - 20 * s),
        (px + 66 * s, py + 30 * s),
        (rx + 24 * s, ry),
        (rx - 20 * s, ry),
        (px, py + 55 * s),
        (lx + 20 * s, ly),
        (lx - 24 * s, ly),
        (px - 66 * s, py + 30 * s),
    ]
    c.shape(trousers, NAVY, rounds=2)
    for x, y in p.ankles:
        out = 12 * s if x > px else -12 * s
        c.ellipse((x - 32 * s + out, y - 6 * s, x + 32 * s + out, y + 22 * s), SLATE, 0)

    neck = body(0, -t - 6)
    head = polar(neck, p.neck * s, -90 + p.lean + p.tilt)
    c.stroke([body(0, -t + 24), neck, lerp(neck, head, 0.5)], NECK_W * 1.2 * s, SKIN)
    c.shape(
        body.all(
            [
                (-60, 4),
                (-60, -20),
                (-66, -t * 0.5),
                (-90, -t + 30),
                (-80, -t + 6),
                (-34, -t),
                (34, -t),
                (80, -t + 6),
                (90, -t + 30),
                (66, -t * 0.5),
                (60, -20),
                (60, 4),
                (0, 6),
            ]
        ),
        TEAL,
        rounds=3,
    )
    c.shape(body.all([(-20, -t + 2), (0, -t + 22), (20, -t + 2)]), SKIN, border=0, rounds=2)
    shoulders = (body(-72, -t + 28), body(72, -t + 28))

    def arm(side: int) -> None:
        shoulder, hand = shoulders[side], p.hands[side]
        elbow = joint(shoulder, hand, UPPER_ARM * s, FOREARM * s, p.bends[side])
        c.stroke([shoulder, elbow, hand], ARM_W * s, TEAL)
        c.circle(hand, ARM_W * 0.56 * s, SKIN)

    arm(0)
    arm(1)
    front_head(c, head, HEAD_R * 1.04 * s, p.lean + p.tilt)
    return head


# Scenery and objects ---------------------------------------------------------------------------


def room(c: Canvas, floor_y: float | None, glow: tuple[float, float, float] | None) -> None:
    """Wall, a soft round glow behind the subject and a floor."""
    if glow:
        c.circle(glow[:2], glow[2], GLOW, border=0)
    if floor_y is not None:
        c.pen.rectangle(
            (0, floor_y * SUPERSAMPLE, WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE), fill=FLOOR
        )
        c.line([(-10, floor_y), (WIDTH + 10, floor_y)], 4, FLOOR_LINE)


def shadow(c: Canvas, x0: float, x1: float, y: float, depth: float = 26.0) -> None:
    """A soft flat shadow under an object."""
    c.ellipse((x0, y - depth / 2, x1, y + depth / 2), FLOOR_LINE, border=0)


def plant(c: Canvas, x: float, floor_y: float, s: float = 1.0) -> None:
    """A leafy plant in a round pot standing on the floor."""
    top = floor_y - 110 * s
    base = (x, top + 6 * s)
    for degrees, length, color in (
        (-160, 140, TEAL_LIGHT),
        (-20, 140, TEAL_LIGHT),
        (-130, 200, TEAL),
        (-50, 200, TEAL),
        (-105, 240, TEAL_LIGHT),
        (-75, 230, TEAL_LIGHT),
        (-90, 170, TEAL),
    ):
        tip = polar(base, length * s, degrees)
        c.shape(leaf(base, tip, 64 * s), color)
        c.line([base, lerp(base, tip, 0.78)], 3, TEAL_DARK)
    c.shape(
        [
            (x - 60 * s, top),
            (x + 60 * s, top),
            (x + 44 * s, floor_y - 4),
            (x - 44 * s, floor_y - 4),
        ],
        CORAL,
    )
    c.rect((x - 70 * s, top - 14 * s, x + 70 * s, top + 14 * s), CORAL_DARK, 8 * s)


def window(c: Canvas, box: tuple[float, float, float, float], night: bool = False) -> None:
    """A two-pane window showing a soft day sky, or a night sky with a moon."""
    x0, y0, x1, y1 = box
    c.rect((x0 - 16, y0 - 16, x1 + 16, y1 + 16), WHITE, 14)
    sky = (72, 98, 128) if night else SKY
    c.rect(box, sky, 6)
    if night:
        c.circle((x1 - 90, y0 + 90), 42, SAND_LIGHT, border=0)
        c.circle((x1 - 70, y0 + 76), 38, sky, border=0)
        for sx, sy in ((x0 + 70, y0 + 70), (x0 + 150, y1 - 90), (x1 - 110, y1 - 60)):
            c.line([(sx - 9, sy), (sx + 9, sy)], 4, SAND_LIGHT)
            c.line([(sx, sy - 9), (sx, sy + 9)], 4, SAND_LIGHT)
    else:
        c.circle((x1 - 95, y0 + 95), 44, SAND_LIGHT, border=0)
        for cx, cy, k in ((x0 + 105, y0 + 120, 1.0), (x1 - 120, y1 - 110, 0.8)):
            for dx, dy, r in ((-36, 8, 26), (0, -8, 36), (38, 6, 28)):
                c.circle((cx + dx * k, cy + dy * k), r * k, WHITE, border=0)
    mid = (x0 + x1) / 2
    c.rect((mid - 8, y0, mid + 8, y1), WHITE, 0)
    c.rect((x0 - 34, y1 + 10, x1 + 34, y1 + 34), WHITE, 8)


def picture(c: Canvas, box: tuple[float, float, float, float]) -> None:
    """A framed picture of soft hills."""
    x0, y0, x1, y1 = box
    c.rect(box, SAND_LIGHT, 8)
    c.rect((x0 + 16, y0 + 16, x1 - 16, y1 - 16), SKY, 4, border=3)
    c.circle((x1 - 60, y0 + 55), 20, SAND, border=0)
    c.shape(
        smooth(
            [
                (x0 + 18, y1 - 18),
                (x0 + 18, y1 - 70),
                (x0 + 90, y1 - 110),
                (x1 - 50, y1 - 50),
                (x1 - 18, y1 - 40),
                (x1 - 18, y1 - 18),
            ],
            2,
        ),
        TEAL_LIGHT,
        border=0,
    )
    c.rect((x0 + 16, y0 + 16, x1 - 16, y1 - 16), None, 4, border=3)


def desk(c: Canvas, x0: float, x1: float, top: float, floor_y: float, leg_at=None) -> None:
    """A simple desk seen from the side, with a drawer unit at the far end."""
    leg = x0 + 22 if leg_at is None else leg_at
    c.rect((leg, top + 10, leg + 24, floor_y), SAND_DARK, 6)
    c.rect((x1 - 170, top + 10, x1 - 16, floor_y), SAND, 10)
    for y in (top + 50, top + 140):
        c.rect((x1 - 150, y, x1 - 36, y + 70), SAND_LIGHT, 8)
        c.line([(x1 - 110, y + 35), (x1 - 76, y + 35)], 8, SAND_DARK)
    c.rect((x0, top, x1, top + 26), SAND, 8)


def monitor(c: Canvas, cx: float, screen_top: float, desk_top: float, w=260.0, h=170.0) -> None:
    """A computer screen on a stand, standing on the desk."""
    c.rect((cx - 60, desk_top - 14, cx + 60, desk_top), GREY, 7)
    c.stroke([(cx, screen_top + h), (cx, desk_top - 12)], 16, GREY)
    c.rect((cx - w / 2, screen_top, cx + w / 2, screen_top + h), SLATE, 12)
    inner = (cx - w / 2 + 12, screen_top + 12, cx + w / 2 - 12, screen_top + h - 12)
    c.rect(inner, TEAL_PALE, 5, border=0)
    glare = [
        (inner[0] + 30, inner[3]),
        (inner[0] + 100, inner[1]),
        (inner[0] + 140, inner[1]),
        (inner[0] + 70, inner[3]),
    ]
    c.shape(glare, (226, 243, 239), border=0)


def office_chair(c: Canvas, x: float, seat_y: float, floor_y: float, s=1.0, arms=True) -> None:
    """An ergonomic office chair seen from the side, facing right.

    (x, seat_y) is the back edge of the seat top. The backrest curves forward at the lower
    back, where a coral lumbar pad sits.
    """
    f = Frame((x, seat_y), s)
    hub = x + 110 * s
    c.stroke(f.all([(40, 24), (-6, 12), (-16, -40)]), 22 * s, SLATE, border=0)
    back = curve([(-22, -24), (-8, -88), (-20, -160), (-32, -230), (-30, -296)], 10)
    c.stroke(f.all(back), 46 * s, TEAL)
    c.stroke(f.all(curve([(0, -52), (12, -90), (2, -128)], 8)), 18 * s, CORAL)
    if arms:
        c.stroke(f.all([(80, 16), (74, -78)]), 16 * s, GREY)
        c.rect((*f(34, -92), *f(160, -72)), SLATE, 10 * s)
    c.rect((hub - 34 * s, seat_y + 20 * s, hub + 34 * s, seat_y + 46 * s), GREY, 6 * s)
    c.stroke(
        [(hub + 20 * s, seat_y + 40 * s), (hub + 70 * s, seat_y + 56 * s)],
        8 * s,
        GREY,
        border=LINE * 0.8,
    )
    c.rect((*f(-14, 0), *f(210, 36)), TEAL, 18 * s)
    c.rect((hub - 11 * s, seat_y + 40 * s, hub + 11 * s, floor_y - 60 * s), GREY, 4 * s)
    c.rect((hub - 18 * s, floor_y - 120 * s, hub + 18 * s, floor_y - 46 * s), SLATE, 6 * s)
    legs = [
        (hub - 110 * s, floor_y - 30 * s),
        (hub, floor_y - 50 * s),
        (hub + 110 * s, floor_y - 30 * s),
    ]
    c.stroke(legs, 14 * s, SLATE, border=0)
    for wx in (hub - 110 * s, hub, hub + 110 * s):
        c.circle((wx, floor_y - 15 * s), 15 * s, GREY)


def cardboard_box(c: Canvas, box: tuple[float, float, float, float]) -> None:
    """A cardboard box with a taped top and a hand hole near the top."""
    x0, y0, x1, y1 = box
    mid = (x0 + x1) / 2
    c.rect(box, SAND, 8)
    c.line([(x0 + 4, y0 + 20), (x1 - 4, y0 + 20)], 4, SAND_DARK)
    c.rect((mid - 22, y0, mid + 22, y0 + 20), SAND_LIGHT, 3, border=3)
    c.rect((mid - 36, y0 + 44, mid + 36, y0 + 66), SAND_DARK, 11, border=3)


def bed(
    c: Canvas, x0: float, x1: float, top: float, floor_y: float, deep=90.0, springs=False
) -> None:
    """A wooden bed frame holding a mattress whose top is at top.

    With springs, the mattress side shows a quilted top layer over a row of coil springs.
    """
    rail = top + deep
    c.rect((x0, top - 230, x0 + 54, floor_y), SAND_DARK, 24)
    c.rect((x1 - 46, top - 60, x1, floor_y), SAND_DARK, 20)
    c.rect((x0 + 30, rail - 4, x1 - 20, rail + 50), SAND, 10)
    c.rect((x0 + 54, top, x1 - 46, rail), WHITE, 30)
    if not springs:
        band = top + deep * 0.3
        c.line([(x0 + 66, band), (x1 - 58, band)], 5, TEAL_LIGHT)
        for i in range(int((x1 - x0 - 150) // 64) + 1):
            c.circle((x0 + 110 + i * 64, (band + rail) / 2), 5, TEAL_LIGHT, border=0)
        return
    layer = top + deep * 0.32
    c.rect((x0 + 54, top, x1 - 46, layer), TEAL_PALE, 24)
    for i in range(int((x1 - x0 - 200) // 80) + 1):
        c.line(arc((x0 + 120 + i * 80, top + 4), 40, deep * 0.24, 20, 160, 10), 4, TEAL_LIGHT)
    low = rail - 16
    rings = 5
    pitch = (low - layer - 30) / (rings - 1)
    for i in range(int((x1 - x0 - 170) // 48) + 1):
        sx = x0 + 104 + i * 48
        turns = [2 * math.pi * k / 20 for k in range(20 * (rings - 1) + 1)]
        coil = [
            (sx + 15 * math.cos(t), layer + 18 + pitch * t / (2 * math.pi) + 6 * math.sin(t))
            for t in turns
        ]
        c.line(coil, 4, GREY)
    c.line([(x0 + 60, low + 2), (x1 - 52, low + 2)], 4, TEAL_LIGHT)


def pillow_points(center: Point, w: float, h: float) -> list[Point]:
    """A plump pillow seen from the front: a rectangle with softly bulging sides."""
    pts = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        cos, sin = math.cos(t), math.sin(t)
        pts.append(
            (
                w / 2 * math.copysign(abs(cos) ** 0.5, cos),
                h / 2 * math.copysign(abs(sin) ** 0.5, sin),
            )
        )
    return Frame(center).all(pts)


def pillow(c: Canvas, center: Point, w: float, h: float, color: Color, side: Color) -> None:
    """A plump pillow with pinched corners and a little depth along its lower edge."""
    cx, cy = center
    for dx in (-1, 1):
        for dy in (-1, 1):
            corner = (cx + dx * w * 0.4, cy + dy * h * 0.34)
            tip = (cx + dx * w * 0.52, cy + dy * h * 0.55)
            wing = 0.12 * w
            c.shape(
                [(corner[0] - dx * wing, corner[1]), tip, (corner[0], corner[1] - dy * wing)],
                side if dy > 0 else color,
                rounds=3,
            )
    c.shape(pillow_points((cx, cy + h * 0.06), w, h), side)
    c.shape(pillow_points(center, w, h), color)


def side_pillow_points(center: Point, w: float, h: float, degrees: float = 0.0) -> list[Point]:
    """A pillow seen side-on: a long soft lozenge."""
    pts = [
        (-0.5, 0),
        (-0.42, -0.45),
        (0, -0.55),
        (0.42, -0.45),
        (0.5, 0),
        (0.42, 0.45),
        (0, 0.5),
        (-0.42, 0.45),
    ]
    return Frame(center, 1.0, degrees).all(smooth([(x * w, y * h) for x, y in pts], 3))


def tree(c: Canvas, x: float, ground: float, height: float, r: float, color=TEAL_LIGHT) -> None:
    """A round-topped tree."""
    c.stroke([(x, ground), (x, ground - height)], r * 0.2, SAND_DARK)
    c.circle((x, ground - height - r * 0.55), r, color)


# Scenes ----------------------------------------------------------------------------------------


def _home(c: Canvas) -> None:
    floor = 780
    room(c, floor, (800, 470, 380))
    window(c, (130, 120, 500, 540))
    picture(c, (1080, 170, 1300, 340))
    plant(c, 1340, floor, 1.1)
    c.rect((600, floor - 8, 1000, floor + 16), TEAL_LIGHT, 12)
    pelvis = (800, floor - 330)
    draw_front(
        c,
        Front(
            pelvis, ((776, 66), (824, 66)), ((735, floor - 30), (865, floor - 30)), bends=(1, -1)
        ),
    )


def _spine(c: Canvas) -> None:
    room(c, None, (800, 450, 420))
    guide = curve(
        [(786, 50), (818, 150), (802, 250), (752, 385), (766, 515), (804, 615), (810, 720)], 20
    )
    marks = [0.0]
    for p, q in zip(guide, guide[1:], strict=False):
        marks.append(marks[-1] + math.hypot(q[0] - p[0], q[1] - p[1]))

    def frame_at(dist: float) -> Frame:
        i = min(max(bisect.bisect_left(marks, dist), 1), len(marks) - 1)
        p, q = guide[i - 1], guide[i]
        t = min(max((dist - marks[i - 1]) / (marks[i] - marks[i - 1]), 0.0), 1.0)
        down = math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
        return Frame(lerp(p, q, t), 1.0, down - 90)

    # (depth, height, disc below, spinous process length and droop) for the 7 neck,
    # 12 chest and 5 lower back vertebrae, top to bottom
    sizes = [(44 + 2 * i, 16, 7, 0.45, 0.3) for i in range(7)]
    sizes += [(60 + 1.6 * i, 19 + 0.8 * i, 8, 0.8, 0.9) for i in range(12)]
    sizes += [(84 + 2 * i, 30, 11, 0.6, 0.2) for i in range(5)]
    scale = marks[-1] / sum(h + d for _, h, d, _, _ in sizes)
    pos, bones, discs = 0.0, [], []
    for depth, height, disc, reach, droop in sizes:
        height, disc = height * scale, disc * scale
        bones.append((frame_at(pos + height / 2), depth, height, reach, droop))
        pos += height
        discs.append((frame_at(pos + disc / 2), depth * 0.9, disc + 4))
        pos += disc
    for f, depth, height, reach, droop in bones:
        back, tip = -depth / 2 + 6, -depth / 2 - depth * reach
        spur = [
            (back, -height * 0.42),
            (tip + depth * 0.3, -height * 0.28),
            (tip, height * droop),
            (tip + 6, height * (droop + 0.3)),
            (back - depth * 0.2, height * 0.45),
            (back, height * 0.4),
        ]
        c.shape(f.all(spur), SAND, rounds=1)
    for f, depth, height in discs[:-1]:
        c.shape(f.all(box_points((0, 0), depth, height, height / 2)), TEAL_LIGHT, border=3)
    for f, depth, height, _, _ in bones:
        c.shape(f.all(box_points((0, 0), depth, height - 4, height * 0.3)), SAND_LIGHT)
    f, w, _ = discs[-1]
    sacrum = [
        (0.5 * w, -4),
        (-0.55 * w, -4),
        (-0.75 * w, 0.5 * w),
        (-0.95 * w, 0.95 * w),
        (-1.15 * w, 1.32 * w),
        (-1.06 * w, 1.45 * w),
        (-0.72 * w, 1.12 * w),
        (-0.15 * w, 0.7 * w),
        (0.42 * w, 0.32 * w),
    ]
    c.shape(f.all(sacrum), SAND_LIGHT, rounds=2)
    for k in (0.3, 0.58, 0.86):
        c.line(
            [f(-0.6 * w - 0.3 * k * w, k * w), f(0.3 * w - 0.6 * k * w, k * w * 0.75)], 4, SAND_DARK
        )


def _seated_at_desk(c: Canvas, floor: float, x: float, desk_end: float) -> tuple[Profile, float]:
    """A chair, a desk, a screen at eye level and a person sitting upright at them.

    Returns the person (not yet drawn) and the height of the desk top.
    """
    hip = (x, floor - 200)
    chest = (x, hip[1] - 172)
    head = (x + 8, chest[1] - 94)
    desk_top = floor - 262
    office_chair(c, x - 46, floor - 176, floor, arms=False)
    desk(c, x + 90, desk_end, desk_top, floor, leg_at=x + 164)
    monitor(c, x + 420, head[1] - 24, desk_top)
    c.rect((x + 96, desk_top - 12, x + 236, desk_top), GREY, 6, border=4)
    person = Profile(
        hip=hip,
        chest=chest,
        head=head,
        hands=((x + 118, desk_top - 24), (x + 130, desk_top - 26)),
        feet=(
            ((x + 176, floor - 26), (x + 232, floor - 26)),
            ((x + 160, floor - 26), (x + 216, floor - 26)),
        ),
    )
    return person, desk_top


def _posture(c: Canvas) -> None:
    floor = 790
    room(c, floor, (720, 460, 390))
    person, _ = _seated_at_desk(c, floor, 560, 1180)
    draw_profile(c, person)
    x = person.chest[0]
    c.dashed([(x, 150), (x, person.hip[1] + 20)], 7, CORAL)
    for y in (person.head[1] + 7, person.chest[1] + 6, person.hip[1]):
        c.circle((x, y), 11, CORAL, border=3)
    plant(c, 1370, floor)


def _desk(c: Canvas) -> None:
    floor = 800
    room(c, floor, None)
    window(c, (1150, 100, 1450, 350))
    person, top = _seated_at_desk(c, floor, 340, 1100)
    draw_profile(c, person)
    c.rect((1000, top - 16, 1080, top), SLATE, 8, border=0)
    c.stroke([(1040, top - 12), (1070, top - 170), (990, top - 220)], 10, SLATE, border=0)
    shade = Frame((975, top - 212), 1.0, 35)
    c.circle(shade(0, 8), 15, SAND_LIGHT, border=3)
    c.shape(shade.all(arc((0, 0), 56, 48, 180, 360, 20)), CORAL)
    c.rect((620, top - 70, 670, top), WHITE, 12)
    c.line(arc((672, top - 38), 18, 18, -80, 80, 10), 7, SLATE)
    plant(c, 1330, floor, 0.85)


def _stretch(c: Canvas) -> None:
    floor = 790
    room(c, floor, (800, 450, 380))
    pelvis = (800, floor - 330)
    pose = Front(
        pelvis,
        ((728, pelvis[1] - 20), (676, 130)),
        ((730, floor - 30), (870, floor - 30)),
        lean=-17,
        tilt=-6,
        bends=(-1, -1),
    )
    draw_front(c, pose)
    c.arrow(arc((760, 410), 330, 330, -30, -80, 20), 10, CORAL)


def _lifting(c: Canvas) -> None:
    floor = 790
    room(c, floor, (760, 480, 360))
    box = (790, floor - 190, 960, floor)
    hip = (585, floor - 226)
    chest = polar(hip, 172, -46)
    person = Profile(
        hip=hip,
        chest=chest,
        head=polar(chest, 94, -40),
        hands=((840, floor - 134), (856, floor - 140)),
        feet=(((700, floor - 26), (756, floor - 26)), ((680, floor - 26), (736, floor - 26))),
        tilt=-12,
    )
    draw_profile(c, person, between=lambda: cardboard_box(c, box))
    c.arrow([(1050, floor - 70), (1050, floor - 300)], 12, CORAL)


def _walking(c: Canvas) -> None:
    ground = 760
    c.circle((1280, 190), 60, SAND_LIGHT, border=0)
    c.ellipse((-200, ground - 170, 700, ground + 170), GLOW, border=0)
    c.ellipse((900, ground - 120, 1800, ground + 120), GLOW, border=0)
    room(c, ground, None)
    c.rect((-40, ground + 30, WIDTH + 40, ground + 80), SAND_LIGHT, 20, border=0)
    tree(c, 250, ground, 220, 100)
    tree(c, 1330, ground, 280, 120, TEAL)
    tree(c, 1480, ground, 180, 80)
    hip = (780, ground - 352)
    chest = (792, hip[1] - 172)
    person = Profile(
        hip=hip,
        chest=chest,
        head=(808, hip[1] - 266),
        hands=(polar(chest, 232, 114), (895, hip[1] + 12)),
        feet=(((905, ground - 28), (958, ground - 46)), ((640, ground - 48), (686, ground - 20))),
    )
    draw_profile(c, person)


def _pilates(c: Canvas) -> None:
    floor = 780
    room(c, floor, (800, 500, 360))
    c.rect((330, floor - 14, 1230, floor + 12), CORAL_LIGHT, 12)
    mat = floor - 14
    hip = (640, mat - 194)
    chest = (812, mat - 238)
    person = Profile(
        hip=hip,
        chest=chest,
        head=polar(chest, 94, -14),
        hands=((915, mat - 18), (1060, mat - 268)),
        feet=(((294, mat - 250), (282, mat - 200)), ((466, mat - 22), (414, mat - 18))),
        tilt=50,
    )
    draw_profile(c, person)
    c.circle((1350, floor - 90), 90, TEAL_LIGHT)
    c.line(arc((1350, floor - 90), 90, 34, 200, 340, 16), 5, SLATE)


def _sleep(c: Canvas) -> None:
    floor = 800
    top = 570
    room(c, floor, None)
    window(c, (800, 80, 1140, 320), night=True)
    c.rect((1370, floor - 190, 1540, floor), SAND, 10)
    c.rect((1390, floor - 150, 1520, floor - 100), SAND_LIGHT, 8)
    c.shape(
        [(1425, floor - 330), (1485, floor - 330), (1515, floor - 260), (1395, floor - 260)],
        CORAL_LIGHT,
    )
    c.stroke([(1455, floor - 262), (1455, floor - 195)], 10, GREY)
    bed(c, 150, 1320, top, floor)
    c.shape(side_pillow_points((320, top - 36), 280, 80, -2), WHITE)
    # lying on the left side, facing us: head on the left, legs stacked to the right
    c.stroke([(760, top - 28), (960, top - 28), (1140, top - 28)], LEG_W, NAVY_DARK)
    c.shape(side_pillow_points((962, top - 84), 210, 66, 0), CORAL_LIGHT)
    c.stroke([(790, top - 118), (962, top - 140), (1140, top - 80)], LEG_W, NAVY)
    for y in (top - 28, top - 80):
        c.ellipse((1140, y - 22, 1196, y + 20), SKIN)
    c.shape(
        [
            (640, top - 6),
            (640, top - 128),
            (710, top - 152),
            (790, top - 150),
            (840, top - 120),
            (840, top - 6),
        ],
        NAVY,
        rounds=3,
    )
    c.shape(
        [
            (410, top - 6),
            (396, top - 100),
            (430, top - 160),
            (510, top - 168),
            (600, top - 132),
            (690, top - 128),
            (700, top - 6),
        ],
        TEAL,
        rounds=3,
    )
    c.stroke([(470, top - 132), (590, top - 118), (700, top - 104)], ARM_W, TEAL_DARK)
    c.circle((704, top - 104), 17, SKIN)
    front_head(c, (346, top - 98), HEAD_R * 1.16, -90, asleep=True)


def _neck(c: Canvas) -> None:
    room(c, None, (800, 420, 400))
    s = 1.9
    pose = Front(
        (800, 920),
        ((624, 1060), (976, 1060)),
        ((700, 1300), (900, 1300)),
        tilt=-28,
        bends=(-1, 1),
        scale=s,
        neck=60,
    )
    head = draw_front(c, pose)
    c.arrow(arc(head, 175, 175, -30, -100, 24), 11, CORAL)


def _chair(c: Canvas) -> None:
    floor = 800
    room(c, floor, (800, 460, 380))
    shadow(c, 580, 1040, floor + 4)
    office_chair(c, 660, floor - 290, floor, 1.3)


def _mattress(c: Canvas) -> None:
    floor = 790
    room(c, floor, (800, 480, 420))
    top = 440
    bed(c, 200, 1400, top, floor, deep=170, springs=True)
    c.shape(side_pillow_points((390, top - 36), 270, 80, -4), WHITE)
    c.shape(side_pillow_points((440, top - 40), 250, 74, 3), TEAL_PALE)


def _shoe(c: Canvas) -> None:
    ground = 720
    room(c, ground, (800, 430, 380))
    shadow(c, 380, 1240, ground, 30)
    c.stroke([(428, 430), (418, 388)], 20, CORAL)
    c.shape(
        [(430, 420), (470, 386), (560, 398), (650, 392), (640, 440), (430, 450)],
        TEAL_DARK,
        rounds=2,
    )
    c.shape([(620, 440), (646, 346), (705, 330), (748, 372), (770, 430)], TEAL_LIGHT, rounds=2)
    upper = [
        (405, 650),
        (388, 560),
        (396, 470),
        (428, 410),
        (500, 424),
        (570, 452),
        (630, 424),
        (662, 382),
        (728, 380),
        (780, 410),
        (900, 470),
        (1020, 530),
        (1120, 568),
        (1186, 610),
        (1204, 650),
        (1000, 660),
        (700, 650),
    ]
    c.shape(upper, TEAL, rounds=2)
    c.shape(
        [(394, 650), (392, 520), (412, 450), (470, 480), (540, 566), (560, 650)],
        TEAL_DARK,
        rounds=2,
    )
    c.shape([(1046, 654), (1056, 590), (1120, 572), (1186, 612), (1204, 652)], TEAL_DARK, rounds=2)
    c.line(curve([(600, 648), (640, 540), (730, 430)]), 4, TEAL_DARK)
    for i in range(4):
        c.circle((1090 + i * 26, 596 + i * 10), 4, TEAL, border=0)
    c.line([(778, 420), (930, 494)], LINE, SLATE)
    for i in range(5):
        p = lerp((790, 438), (920, 502), i / 4)
        c.stroke([(p[0] - 14, p[1] - 26), (p[0] + 12, p[1] + 6)], 9, WHITE, border=3)
    sole = [
        (390, 606),
        (700, 624),
        (1000, 644),
        (1150, 640),
        (1206, 632),
        (1224, 658),
        (1198, 690),
        (1130, 704),
        (460, 708),
        (404, 700),
        (384, 660),
    ]
    c.shape(sole, WHITE, rounds=2)
    c.line(curve([(416, 652), (600, 664), (800, 662), (1000, 674), (1180, 664)]), 8, CORAL_LIGHT)
    c.line([(430, 694), (1160, 692)], 5, GREY)


def _pillow(c: Canvas) -> None:
    room(c, None, (800, 430, 390))
    shadow(c, 450, 1150, 672, 44)
    pillow(c, (800, 450), 700, 380, TEAL_PALE, TEAL_LIGHT)
    glow = smooth([(-170, -20), (40, -50), (160, -30), (-20, 10)], 3)
    c.shape(Frame((690, 360), 1.0, -6).all(glow), (228, 244, 240), border=0)
    for dx in (-1, 1):
        for dy in (-1, 1):
            tip = (800 + dx * 300, 450 + dy * 140)
            c.line([tip, (tip[0] - dx * 46, tip[1] - dy * 22)], 4, TEAL_LIGHT)


def _cushion(c: Canvas) -> None:
    floor = 790
    seat = floor - 250
    room(c, floor, (820, 450, 400))
    # a wooden chair seen from the side, the cushion resting against its lower backrest
    c.stroke([(620, floor - 4), (620, seat + 16)], 26, SAND_DARK)
    c.stroke([(350, floor - 4), (350, seat), (322, 170)], 30, SAND_DARK)
    c.rect((320, seat, 650, seat + 36), SAND, 14)
    c.rect((318, seat - 118, 380, seat - 92), GREY, 6)
    d_shape = [
        (372, seat - 8),
        (372, seat - 190),
        (404, seat - 180),
        (438, seat - 140),
        (448, seat - 100),
        (438, seat - 52),
        (408, seat - 14),
    ]
    c.shape(d_shape, CORAL, rounds=3)
    c.line(curve([(384, seat - 170), (428, seat - 100), (390, seat - 24)]), 4, CORAL_LIGHT)
    # the same cushion on its own, seen from the front, its strap reaching out behind it
    cx, cy = 1110, 440
    c.stroke([(cx - 290, cy + 10), (cx + 280, cy + 10)], 28, GREY)
    c.rect((cx + 252, cy - 14, cx + 308, cy + 34), SLATE, 8, border=0)
    c.rect((cx + 266, cy - 2, cx + 294, cy + 22), GREY, 4, border=0)
    c.shape(box_points((cx, cy), 420, 290, 110), CORAL)
    c.dashed(closed(box_points((cx, cy), 370, 240, 86)), 4, CORAL_DARK, 14, 10)
    c.line(arc((cx - 110, cy - 50), 68, 68, 195, 250, 12), 12, CORAL_LIGHT)


def _heat_pack(c: Canvas) -> None:
    room(c, 780, (800, 430, 390))
    shadow(c, 460, 1140, 772, 40)
    c.shape(box_points((800, 615), 640, 300, 100), CORAL)
    c.dashed(closed(box_points((800, 615), 590, 250, 78)), 5, CORAL_LIGHT, 14, 10)
    for x in (650, 800, 950):
        c.dashed([(x, 495), (x, 735)], 5, CORAL_DARK, 14, 10)
    for x, height in ((620, 230), (800, 270), (980, 230)):
        c.line(wave((x, 420), height, 22, 1.25, 80), 14, CORAL)


_SCENES: dict[str, Callable[[Canvas], None]] = {
    "home": _home,
    "spine": _spine,
    "posture": _posture,
    "stretch": _stretch,
    "lifting": _lifting,
    "walking": _walking,
    "pilates": _pilates,
    "sleep": _sleep,
    "desk": _desk,
    "neck": _neck,
    "chair": _chair,
    "mattress": _mattress,
    "shoe": _shoe,
    "pillow": _pillow,
    "cushion": _cushion,
    "heat-pack": _heat_pack,
}

ILLUSTRATIONS: dict[str, str] = {
    "home": (
        "Drawing of a calm room: a person stands on an exercise mat stretching both arms "
        "overhead, beside a large window, a framed picture and a potted plant"
    ),
    "spine": (
        "Side view of a human spine curving in a gentle S shape: stacked vertebrae with "
        "cushioning discs between them, and the sacrum at the base"
    ),
    "posture": (
        "Drawing of a person sitting upright on an office chair at a desk, with a dashed line "
        "showing ears, shoulders and hips lined up, feet flat on the floor and the screen at "
        "eye level"
    ),
    "stretch": (
        "Drawing of a person standing with feet apart in a side stretch, one arm arched over "
        "the head and the other hand on the hip, with an arrow showing the direction of the bend"
    ),
    "lifting": (
        "Drawing of a person squatting with bent knees and a straight back to lift a cardboard "
        "box from the floor, with an arrow pointing up"
    ),
    "walking": (
        "Drawing of a person walking outdoors along a path, arms swinging, with trees in the "
        "background"
    ),
    "pilates": (
        "Drawing of a person on hands and knees on an exercise mat, reaching one arm forward and "
        "the opposite leg back, with an exercise ball beside the mat"
    ),
    "sleep": (
        "Drawing of a person asleep on their side in bed, head on a pillow and a small pillow "
        "between the knees, with a night sky in the window"
    ),
    "desk": (
        "Drawing of a home office: a person sits upright on an office chair with hands on the "
        "keyboard, the screen at eye level and feet flat on the floor, with a desk lamp, a mug, "
        "a window and a plant"
    ),
    "neck": (
        "Drawing of a person gently tilting their head towards one shoulder to stretch the side "
        "of the neck, with a curved arrow showing the movement"
    ),
    "chair": (
        "Drawing of an ergonomic office chair seen from the side, with a curved backrest, a "
        "lumbar support pad, an armrest and a height-adjustable base on wheels"
    ),
    "mattress": (
        "Drawing of a bed with a thick mattress on a wooden frame; the side of the mattress "
        "shows a quilted top layer above a row of coil springs, and two pillows lie at the head "
        "end"
    ),
    "shoe": (
        "Drawing of a supportive walking shoe seen from the side, with a thick cushioned sole, "
        "laces, a padded tongue and a firm heel"
    ),
    "pillow": "Drawing of a soft, plump rectangular pillow",
    "cushion": (
        "Drawing of a lumbar support cushion: on the left it rests against the lower backrest of "
        "a wooden chair, strapped in place; on the right the same cushion is shown from the "
        "front with its adjustable strap and buckle"
    ),
    "heat-pack": (
        "Drawing of a rounded, stitched heat pack with wavy lines of warmth rising from it"
    ),
}


def draw(key: str) -> Image.Image:
    """Draw the illustration for key as a 1600x900 RGB image."""
    try:
        scene = _SCENES[key]
    except KeyError:
        raise KeyError(f"No demo illustration called {key!r}") from None
    canvas = Canvas()
    scene(canvas)
    return canvas.finish()
