"""People showing where it hurts, and people lying, carrying and resting."""

from __future__ import annotations

from .canvas import (
    CORAL,
    CORAL_DARK,
    CORAL_LIGHT,
    LINE,
    SKIN,
    SLATE,
    TEAL,
    TEAL_LIGHT,
    Canvas,
    Point,
    arc,
    curve,
    joint,
    lerp,
    polar,
)
from .people import (
    Front,
    Profile,
    draw_front,
    draw_profile,
)
from .things import (
    cardboard_box,
    plant,
    room,
    window,
)


def pain_mark(c: Canvas, center: Point, r: float = 26.0) -> None:
    """Where it hurts: a coral spot with short rays around it."""
    c.circle(center, r * 1.5, CORAL_LIGHT, border=0)
    c.circle(center, r * 0.8, CORAL, border=3)
    for degrees in range(0, 360, 45):
        c.line([polar(center, r * 1.9, degrees), polar(center, r * 2.5, degrees)], 6, CORAL_DARK)


def standing(hip: Point, floor: float, lean: float = 0.0, hands=None) -> Profile:
    """A person standing side-on, facing right; lean tips the upper body forward (degrees)."""
    chest = polar(hip, 172, -90 + lean)
    return Profile(
        hip=hip,
        chest=chest,
        head=polar(chest, 94, -84 + lean),
        hands=hands or ((hip[0] + 20, hip[1] + 40), (hip[0] + 30, hip[1] + 36)),
        feet=(
            ((hip[0] + 10, floor - 26), (hip[0] + 66, floor - 26)),
            ((hip[0] - 20, floor - 26), (hip[0] + 36, floor - 26)),
        ),
        tilt=lean / 2,
    )


def scene_lower_back(c: Canvas) -> None:
    """A person standing, stooping a little, a hand pressed to the lower back."""
    floor = 790
    room(c, floor, (800, 450, 380))
    hip = (800, floor - 352)
    person = standing(hip, floor, 12, ((hip[0] - 56, hip[1] - 40), (hip[0] - 40, hip[1] - 30)))
    person.elbows_back = True
    draw_profile(c, person)
    pain_mark(c, (hip[0] - 52, hip[1] - 84), 22)
    plant(c, 1250, floor)


def scene_sciatica(c: Canvas) -> None:
    """A person standing, with a dashed line of pain running from the buttock down the leg."""
    floor = 790
    room(c, floor, (800, 450, 380))
    hip = (760, floor - 352)
    person = standing(hip, floor, 6, ((hip[0] - 50, hip[1] - 10), (hip[0] - 30, hip[1])))
    person.elbows_back = True
    draw_profile(c, person)
    ankle = person.feet[0][0]
    knee = joint(hip, ankle, 172, 176, 1)
    path = [(hip[0] - 36, hip[1] - 10), (knee[0] - 28, knee[1]), (ankle[0] - 22, ankle[1] - 30)]
    c.dashed(curve(path, 12), 9, CORAL, 20, 14)
    pain_mark(c, (hip[0] - 40, hip[1] - 30), 18)


def close_front(c: Canvas, hands, bends=(1, -1), tilt=0.0) -> Point:
    """A close view of a person's head and shoulders; returns the centre of the head."""
    room(c, None, (800, 420, 400))
    pose = Front(
        (800, 1000), hands, ((700, 1400), (900, 1400)), tilt=tilt, bends=bends, scale=1.9, neck=60
    )
    return draw_front(c, pose)


def scene_headache(c: Canvas) -> None:
    head = close_front(c, ((696, 470), (904, 470)))
    for side in (-1, 1):
        pain_mark(c, (head[0] + side * 118, head[1] - 120), 18)


def scene_jaw(c: Canvas) -> None:
    head = close_front(c, ((726, 560), (874, 560)))
    for side in (-1, 1):
        pain_mark(c, (head[0] + side * 122, head[1] + 2), 15)


def scene_shoulder(c: Canvas) -> None:
    close_front(c, ((600, 1160), (660, 705)), bends=(1, 1))
    pain_mark(c, (610, 628), 22)


