"""Close views of the spine: a bulging disc, a spine curving sideways, a slipped vertebra, worn
joints, a narrowed nerve canal and an arch that has not closed."""

from __future__ import annotations

import math

from .bodies import pain_mark
from .canvas import (
    CORAL,
    GLOW,
    GREY,
    SAND,
    SAND_DARK,
    SAND_LIGHT,
    TEAL_LIGHT,
    WHITE,
    Canvas,
    Frame,
    Point,
    arc,
    box_points,
    curve,
    smooth,
)
from .things import (
    room,
)


def scene_disc(c: Canvas) -> None:
    """Two vertebrae seen from the side, the disc between them bulging back against a nerve."""
    room(c, None, (800, 450, 400))
    # the nerve runs down behind the bones, on the left
    c.stroke(curve([(470, 60), (455, 300), (470, 520), (450, 840)]), 18, SAND_LIGHT)
    for top in (150, 520):
        c.shape(box_points((860, top + 110), 560, 220, 60), SAND_LIGHT)
        spur = [
            (580, top + 60),
            (520, top + 80),
            (380, top + 140),
            (372, top + 180),
            (520, top + 170),
            (580, top + 160),
        ]
        c.shape(spur, SAND, rounds=1)
    c.shape(box_points((860, 450), 540, 100, 46), TEAL_LIGHT)
    bulge = [(600, 410), (520, 420), (470, 450), (520, 485), (600, 492)]
    c.shape(curve(bulge, 8), CORAL)
    pain_mark(c, (440, 450), 16)


def scene_scoliosis(c: Canvas) -> None:
    """A spine seen from behind, curving sideways in a long S, beside a dashed straight line."""
    room(c, None, (800, 450, 420))
    c.dashed([(800, 40), (800, 860)], 6, GREY)
    path = curve([(800, 60), (760, 200), (870, 400), (750, 620), (800, 760)], 20)
    marks = [0.0]
    for p, q in zip(path, path[1:], strict=False):
        marks.append(marks[-1] + math.hypot(q[0] - p[0], q[1] - p[1]))
    count = 17
    for i in range(count):
        # evenly spaced along the curve, not along its control points
        at = marks[-1] * i / (count - 1)
        k = min(range(len(marks)), key=lambda j, at=at: abs(marks[j] - at))
        w = 70 + i * 3
        c.shape(box_points(path[k], w, 30, 12), SAND_LIGHT)
        c.circle(path[k], 7, SAND, border=3)
    pelvis = [(690, 790), (910, 790), (960, 830), (930, 880), (670, 880), (640, 830)]
    c.shape(pelvis, SAND, rounds=2)


def side_vertebra(c: Canvas, x0: float, y0: float, x1: float, y1: float) -> None:
    """A vertebra seen from the side, front to the right: its body, and the bony spur at the
    back (on the left) that the back of the spine is built from."""
    h = y1 - y0
    spur = [
        (x0 + 20, y0 + h * 0.2),
        (x0 - 60, y0 + h * 0.3),
        (x0 - 190, y0 + h * 0.62),
        (x0 - 196, y0 + h * 0.86),
        (x0 - 60, y0 + h * 0.82),
        (x0 + 20, y0 + h * 0.75),
    ]
    c.shape(spur, SAND, rounds=1)
    c.shape(box_points(((x0 + x1) / 2, (y0 + y1) / 2), x1 - x0, h, 34), SAND_LIGHT)


def disc_between(c: Canvas, upper: tuple[float, float], lower: tuple[float, float], y0, y1):
    """The disc joining the bottom of one vertebra (back and front x) to the top of the next."""
    (ub, uf), (lb, lf) = upper, lower
    c.shape([(ub + 6, y0), (uf - 6, y0), (lf - 6, y1), (lb + 6, y1)], TEAL_LIGHT, rounds=2)


def scene_spondylolisthesis(c: Canvas) -> None:
    """Lower back vertebrae from the side; the third has slipped forward over the fourth."""
    room(c, None, (820, 450, 410))
    back, front, slip = 660, 1020, 90
    tops = (40, 250, 460, 670)
    height = 170
    shifts = (0, 0, slip, 0)
    for i in range(len(tops) - 1):
        upper = (back + shifts[i], front + shifts[i])
        lower = (back + shifts[i + 1], front + shifts[i + 1])
        disc_between(c, upper, lower, tops[i] + height - 10, tops[i + 1] + 10)
    for top, shift in zip(tops, shifts, strict=True):
        side_vertebra(c, back + shift, top, front + shift, top + height)
    # the backs of the vertebrae in line, and the one that has left the line
    c.dashed([(back, 20), (back, 880)], 6, GREY)
    y = tops[2] + height / 2
    c.arrow([(front + slip + 50, y), (front + slip + 200, y)], 12, CORAL)


