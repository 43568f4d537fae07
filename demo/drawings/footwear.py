"""Shoes, sandals and insoles."""

from __future__ import annotations

from .canvas import (
    CORAL,
    CORAL_LIGHT,
    GREY,
    LINE,
    NAVY,
    NAVY_DARK,
    SAND,
    SAND_DARK,
    SAND_LIGHT,
    SLATE,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    TEAL_PALE,
    WHITE,
    Canvas,
    Frame,
    Point,
    arc,
    curve,
    leaf,
    lerp,
    smooth,
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


def scene_sandal(c: Canvas) -> None:
    """A sandal seen from the side: a thick contoured footbed, straps over the foot and a strap
    around the back of the heel, buckled at the ankle."""
    ground = 720
    room(c, ground, (800, 430, 380))
    shadow(c, 360, 1260, ground, 30)
    sole = [
        (380, 600),
        (700, 628),
        (1000, 640),
        (1200, 630),
        (1240, 660),
        (1210, 700),
        (1120, 712),
        (450, 712),
        (390, 700),
        (370, 650),
    ]
    c.shape(sole, SAND, rounds=2)
    c.line(curve([(392, 640), (700, 656), (1000, 668), (1220, 660)]), 6, SAND_DARK)
    c.line([(420, 700), (1160, 700)], 5, SAND_DARK)
    # the straps: over the toes, over the instep, and a loop around the heel to the ankle
    c.stroke(arc((1050, 640), 120, 90, 190, 350, 16), 40, TEAL)
    c.stroke(arc((820, 630), 130, 150, 195, 345, 16), 40, TEAL)
    back = curve([(640, 560), (560, 470), (470, 452), (404, 500), (400, 600)], 12)
    c.stroke(back, 36, TEAL_DARK)
    c.stroke([(640, 560), (700, 616)], 36, TEAL_DARK)
    c.rect((600, 520, 660, 580), GREY, 8)
    c.rect((616, 536, 644, 564), SAND_LIGHT, 4, border=3)


def scene_work_shoe(c: Canvas) -> None:
    """A plain leather lace-up shoe with a low, broad heel and a cushioned sole."""
    ground = 720
    room(c, ground, (800, 430, 380))
    shadow(c, 380, 1240, ground, 30)
    upper = [
        (400, 660),
        (392, 520),
        (420, 460),
        (520, 452),
        (640, 470),
        (760, 440),
        (860, 480),
        (1000, 540),
        (1140, 580),
        (1206, 630),
        (1210, 668),
        (700, 668),
    ]
    c.shape(upper, NAVY_DARK, rounds=2)
    c.shape(
        [(396, 660), (394, 520), (430, 466), (520, 470), (560, 560), (560, 660)], NAVY, rounds=2
    )
    c.line(curve([(620, 652), (680, 560), (760, 470)]), 4, SLATE)
    c.line(curve([(980, 540), (1040, 600), (1140, 600), (1200, 640)]), 4, SLATE)
    for i in range(4):
        p = lerp((790, 470), (930, 530), i / 3)
        c.stroke([(p[0] - 18, p[1] - 14), (p[0] + 16, p[1] + 12)], 8, SAND_LIGHT, border=3)
    c.shape(
        [(392, 660), (1214, 660), (1222, 690), (1190, 700), (600, 700), (392, 690)], WHITE, rounds=1
    )
    c.rect((392, 680, 560, 716), SLATE, 6)
    c.rect((560, 690, 1200, 712), GREY, 8)


def insole_points(heel: Point, length: float, flip: int) -> list[Point]:
    """An insole seen from above, toes up: narrow at the heel, wider at the ball of the foot,
    its inner edge curving in at the arch. flip=-1 makes the other foot."""
    pts = [
        (0, 0),
        (0.17, -0.05),
        (0.2, -0.3),
        (0.16, -0.52),
        (0.22, -0.78),
        (0.16, -0.95),
        (0.02, -1.0),
        (-0.14, -0.9),
        (-0.2, -0.74),
        (-0.12, -0.52),
        (-0.06, -0.32),
        (-0.15, -0.05),
    ]
    return Frame(heel, length, 0, flip).all(smooth(pts, 3))


def scene_insoles(c: Canvas) -> None:
    """A pair of cushioned insoles seen from above, with a raised arch and a padded heel cup."""
    room(c, None, (800, 450, 420))
    for cx, flip in ((620, -1), (980, 1)):
        heel = (cx, 800)
        c.shape(insole_points((heel[0] + 6, heel[1] + 8), 700, flip), TEAL_DARK)
        c.shape(insole_points(heel, 700, flip), TEAL_LIGHT)
        c.circle((cx + 4 * flip, 720), 42, TEAL_PALE, border=3)
        c.shape(
            Frame((cx, 0), 1.0, 0, flip).all(leaf((-22, 620), (-14, 430), 44)),
            CORAL_LIGHT,
            border=3,
        )
        c.ellipse((cx - 80, 240, cx + 80, 340), TEAL_PALE, border=3)
