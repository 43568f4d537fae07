"""Products to sit, lie and rest on, and a heat pack."""

from __future__ import annotations

from .canvas import (
    CORAL,
    CORAL_DARK,
    CORAL_LIGHT,
    GREY,
    SAND,
    SAND_DARK,
    SLATE,
    TEAL_LIGHT,
    TEAL_PALE,
    WHITE,
    Canvas,
    Frame,
    arc,
    box_points,
    closed,
    curve,
    smooth,
    wave,
)
from .things import (
    bed,
    office_chair,
    pillow,
    room,
    shadow,
    side_pillow_points,
)

# Scenes ----------------------------------------------------------------------------------------


def scene_chair(c: Canvas) -> None:
    floor = 800
    room(c, floor, (800, 460, 380))
    shadow(c, 580, 1040, floor + 4)
    office_chair(c, 660, floor - 290, floor, 1.3)


def scene_mattress(c: Canvas) -> None:
    floor = 790
    room(c, floor, (800, 480, 420))
    top = 440
    bed(c, 200, 1400, top, floor, deep=170, springs=True)
    c.shape(side_pillow_points((390, top - 36), 270, 80, -4), WHITE)
    c.shape(side_pillow_points((440, top - 40), 250, 74, 3), TEAL_PALE)


def scene_pillow(c: Canvas) -> None:
    room(c, None, (800, 430, 390))
    shadow(c, 450, 1150, 672, 44)
    pillow(c, (800, 450), 700, 380, TEAL_PALE, TEAL_LIGHT)
    glow = smooth([(-170, -20), (40, -50), (160, -30), (-20, 10)], 3)
    c.shape(Frame((690, 360), 1.0, -6).all(glow), (228, 244, 240), border=0)
    for dx in (-1, 1):
        for dy in (-1, 1):
            tip = (800 + dx * 300, 450 + dy * 140)
            c.line([tip, (tip[0] - dx * 46, tip[1] - dy * 22)], 4, TEAL_LIGHT)


def scene_cushion(c: Canvas) -> None:
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


def scene_heat_pack(c: Canvas) -> None:
    room(c, 780, (800, 430, 390))
    shadow(c, 460, 1140, 772, 40)
    c.shape(box_points((800, 615), 640, 300, 100), CORAL)
    c.dashed(closed(box_points((800, 615), 590, 250, 78)), 5, CORAL_LIGHT, 14, 10)
    for x in (650, 800, 950):
        c.dashed([(x, 495), (x, 735)], 5, CORAL_DARK, 14, 10)
    for x, height in ((620, 230), (800, 270), (980, 230)):
        c.line(wave((x, 420), height, 22, 1.25, 80), 14, CORAL)
