"""Close views of the spine: a bulging disc, and a spine curving sideways."""

from __future__ import annotations

import math

from .bodies import pain_mark
from .canvas import (
    CORAL,
    GREY,
    SAND,
    SAND_LIGHT,
    TEAL_LIGHT,
    Canvas,
    box_points,
    curve,
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
