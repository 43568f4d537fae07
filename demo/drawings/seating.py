"""Seating: an armchair, a wedge seat cushion and a lower back roll."""

from __future__ import annotations

from .canvas import (
    CORAL,
    CORAL_LIGHT,
    GREY,
    NAVY,
    NAVY_DARK,
    SAND,
    SAND_DARK,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    Canvas,
    curve,
)
from .things import (
    room,
    shadow,
)


def scene_armchair(c: Canvas) -> None:
    """A high-backed armchair seen from the front, with a firm seat and wooden legs."""
    floor = 790
    room(c, floor, (800, 450, 400))
    shadow(c, 470, 1130, floor + 2, 34)
    for x in (540, 1060):
        c.stroke([(x, floor - 70), (x + (8 if x > 800 else -8), floor - 4)], 22, SAND_DARK)
    # the tall back with its wings, then the seat, then the arms in front
    back = [(560, 560), (548, 200), (580, 130), (800, 108), (1020, 130), (1052, 200), (1040, 560)]
    c.shape(back, TEAL, rounds=2)
    c.shape([(600, 540), (600, 210), (800, 180), (1000, 210), (1000, 540)], TEAL_LIGHT, rounds=2)
    c.line(curve([(640, 260), (800, 236), (960, 260)]), 4, TEAL)
    c.rect((560, 520, 1040, 640), TEAL_LIGHT, 30)
    c.line([(590, 548), (1010, 548)], 4, TEAL)
    c.rect((500, 380, 600, 720), TEAL, 40)
    c.rect((1000, 380, 1100, 720), TEAL, 40)
    c.rect((492, 370, 608, 420), TEAL_DARK, 24)
    c.rect((992, 370, 1108, 420), TEAL_DARK, 24)
    c.rect((560, 640, 1040, 720), TEAL_DARK, 14)


def scene_wedge_cushion(c: Canvas) -> None:
    """A wedge seat cushion, thick at the back and thin at the front, on a plain chair seat."""
    floor = 790
    seat = floor - 280
    room(c, floor, (800, 450, 400))
    shadow(c, 420, 1180, floor + 2, 30)
    # a simple chair side-on, facing right: back legs and backrest on the left
    c.stroke([(1120, floor - 4), (1120, seat + 20)], 26, SAND_DARK)
    c.stroke([(480, floor - 4), (480, seat), (450, 150)], 30, SAND_DARK)
    c.rect((450, seat, 1150, seat + 40), SAND, 14)
    wedge = [
        (500, seat - 4),
        (500, seat - 150),
        (560, seat - 160),
        (1110, seat - 40),
        (1130, seat - 20),
        (1120, seat - 4),
    ]
    c.shape(wedge, CORAL, rounds=2)
    c.line(curve([(540, seat - 120), (820, seat - 70), (1090, seat - 30)]), 4, CORAL_LIGHT)
    # an arrow along the slope: the hips sit higher than the knees
    c.arrow([(700, seat - 240), (1000, seat - 160)], 10, TEAL_DARK)


def scene_lumbar_roll(c: Canvas) -> None:
    """A small round lower back roll with a strap, resting in the curve of a chair's backrest."""
    floor = 790
    seat = floor - 250
    room(c, floor, (820, 450, 400))
    c.stroke([(620, floor - 4), (620, seat + 16)], 26, SAND_DARK)
    c.stroke([(350, floor - 4), (350, seat), (322, 170)], 30, SAND_DARK)
    c.rect((320, seat, 650, seat + 36), SAND, 14)
    c.circle((400, seat - 120), 46, NAVY)
    c.circle((400, seat - 120), 22, NAVY_DARK, border=3)
    c.stroke([(380, seat - 160), (330, seat - 150)], 12, GREY, border=3)
    # the same roll on its own: a cylinder seen from the side, its strap hanging below
    cx, cy = 1100, 440
    c.stroke(curve([(cx - 180, cy + 60), (cx - 60, cy + 170), (cx + 100, cy + 150)]), 18, GREY)
    c.rect((cx - 220, cy - 80, cx + 220, cy + 80), NAVY, 80)
    c.ellipse((cx + 150, cy - 80, cx + 230, cy + 80), NAVY_DARK)
    c.ellipse((cx + 172, cy - 36, cx + 208, cy + 36), NAVY, border=3)
    c.line([(cx - 150, cy - 40), (cx + 100, cy - 40)], 10, (96, 128, 152))
