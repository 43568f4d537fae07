"""The demo's illustrations, drawn with Pillow; ``demo.images`` is their public face."""
