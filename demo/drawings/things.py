"""Scenery and objects the scenes are built from: rooms, furniture, pillows, plants."""

from __future__ import annotations

import math

from .canvas import (
    CORAL,
    CORAL_DARK,
    FLOOR,
    FLOOR_LINE,
    GLOW,
    GREY,
    HEIGHT,
    LINE,
    SAND,
    SAND_DARK,
    SAND_LIGHT,
    SKY,
    SLATE,
    SUPERSAMPLE,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    TEAL_PALE,
    WHITE,
    WIDTH,
    Canvas,
    Color,
    Frame,
    Point,
    arc,
    curve,
    leaf,
    lerp,
    polar,
    smooth,
)

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
