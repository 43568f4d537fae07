"""Close views of joints: a sore tendon at the elbow, a swollen bursa at the hip."""

from __future__ import annotations

import math

from .bodies import pain_mark
from .canvas import (
    CORAL,
    CORAL_LIGHT,
    GLOW,
    LINE,
    SAND,
    SAND_LIGHT,
    SKIN,
    SLATE,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    WHITE,
    Canvas,
    Frame,
    along,
    arc,
    box_points,
    curve,
    leaf,
)
from .things import room


def scene_tendonitis(c: Canvas) -> None:
    """A bent arm with its bones showing through: the tendon of the upper arm muscle, where it
    crosses the elbow to the forearm, is highlighted."""
    room(c, None, (820, 450, 400))
    shoulder, elbow, wrist = (-60, 250), (820, 640), (1200, 300)
    # the upper arm and forearm as one outlined shape, then the fist and a short sleeve
    limbs = (([shoulder, elbow], 210), ([elbow, wrist], 160))
    for points, width in limbs:
        c.line(points, width + 2 * LINE, SLATE)
    for points, width in limbs:
        c.line(points, width, SKIN)
    fist = Frame(wrist, 1.0, math.degrees(math.atan2(wrist[1] - elbow[1], wrist[0] - elbow[0])))
    c.shape(fist.all(box_points((80, 0), 170, 160, 60)), SKIN)
    for k in (-36, 4, 44):
        c.line(fist.all([(128, k), (165, k)]), 4, SLATE)
    c.shape(fist.all(box_points((60, -78), 110, 46, 23, 8)), SKIN)
    # the bones: upper arm, and the two forearm bones
    c.stroke([(20, 300), along(shoulder, elbow, 0.97, 0)], 56, WHITE)
    c.circle(along(shoulder, elbow, 0.97, 0), 42, WHITE)
    for offset in (-26, 30):
        c.stroke(
            [along(elbow, wrist, 0.06, offset), along(elbow, wrist, 0.96, offset * 0.6)], 26, WHITE
        )
    # the muscle on the front of the upper arm, and its tendon across the elbow
    muscle = leaf(along(shoulder, elbow, 0.25, 48), along(shoulder, elbow, 0.86, 58), 110)
    c.shape(muscle, CORAL_LIGHT)
    for t in (0.4, 0.52, 0.64):
        c.line([along(shoulder, elbow, t, 36), along(shoulder, elbow, t + 0.08, 74)], 4, CORAL)
    tendon = curve(
        [
            along(shoulder, elbow, 0.82, 58),
            along(shoulder, elbow, 0.95, 56),
            along(elbow, wrist, 0.17, 32),
        ],
        10,
    )
    c.line(tendon, 46, CORAL_LIGHT)
    c.stroke(tendon, 18, CORAL)
    pain_mark(c, along(shoulder, elbow, 0.98, 150), 16)
    sleeve = [along(shoulder, elbow, t, out) for t, out in ((0, 124), (0.3, 124), (0.3, -124))]
    c.shape([*sleeve, along(shoulder, elbow, 0, -124)], TEAL)
    c.line([along(shoulder, elbow, 0.27, 110), along(shoulder, elbow, 0.27, -110)], 4, TEAL_DARK)


def scene_bursitis(c: Canvas) -> None:
    """The pelvis and hips from the front: on one side, the small cushion of fluid over the
    bony point on the outer side of the hip is swollen."""
    room(c, None, (800, 450, 420))
    for flip in (-1, 1):
        f = Frame((800, 0), 1.0, 0, flip)
        wing = [
            (30, 250),
            (140, 140),
            (280, 90),
            (400, 120),
            (430, 220),
            (350, 330),
            (300, 420),
            (250, 470),
            (160, 470),
            (90, 380),
        ]
        c.shape(f.all(wing), SAND_LIGHT, rounds=2)
        # the lower ring of the pelvis, around its opening, meeting in the middle
        ring = [(160, 470), (260, 500), (240, 600), (120, 640), (10, 620), (10, 560), (100, 540)]
        c.shape(f.all(ring), SAND_LIGHT, rounds=2)
        c.shape(f.all(arc((150, 575), 50, 30, 0, 360, 24)), GLOW)
        # the thigh bone: its shaft, its neck, the bony point on the outside and the ball
        femur = [
            (190, 470),
            (260, 430),
            (340, 460),
            (385, 480),
            (395, 560),
            (345, 640),
            (312, 940),
            (236, 940),
            (262, 650),
            (240, 575),
            (205, 525),
        ]
        c.shape(f.all(femur), WHITE, rounds=2)
        c.circle(f(215, 460), 56, WHITE)
        c.line(f.all(arc((215, 460), 70, 70, 190, 340, 16)), 14, SAND)
    c.shape([(690, 230), (910, 230), (870, 400), (800, 470), (730, 400)], SAND, rounds=2)
    # the swollen bursa on the outer point of the right hip, and the band over it
    c.stroke(curve([(1190, 200), (1220, 420), (1180, 700), (1120, 900)]), 30, TEAL_LIGHT)
    c.shape(arc((1200, 540), 36, 62, 0, 360, 32), CORAL)
    pain_mark(c, (1300, 540), 20)
