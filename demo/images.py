"""Flat illustrations for the demo site, drawn with Pillow (see demo/drawings/).

The demo ships no image files, so the content loader asks this module for pictures instead.
``ILLUSTRATIONS`` maps each key to alt text that describes the drawing, and ``draw(key)`` returns
a 1600x900 RGB image. Nothing is random, so the output is repeatable.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from .drawings import footwear, furniture, scenes
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


def draw(key: str) -> Image.Image:
    """Draw the illustration for key as a 1600x900 RGB image."""
    try:
        scene = SCENES[key]
    except KeyError:
        raise KeyError(f"No demo illustration called {key!r}") from None
    canvas = Canvas()
    scene(canvas)
    return canvas.finish()