def scene_arthritis(c: Canvas) -> None:
    """Two vertebrae and their disc from the side: even and smooth on the left; on the right
    the disc is thin and the bone edges have grown rough spurs."""
    for x in (440, 1160):
        c.circle((x, 450), 330, GLOW, border=0)
    for cx, disc in ((500, 90), (1220, 34)):
        back, front = cx - 170, cx + 170
        top_end, bottom_start = 450 - disc / 2, 450 + disc / 2
        disc_between(c, (back, front), (back, front), top_end - 10, bottom_start + 10)
        side_vertebra(c, back, top_end - 200, front, top_end)
        side_vertebra(c, back, bottom_start, front, bottom_start + 200)
        if disc > 60:
            continue
        for y, toward in ((top_end, 1), (bottom_start, -1)):
            # worn, rough edges where the bone meets the thinned disc
            for k in range(12):
                x = back + 34 + 23 * k
                tooth = [(x, y - toward * 2), (x + 11, y + toward * 11), (x + 23, y - toward * 2)]
                c.shape(tooth, SAND_LIGHT, border=3)
            # bony spurs growing from the corners towards the next vertebra
            for x, out in ((front, 1), (back, -1)):
                spur = [
                    (x - out * 8, y - toward * 60),
                    (x + out * 24, y - toward * 34),
                    (x + out * 62, y + toward * 8),
                    (x + out * 14, y - toward * 4),
                    (x - out * 8, y - toward * 6),
                ]
                c.shape(spur, CORAL, rounds=1)


def top_vertebra(c: Canvas, center: Point, narrowed: bool) -> None:
    """A lower back vertebra seen from above, its front (the body) at the bottom and the bony
    arch behind, around the canal where the nerves run."""
    f = Frame(center)
    arch = [
        (-120, 80),
        (-150, 20),
        (-300, 0),
        (-310, -44),
        (-150, -60),
        (-80, -160),
        (-44, -290),
        (44, -290),
        (80, -160),
        (150, -60),
        (310, -44),
        (300, 0),
        (150, 20),
        (120, 80),
    ]
    c.shape(f.all(arch), SAND, rounds=2)
    c.shape(f.all(arc((0, 180), 190, 115, 0, 360, 48)), SAND_LIGHT)
    canal = smooth([(-140, 70), (140, 70), (0, -150)], 3)
    c.shape(f.all(canal), GLOW if not narrowed else SAND_DARK)
    if not narrowed:
        nerves, color = (0, 8, 62), TEAL_LIGHT
    else:
        # thickened joints and ligament press in from the sides and back
        c.shape(f.all(smooth([(-56, 62), (56, 62), (0, -34)], 3)), GLOW)
        nerves, color = (0, 28, 28), CORAL
    x, y, r = nerves
    c.shape(f.all(arc((x, y), r, r * 0.85, 0, 360, 32)), color)
    for dx, dy in ((-0.4, -0.2), (0.4, -0.2), (0, 0.35)):
        c.circle(f(x + dx * r, y + dy * r), r * 0.16, WHITE, border=2)


def scene_stenosis(c: Canvas) -> None:
    """Two vertebrae seen from above: a roomy canal around the nerves, and a narrowed one."""
    for x in (430, 1170):
        c.circle((x, 450), 340, GLOW, border=0)
    top_vertebra(c, (430, 440), narrowed=False)
    top_vertebra(c, (1170, 440), narrowed=True)
    for side in (-1, 1):
        c.arrow([(1170 + side * 170, 300), (1170 + side * 90, 370)], 9, CORAL)


def back_vertebra(c: Canvas, cx: float, top: float, w: float, gap: bool) -> None:
    """A lower back vertebra seen from behind: wings out to the sides and, in the middle, the
    bony arch and its knob. With gap, the two halves of the arch have not met."""
    f = Frame((cx, top))
    for side in (-1, 1):
        c.shape(f.all(box_points((side * (w / 4 + 40), 46), w / 2 - 40, 38, 18)), SAND)
    half = [(86, 0), (104, 40), (92, 104), (30, 118)]
    if gap:
        for side in (-1, 1):
            c.shape(f.all([(side * x, y) for x, y in [(24, 6), *half, (24, 112)]]), SAND_LIGHT)
        return
    arch = [(-x, y) for x, y in reversed(half)] + [(0, 14)] + half + [(0, 112)]
    c.shape(f.all(arch), SAND_LIGHT, rounds=1)
    c.shape(f.all(box_points((0, 110), 48, 92, 22)), SAND)


def scene_spina_bifida(c: Canvas) -> None:
    """The lower spine from behind; the arch of the lowest vertebra has a gap in the middle."""
    room(c, None, (800, 450, 420))
    tops = (40, 200, 360, 520)
    for i, top in enumerate(tops):
        last = i == len(tops) - 1
        c.shape(box_points((800, top + 150), 150, 30, 14), TEAL_LIGHT, border=3)
        back_vertebra(c, 800, top, 330 + 30 * i, gap=last)
    sacrum = [(640, 690), (960, 690), (930, 760), (840, 880), (760, 880), (670, 760)]
    c.shape(sacrum, SAND_LIGHT, rounds=2)
    for y, dx in ((730, 90), (790, 66), (845, 40)):
        for side in (-1, 1):
            c.circle((800 + side * dx, y), 13, SAND, border=3)
    c.dashed(arc((800, tops[-1] + 60), 90, 90, 0, 360, 40), 7, CORAL, 16, 12)
