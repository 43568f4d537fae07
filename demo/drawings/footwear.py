"""Shoes, sandals and insoles."""

from __future__ import annotations

from .canvas import (
    CORAL,
    CORAL_LIGHT,
    GREY,
    LINE,
    SLATE,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    WHITE,
    Canvas,
    curve,
    lerp,
)
from .things import (
    room,
    shadow,
)

# Scenes ----------------------------------------------------------------------------------------


def scene_shoe(c: Canvas) -> None:
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
