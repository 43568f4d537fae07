"""People showing a condition: a back muscle in spasm, back pain that has lasted for months, a
head jolted in a car seat, a sore buttock on the stairs and back pain that wakes at night."""

from __future__ import annotations

from .bodies import pain_mark, standing
from .canvas import (
    CORAL,
    CORAL_DARK,
    GREY,
    NAVY_DARK,
    SAND,
    SAND_DARK,
    SAND_LIGHT,
    SLATE,
    TEAL,
    TEAL_LIGHT,
    TEAL_PALE,
    WHITE,
    Canvas,
    along,
    arc,
    box_points,
    joint,
    leaf,
    lerp,
    polar,
)
from .people import HEAD_R, Profile, draw_profile
from .things import plant, room, side_pillow_points, window


def scene_muscle_spasm(c: Canvas) -> None:
    """A person bent forward, a hand on the lower back, where a tight muscle is highlighted."""
    floor = 790
    room(c, floor, (800, 450, 380))
    hip = (760, floor - 340)
    person = standing(hip, floor, 30)
    knee = joint(hip, person.feet[0][0], 172, 176, 1)
    # the near hand rests on the thigh; the far one presses on the lower back, its elbow out
    person.hands = (lerp(hip, knee, 0.8), along(hip, person.chest, 0.06, 58))
    person.elbows_back = True
    draw_profile(c, person)
    start, end = along(hip, person.chest, 0.0, 28), along(hip, person.chest, 0.62, 28)
    c.shape(leaf(start, end, 46), CORAL)
    for t in (0.2, 0.3, 0.4):
        fibre = [along(hip, person.chest, t, 22), along(hip, person.chest, t + 0.05, 34)]
        c.line(fibre, 4, CORAL_DARK)
    # zigzags beside the muscle: it has clamped tight
    for t in (0.12, 0.4):
        zig = [along(hip, person.chest, t + 0.04 * k, 76 + (22 if k % 2 else 0)) for k in range(6)]
        c.line(zig, 6, CORAL_DARK)
    plant(c, 1250, floor)


