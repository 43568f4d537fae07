"""People, side-on (``Profile``) and facing us (``Front``)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .canvas import (
    CORAL_LIGHT,
    LINE,
    NAVY,
    NAVY_DARK,
    SKIN,
    SLATE,
    TEAL,
    TEAL_DARK,
    Canvas,
    Color,
    Frame,
    Point,
    arc,
    joint,
    lerp,
    polar,
)

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
    elbows_back: bool = False  # bend the elbows backwards, as for a hand on the lower back


def draw_profile(c: Canvas, p: Profile, between: Callable[[], None] | None = None) -> None:
    """Draw a side-on person, far limbs first; between() draws anything between the legs."""
    f = p.facing

    def arm(hand: Point, color: Color) -> None:
        elbow = joint(p.chest, hand, UPPER_ARM, FOREARM, f if p.elbows_back else -f)
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