def scene_hip(c: Canvas) -> None:
    floor = 790
    room(c, floor, (800, 450, 380))
    pelvis = (800, floor - 330)
    draw_front(
        c,
        Front(
            pelvis,
            ((728, pelvis[1] - 6), (896, pelvis[1] + 80)),
            ((735, floor - 30), (865, floor - 30)),
            lean=-4,
            bends=(-1, -1),
        ),
    )
    pain_mark(c, (722, pelvis[1] + 52), 20)


def lying(c: Canvas, hip: Point, mat: float) -> Profile:
    """A person lying on their back, head to the left, knees bent and feet flat."""
    chest = (hip[0] - 172, hip[1] - 4)
    return Profile(
        hip=hip,
        chest=chest,
        head=(chest[0] - 96, chest[1] - 8),
        hands=((hip[0] + 64, mat - 18), (hip[0] + 60, mat - 20)),
        feet=(
            ((hip[0] + 250, mat - 26), (hip[0] + 306, mat - 26)),
            ((hip[0] + 230, mat - 26), (hip[0] + 286, mat - 26)),
        ),
        tilt=-90,
    )


def scene_knees_bent(c: Canvas) -> None:
    floor = 780
    room(c, floor, (800, 520, 380))
    c.rect((280, floor - 14, 1320, floor + 12), CORAL_LIGHT, 12)
    mat = floor - 14
    draw_profile(c, lying(c, (780, mat - 40), mat))


def scene_knee_rolls(c: Canvas) -> None:
    floor = 780
    room(c, floor, (800, 520, 380))
    c.rect((280, floor - 14, 1320, floor + 12), TEAL_LIGHT, 12)
    mat = floor - 14
    person = lying(c, (780, mat - 40), mat)
    draw_profile(c, person)
    knee = joint(person.hip, person.feet[0][0], 172, 176, 1)
    c.arrow(arc(knee, 150, 150, -140, -40, 20), 10, CORAL)


def scene_carrying(c: Canvas) -> None:
    floor = 790
    room(c, floor, (800, 460, 380))
    hip = (740, floor - 352)
    box = (812, hip[1] - 150, 972, hip[1] + 10)
    person = standing(hip, floor, 0, ((box[2] - 20, box[3] - 14), (box[2] - 4, box[3] - 22)))
    draw_profile(c, person, between=lambda: None)
    cardboard_box(c, box)
    hand = person.hands[0]
    elbow = joint(person.chest, hand, 122, 116, -1)
    c.stroke([person.chest, elbow, hand], 30, TEAL)
    c.circle(hand, 17, SKIN)
    plant(c, 1250, floor)


def scene_upper_back(c: Canvas) -> None:
    """A person standing side-on, shoulders rounded, with the pain between the shoulder blades."""
    floor = 790
    room(c, floor, (800, 450, 380))
    hip = (780, floor - 352)
    person = standing(hip, floor, 8)
    draw_profile(c, person)
    x, y = lerp(person.chest, hip, 0.16)
    pain_mark(c, (x - 40, y), 20)
    plant(c, 1240, floor)


def scene_middle_back(c: Canvas) -> None:
    """A person standing side-on, with the pain in the middle of the back."""
    floor = 790
    room(c, floor, (800, 450, 380))
    hip = (780, floor - 352)
    person = standing(hip, floor, 4)
    draw_profile(c, person)
    x, y = lerp(person.chest, hip, 0.5)
    pain_mark(c, (x - 40, y), 20)
    window(c, (1080, 150, 1380, 420))


def scene_pregnancy(c: Canvas) -> None:
    """A pregnant person standing side-on, a hand supporting the lower back."""
    floor = 790
    room(c, floor, (800, 450, 380))
    hip = (760, floor - 352)
    person = standing(hip, floor, -4, ((hip[0] - 54, hip[1] - 36), (hip[0] - 40, hip[1] - 30)))
    person.elbows_back = True
    draw_profile(c, person)
    belly = arc((hip[0] + 20, hip[1] - 70), 88, 96, -90, 90, 24)
    c.shape(belly, TEAL, border=0)
    c.line(belly, LINE, SLATE)
    pain_mark(c, (hip[0] - 50, hip[1] - 80), 18)
    plant(c, 1230, floor)
