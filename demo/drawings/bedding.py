"""Bedding: a mattress topper, a zoned mattress, a knee pillow and a contoured pillow."""

from __future__ import annotations

from .canvas import (
    CORAL,
    CORAL_DARK,
    CORAL_LIGHT,
    SAND,
    SAND_DARK,
    SLATE,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    TEAL_PALE,
    WHITE,
    Canvas,
    Frame,
    arc,
    curve,
    smooth,
)
from .things import (
    bed,
    pillow,
    room,
    shadow,
    side_pillow_points,
)


def scene_topper(c: Canvas) -> None:
    """A thick quilted topper lying on a mattress, a layer clearly its own."""
    floor = 790
    room(c, floor, (800, 470, 420))
    top = 470
    bed(c, 200, 1400, top, floor, deep=120)
    layer = top - 70
    c.rect((254, layer, 1300, top + 6), CORAL_LIGHT, 34)
    for x in range(330, 1240, 110):
        c.circle((x, (layer + top) / 2), 7, CORAL, border=0)
    c.shape(side_pillow_points((400, layer - 36), 240, 72, -3), WHITE)


def scene_zoned_mattress(c: Canvas) -> None:
    """A mattress cut open along its length: firmer foam under the hips, softer at the shoulders."""
    floor = 790
    room(c, floor, (800, 460, 430))
    shadow(c, 180, 1420, floor + 2, 30)
    top, bottom = 330, 610
    x0, x1 = 200, 1400
    zones = [
        (x0, 460, TEAL_LIGHT),  # head and shoulders: softer
        (460, 720, TEAL_PALE),
        (720, 980, TEAL_DARK),  # hips: firmer
        (980, 1200, TEAL),
        (1200, x1, TEAL_LIGHT),
    ]
    c.rect((x0, top, x1, bottom), WHITE, 40)
    for a, b, color in zones:
        c.pen.rectangle((a * 2 + 20, (top + 60) * 2, b * 2 - 20, (bottom - 30) * 2), fill=color)
    for a, _b, _color in zones[1:]:
        c.line([(a, top + 60), (a, bottom - 30)], 4, SLATE)
    c.rect((x0 + 10, top + 60, x1 - 10, bottom - 30), None, 10)
    c.line([(x0 + 30, top + 32), (x1 - 30, top + 32)], 5, TEAL_LIGHT)
    for x in (200, 1400):
        c.stroke(
            [(x + (30 if x < 800 else -30), bottom), (x + (30 if x < 800 else -30), floor - 4)],
            24,
            SAND_DARK,
        )
    c.rect((x0 + 10, bottom, x1 - 10, bottom + 50), SAND, 10)
    # arrows pressing down: gently where the shoulders lie, firmly pushed back under the hips
    for x, w in ((590, 8), (850, 14)):
        c.arrow([(x, 150), (x, 270)], w, CORAL)


def knee_pillow_points(center, w, h, degrees=0.0):
    """An hourglass-shaped knee pillow seen from above."""
    pts = [
        (-0.5, -0.3),
        (-0.35, -0.5),
        (-0.1, -0.45),
        (0, -0.25),
        (0.1, -0.45),
        (0.35, -0.5),
        (0.5, -0.3),
        (0.5, 0.3),
        (0.35, 0.5),
        (0.1, 0.45),
        (0, 0.25),
        (-0.1, 0.45),
        (-0.35, 0.5),
        (-0.5, 0.3),
    ]
    return Frame(center, 1.0, degrees).all(smooth([(x * w, y * h) for x, y in pts], 3))


def scene_knee_pillow(c: Canvas) -> None:
    """A head pillow and a knee pillow shaped to fit between the knees."""
    room(c, None, (800, 450, 420))
    shadow(c, 230, 830, 650, 40)
    pillow(c, (530, 470), 520, 290, WHITE, TEAL_PALE)
    shadow(c, 930, 1400, 650, 36)
    c.shape(knee_pillow_points((1165, 488), 430, 300), CORAL_DARK)
    c.shape(knee_pillow_points((1165, 470), 430, 300), CORAL)
    c.line(curve([(1040, 400), (1100, 440), (1165, 470)]), 5, CORAL_LIGHT)


def scene_contour_pillow(c: Canvas) -> None:
    """A contoured foam pillow seen side-on: a higher roll for the neck, a hollow for the head."""
    room(c, None, (800, 450, 420))
    shadow(c, 300, 1300, 640, 44)
    outline = curve(
        [
            (320, 630),
            (300, 520),
            (380, 380),
            (520, 360),
            (640, 440),
            (800, 470),
            (960, 440),
            (1100, 400),
            (1240, 430),
            (1290, 520),
            (1280, 630),
        ],
        12,
    )
    c.shape(outline, TEAL_PALE)
    c.line(curve([(340, 600), (700, 610), (1260, 600)]), 4, TEAL_LIGHT)
    for x, y in ((560, 520), (760, 540), (960, 520), (1160, 510)):
        c.circle((x, y), 7, TEAL_LIGHT, border=0)
    # a curved arrow over the hollow, where the head rests
    c.arrow(arc((800, 420), 120, 70, 200, 340, 16), 9, CORAL)
