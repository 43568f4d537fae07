"""Flat illustrations for the demo site, drawn with Pillow (see demo/drawings/).

The demo ships no image files, so the content loader asks this module for pictures instead.
``ILLUSTRATIONS`` maps each key to alt text that describes the drawing, and ``draw(key)`` returns
a 1600x900 RGB image. Nothing is random, so the output is repeatable.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from .drawings import (
    bedding,
    bodies,
    conditions,
    footwear,
    furniture,
    joints,
    scenes,
    seating,
    spines,
)
from .drawings.canvas import Canvas

SCENES: dict[str, Callable[[Canvas], None]] = {
    "home": scenes.scene_home,
    "spine": scenes.scene_spine,
    "posture": scenes.scene_posture,
    "stretch": scenes.scene_stretch,
    "lifting": scenes.scene_lifting,
    "walking": scenes.scene_walking,
    "pilates": scenes.scene_pilates,
    "sleep": scenes.scene_sleep,
    "desk": scenes.scene_desk,
    "neck": scenes.scene_neck,
    "chair": furniture.scene_chair,
    "mattress": furniture.scene_mattress,
    "shoe": footwear.scene_shoe,
    "pillow": furniture.scene_pillow,
    "cushion": furniture.scene_cushion,
    "heat-pack": furniture.scene_heat_pack,
    "armchair": seating.scene_armchair,
    "wedge-cushion": seating.scene_wedge_cushion,
    "lumbar-roll": seating.scene_lumbar_roll,
    "topper": bedding.scene_topper,
    "zoned-mattress": bedding.scene_zoned_mattress,
    "knee-pillow": bedding.scene_knee_pillow,
    "contour-pillow": bedding.scene_contour_pillow,
    "sandal": footwear.scene_sandal,
    "work-shoe": footwear.scene_work_shoe,
    "insoles": footwear.scene_insoles,
    "lower-back": bodies.scene_lower_back,
    "sciatica": bodies.scene_sciatica,
    "headache": bodies.scene_headache,
    "jaw": bodies.scene_jaw,
    "shoulder": bodies.scene_shoulder,
    "hip": bodies.scene_hip,
    "knees-bent": bodies.scene_knees_bent,
    "knee-rolls": bodies.scene_knee_rolls,
    "carrying": bodies.scene_carrying,
    "upper-back": bodies.scene_upper_back,
    "middle-back": bodies.scene_middle_back,
    "pregnancy": bodies.scene_pregnancy,
    "disc": spines.scene_disc,
    "scoliosis": spines.scene_scoliosis,
    "arthritis": spines.scene_arthritis,
    "spina-bifida": spines.scene_spina_bifida,
    "stenosis": spines.scene_stenosis,
    "spondylolisthesis": spines.scene_spondylolisthesis,
    "muscle-spasm": conditions.scene_muscle_spasm,
    "chronic-pain": conditions.scene_chronic_pain,
    "whiplash": conditions.scene_whiplash,
    "buttock-pain": conditions.scene_buttock_pain,
    "night-pain": conditions.scene_night_pain,
    "tendonitis": joints.scene_tendonitis,
    "bursitis": joints.scene_bursitis,
}

ILLUSTRATIONS: dict[str, str] = {
    "home": (
        "Drawing of a calm room: a person stands on an exercise mat stretching both arms "
        "overhead, beside a large window, a framed picture and a potted plant"
    ),
    "spine": (
        "Side view of a human spine curving in a gentle S shape: stacked vertebrae with "
        "cushioning discs between them, and the sacrum at the base"
    ),
    "posture": (
        "Drawing of a person sitting upright on an office chair at a desk, with a dashed line "
        "showing ears, shoulders and hips lined up, feet flat on the floor and the screen at "
        "eye level"
    ),
    "stretch": (
        "Drawing of a person standing with feet apart in a side stretch, one arm arched over "
        "the head and the other hand on the hip, with an arrow showing the direction of the bend"
    ),
    "lifting": (
        "Drawing of a person squatting with bent knees and a straight back to lift a cardboard "
        "box from the floor, with an arrow pointing up"
    ),
    "walking": (
        "Drawing of a person walking outdoors along a path, arms swinging, with trees in the "
        "background"
    ),
    "pilates": (
        "Drawing of a person on hands and knees on an exercise mat, reaching one arm forward and "
        "the opposite leg back, with an exercise ball beside the mat"
    ),
    "sleep": (
        "Drawing of a person asleep on their side in bed, head on a pillow and a small pillow "
        "between the knees, with a night sky in the window"
    ),
    "desk": (
        "Drawing of a home office: a person sits upright on an office chair with hands on the "
        "keyboard, the screen at eye level and feet flat on the floor, with a desk lamp, a mug, "
        "a window and a plant"
    ),
    "neck": (
        "Drawing of a person gently tilting their head towards one shoulder to stretch the side "
        "of the neck, with a curved arrow showing the movement"
    ),
    "chair": (
        "Drawing of an ergonomic office chair seen from the side, with a curved backrest, a "
        "lumbar support pad, an armrest and a height-adjustable base on wheels"
    ),
    "mattress": (
        "Drawing of a bed with a thick mattress on a wooden frame; the side of the mattress "
        "shows a quilted top layer above a row of coil springs, and two pillows lie at the head "
        "end"
    ),
    "shoe": (
        "Drawing of a supportive walking shoe seen from the side, with a thick cushioned sole, "
        "laces, a padded tongue and a firm heel"
    ),
    "pillow": "Drawing of a soft, plump rectangular pillow",
    "cushion": (
        "Drawing of a lumbar support cushion: on the left it rests against the lower backrest of "
        "a wooden chair, strapped in place; on the right the same cushion is shown from the "
        "front with its adjustable strap and buckle"
    ),
    "heat-pack": (
        "Drawing of a rounded, stitched heat pack with wavy lines of warmth rising from it"
    ),
}


ILLUSTRATIONS |= {
    "armchair": (
        "Drawing of a high-backed armchair seen from the front, with a tall padded back and "
        "side wings, a firm flat seat, padded arms and short wooden legs"
    ),
    "wedge-cushion": (
        "Drawing of a wedge-shaped seat cushion on a wooden chair, seen from the side: thick at "
        "the back and thin at the front, with an arrow along its slope"
    ),
    "lumbar-roll": (
        "Drawing of a small round lower back support roll: on the left it sits in the curve of "
        "a wooden chair's backrest, held by a strap; on the right it is shown on its own"
    ),
    "topper": (
        "Drawing of a thick, quilted mattress topper lying on top of a mattress on a wooden "
        "bed, with a pillow at the head end"
    ),
    "zoned-mattress": (
        "Drawing of a mattress cut open along its length to show zones of foam: softer under "
        "the shoulders and firmer under the hips, with arrows pressing down on each zone"
    ),
    "knee-pillow": (
        "Drawing of a pillow set: a plump head pillow and, beside it, an hourglass-shaped "
        "pillow that fits between the knees"
    ),
    "contour-pillow": (
        "Drawing of a contoured foam pillow seen from the side, with a raised roll at each edge "
        "to support the neck and a hollow in the middle for the head"
    ),
    "sandal": (
        "Drawing of a supportive sandal seen from the side: a thick, contoured footbed, two "
        "wide straps over the foot and a strap around the back of the heel, buckled at the ankle"
    ),
    "work-shoe": (
        "Drawing of a plain leather lace-up work shoe seen from the side, with a low, broad heel "
        "and a cushioned sole"
    ),
    "insoles": (
        "Drawing of a pair of cushioned insoles seen from above, each with a raised arch "
        "support and a padded heel"
    ),
    "lower-back": (
        "Drawing of a person standing side-on and stooping a little, one hand pressed to the "
        "lower back, where a red spot shows the pain"
    ),
    "sciatica": (
        "Drawing of a person standing side-on with a hand on the lower back; a red spot on the "
        "buttock and a dashed red line down the back of the leg show where sciatica is felt"
    ),
    "headache": (
        "Drawing of a person's head and shoulders, hands pressed to the sides of the head, with"
        " red marks above the temples showing a headache"
    ),
    "jaw": (
        "Drawing of a person's head and shoulders, fingertips on both sides of the jaw just in "
        "front of the ears, where red marks show jaw joint pain"
    ),
    "shoulder": (
        "Drawing of a person's head and shoulders, one hand holding the opposite shoulder, "
        "where a red mark shows the pain"
    ),
    "hip": (
        "Drawing of a person standing facing us, one hand on the hip, with a red mark on the "
        "outer side of the hip showing the pain"
    ),
    "knees-bent": (
        "Drawing of a person lying on their back on an exercise mat, arms by their sides, knees"
        " bent and feet flat on the mat"
    ),
    "knee-rolls": (
        "Drawing of a person lying on their back on an exercise mat with knees bent and feet "
        "flat, and a curved arrow over the knees showing them rolling gently to one side"
    ),
    "carrying": (
        "Drawing of a person standing upright and carrying a cardboard box close to the body at"
        " waist height"
    ),
    "upper-back": (
        "Drawing of a person standing side-on with rounded shoulders, a red mark between the "
        "shoulder blades showing upper back pain"
    ),
    "middle-back": (
        "Drawing of a person standing side-on, with a red mark in the middle of the back "
        "showing where it hurts, and a window behind"
    ),
    "pregnancy": (
        "Drawing of a pregnant person standing side-on, one hand supporting the lower back, "
        "where a red mark shows the ache"
    ),
    "disc": (
        "Close-up drawing of two vertebrae seen from the side; the disc between them bulges "
        "backwards and presses on a nerve, marked in red"
    ),
    "scoliosis": (
        "Drawing of a spine seen from behind, curving sideways in a long S shape above the "
        "pelvis, beside a dashed straight line showing where a straight spine would be"
    ),
}

# Each condition page's own drawing (tests/demo/test_pictures.py checks no other page shows it).
ILLUSTRATIONS |= {
    "arthritis": (
        "Side view of two pairs of vertebrae with a disc between each pair: on the left the "
        "disc is thick and the bone edges smooth; on the right the disc is thin, the edges are "
        "rough and small bony spurs, in red, grow from the corners"
    ),
    "spina-bifida": (
        "Drawing of the lower spine seen from behind: four vertebrae above the base of the "
        "spine. The bony arch at the back of the lowest vertebra has a gap down the middle "
        "where its two halves have not joined, circled in red"
    ),
    "stenosis": (
        "Two vertebrae seen from above, each with a bony ring around the canal where the "
        "nerves run: on the left the canal has room around the nerves; on the right thickened "
        "tissue, marked by arrows, narrows it and squeezes the nerves, in red"
    ),
    "spondylolisthesis": (
        "Side view of four lower back vertebrae with discs between them; the third has slipped "
        "forward over the one below, out of line with a dashed line along the backs of the "
        "others, and an arrow shows the slip"
    ),
    "muscle-spasm": (
        "Drawing of a person standing bent forward, one hand on the thigh and the other pressed"
        " to the lower back, where a tight muscle is highlighted in red with zigzag lines "
        "beside it"
    ),
    "chronic-pain": (
        "Drawing of a person sitting on a chair, one hand on the lower back where a red mark "
        "shows the pain, beside three monthly calendar pages on the wall with the days crossed "
        "off"
    ),
    "whiplash": (
        "Drawing of a person in a car seat with a headrest, wearing a seat belt and holding the"
        " steering wheel; dashed outlines of the head thrown forward and back, and a two-way "
        "arrow, show the head being jolted"
    ),
    "tendonitis": (
        "Drawing of a bent arm with its bones showing through: the muscle at the front of the "
        "upper arm joins the forearm by a tendon across the elbow, highlighted in red, with a "
        "red mark showing where it is sore"
    ),
    "bursitis": (
        "Drawing of the pelvis and hips from the front, the ball of each thigh bone in its "
        "socket; on the outer side of one hip, a small cushion of fluid over the bony point "
        "of the thigh bone is swollen and marked in red"
    ),
    "buttock-pain": (
        "Drawing of a person seen from the side stepping up a flight of stairs, one foot on the"
        " first step, with a red mark on the buttock showing the pain"
    ),
    "night-pain": (
        "Drawing of a person sitting up on the edge of a bed at night, one hand on the lower "
        "back where a red mark shows the pain, with the moon in the window and a bedside clock "
        "showing three o'clock"
    ),
}


def draw(key: str) -> Image.Image:
    """Draw the illustration for key as a 1600x900 RGB image."""
    try:
        scene = SCENES[key]
    except KeyError:
        raise KeyError(f"No demo illustration called {key!r}") from None
    canvas = Canvas()
    scene(canvas)
    return canvas.finish()