def calendar_page(c: Canvas, box: tuple[float, float, float, float], crossed: int) -> None:
    """A month on the wall: a coloured band, rings at the top and a grid of days, the first
    `crossed` of them crossed off."""
    x0, y0, x1, y1 = box
    c.rect(box, WHITE, 10)
    c.rect((x0, y0, x1, y0 + 44), TEAL, 10)
    for x in (x0 + 40, x1 - 40):
        c.stroke([(x, y0 - 14), (x, y0 + 14)], 8, GREY, border=3)
    cols, rows = 7, 5
    w, h = (x1 - x0 - 30) / cols, (y1 - y0 - 74) / rows
    for i in range(cols * rows):
        cx = x0 + 15 + w * (i % cols + 0.5)
        cy = y0 + 60 + h * (i // cols + 0.5)
        if i < crossed:
            r = min(w, h) * 0.3
            c.line([(cx - r, cy - r), (cx + r, cy + r)], 5, CORAL)
            c.line([(cx - r, cy + r), (cx + r, cy - r)], 5, CORAL)
        else:
            c.circle((cx, cy), 4, GREY, border=0)


def scene_chronic_pain(c: Canvas) -> None:
    """A person sitting with a hand on the lower back, beside three months of calendar pages
    with the days crossed off."""
    floor = 790
    room(c, floor, (620, 470, 360))
    x, seat = 500, floor - 200
    # a plain wooden chair, facing right
    c.stroke([(x - 50, floor - 4), (x - 50, seat), (x - 76, seat - 250)], 26, SAND_DARK)
    c.stroke([(x + 130, floor - 4), (x + 130, seat + 20)], 24, SAND_DARK)
    c.rect((x - 70, seat - 4, x + 150, seat + 26), SAND, 12)
    hip = (x + 10, seat - 26)
    chest = (x + 22, hip[1] - 172)
    person = Profile(
        hip=hip,
        chest=chest,
        head=(chest[0] + 12, chest[1] - 94),
        hands=((hip[0] - 48, hip[1] - 34), (hip[0] + 120, hip[1] - 6)),
        feet=(
            ((x + 186, floor - 26), (x + 242, floor - 26)),
            ((x + 168, floor - 26), (x + 224, floor - 26)),
        ),
        elbows_back=True,
    )
    draw_profile(c, person)
    pain_mark(c, (hip[0] - 46, hip[1] - 92), 18)
    for i, crossed in enumerate((35, 35, 24)):
        left = 840 + i * 230
        calendar_page(c, (left, 170, left + 200, 400), crossed)


def scene_whiplash(c: Canvas) -> None:
    """A person in a car seat; faint outlines and a two-way arrow show the head thrown forward
    and back."""
    room(c, None, (720, 450, 400))
    # the windscreen and dashboard ahead, on the right
    c.shape([(1600, 110), (1290, 110), (1050, 440), (1600, 440)], TEAL_PALE, border=0)
    c.line([(1290, 110), (1050, 440)], 14, SLATE)
    c.shape([(990, 440), (1600, 440), (1600, 600), (1040, 580)], NAVY_DARK, rounds=1)
    c.stroke([(1000, 500), (830, 420)], 16, GREY)
    c.shape(box_points((820, 420), 40, 200, 20, 22), SLATE, border=0)
    # the seat, reclined a little, with its headrest
    c.stroke([(500, 340), (492, 300)], 14, SLATE)
    c.shape(box_points((556, 480), 100, 330, 44, -12), GREY)
    c.shape(box_points((486, 270), 74, 120, 34, -12), GREY)
    c.rect((500, 610, 860, 690), GREY, 36)
    c.rect((540, 690, 820, 730), SLATE, 10, border=0)
    hip = (650, 600)
    neck = polar(hip, 172, -100)
    person = Profile(
        hip=hip,
        chest=neck,
        head=polar(neck, 94, -94),
        hands=((800, 400), (812, 410)),
        feet=(((920, 800), (976, 790)), ((900, 800), (956, 790))),
    )
    for turn in (-140, -46):
        # where the head is thrown: back over the headrest, then forward
        ghost = polar(neck, 94, turn)
        c.line([neck, ghost], 8, WHITE)
        c.circle(ghost, HEAD_R, WHITE, border=0)
        c.dashed(arc(ghost, HEAD_R, HEAD_R, 0, 360, 40), 5, GREY, 12, 10)
    draw_profile(c, person)
    # the seat belt across the chest
    c.stroke([lerp(neck, person.head, 0.2), (hip[0] + 46, hip[1] - 26)], 14, SAND_DARK, border=3)
    for end in (-150, -36):
        c.arrow(arc(neck, 200, 200, -94, end, 16), 10, CORAL)


def scene_buttock_pain(c: Canvas) -> None:
    """A person stepping up a stair, with a red mark on the buttock showing the pain."""
    floor = 790
    room(c, floor, (760, 450, 380))
    rise, tread = 90, 180
    for k in range(4):
        x = 880 + k * tread
        c.rect((x, floor - rise * (k + 1), 1700, floor - rise * k), SAND_LIGHT, 6)
    hip = (740, floor - 352 - 30)
    person = standing(hip, floor, 6, ((hip[0] + 70, hip[1] + 40), (hip[0] - 40, hip[1] + 50)))
    person.feet = (
        ((hip[0] + 170, floor - rise - 26), (hip[0] + 226, floor - rise - 26)),
        ((hip[0] - 40, floor - 26), (hip[0] + 16, floor - 26)),
    )
    draw_profile(c, person)
    pain_mark(c, (hip[0] - 42, hip[1] + 6), 20)


def scene_night_pain(c: Canvas) -> None:
    """A person sitting up on the edge of the bed at night, a hand on the sore lower back."""
    floor = 800
    top = floor - 220
    room(c, floor, None)
    window(c, (420, 90, 720, 320), night=True)
    # a bedside table with a clock showing three o'clock, then the bed, head end on the left
    c.rect((40, floor - 190, 190, floor), SAND, 10)
    c.circle((115, floor - 250), 46, WHITE)
    c.line([(115, floor - 250), (115, floor - 282)], 6, SLATE)
    c.line([(115, floor - 250), (140, floor - 250)], 6, SLATE)
    c.rect((210, top - 220, 264, floor), SAND_DARK, 24)
    c.rect((240, top + 70, 1000, top + 120), SAND, 10)
    c.rect((264, top, 1000, top + 76), WHITE, 30)
    c.shape(side_pillow_points((400, top - 30), 240, 70, -2), TEAL_PALE)
    c.shape(side_pillow_points((720, top - 10), 420, 40, 0), TEAL_LIGHT, rounds=0)
    for x in (280, 980):
        c.rect((x - 14, top + 110, x + 14, floor), SAND_DARK, 6)
    x = 880
    hip = (x, top - 26)
    chest = (x + 14, hip[1] - 172)
    person = Profile(
        hip=hip,
        chest=chest,
        head=(chest[0] + 10, chest[1] - 94),
        hands=((hip[0] - 48, hip[1] - 34), (hip[0] + 120, hip[1] - 6)),
        feet=(
            ((x + 150, floor - 26), (x + 206, floor - 26)),
            ((x + 132, floor - 26), (x + 188, floor - 26)),
        ),
        elbows_back=True,
    )
    draw_profile(c, person)
    pain_mark(c, (hip[0] - 46, hip[1] - 92), 18)
