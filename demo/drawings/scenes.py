"""Scenes of people: at home, at a desk, lifting, walking, stretching, asleep."""

from __future__ import annotations

import bisect
import math

from .canvas import (
    CORAL,
    CORAL_LIGHT,
    GLOW,
    GREY,
    NAVY,
    NAVY_DARK,
    SAND,
    SAND_DARK,
    SAND_LIGHT,
    SKIN,
    SLATE,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    WHITE,
    WIDTH,
    Canvas,
    Frame,
    arc,
    box_points,
    curve,
    lerp,
    polar,
)
from .people import ARM_W, HEAD_R, LEG_W, Front, Profile, draw_front, draw_profile, front_head
from .things import (
    bed,
    cardboard_box,
    desk,
    monitor,
    office_chair,
    picture,
    plant,
    room,
    side_pillow_points,
    tree,
    window,
)

# Scenes ----------------------------------------------------------------------------------------


def scene_home(c: Canvas) -> None:
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


def scene_spine(c: Canvas) -> None:
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


def seated_at_desk(c: Canvas, floor: float, x: float, desk_end: float) -> tuple[Profile, float]:
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


def scene_posture(c: Canvas) -> None:
    floor = 790
    room(c, floor, (720, 460, 390))
    person, _ = seated_at_desk(c, floor, 560, 1180)
    draw_profile(c, person)
    x = person.chest[0]
    c.dashed([(x, 150), (x, person.hip[1] + 20)], 7, CORAL)
    for y in (person.head[1] + 7, person.chest[1] + 6, person.hip[1]):
        c.circle((x, y), 11, CORAL, border=3)
    plant(c, 1370, floor)


def scene_desk(c: Canvas) -> None:
    floor = 800
    room(c, floor, None)
    window(c, (1150, 100, 1450, 350))
    person, top = seated_at_desk(c, floor, 340, 1100)
    draw_profile(c, person)
    c.rect((1000, top - 16, 1080, top), SLATE, 8, border=0)
    c.stroke([(1040, top - 12), (1070, top - 170), (990, top - 220)], 10, SLATE, border=0)
    shade = Frame((975, top - 212), 1.0, 35)
    c.circle(shade(0, 8), 15, SAND_LIGHT, border=3)
    c.shape(shade.all(arc((0, 0), 56, 48, 180, 360, 20)), CORAL)
    c.rect((620, top - 70, 670, top), WHITE, 12)
    c.line(arc((672, top - 38), 18, 18, -80, 80, 10), 7, SLATE)
    plant(c, 1330, floor, 0.85)


def scene_stretch(c: Canvas) -> None:
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


def scene_lifting(c: Canvas) -> None:
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


def scene_walking(c: Canvas) -> None:
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


def scene_pilates(c: Canvas) -> None:
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


def scene_sleep(c: Canvas) -> None:
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


def scene_neck(c: Canvas) -> None:
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
