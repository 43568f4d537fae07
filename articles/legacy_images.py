"""The old pages' pictures, into the image library: each file looked at once per import, the
same picture found again by its hash, pictures too large refused before they are opened."""

import hashlib
import io
from pathlib import PurePosixPath

from PIL import Image as PILImage

from django.conf import settings
from django.core.files.images import ImageFile

from wagtail.images import get_image_model

WOULD_ADD = object()  # a picture a dry run would add to the library


class Pictures:
    def __init__(self, files, dry_run):
        self.files, self.dry_run = files, dry_run
        self.seen = {}  # picture file -> image in the library, as they are imported

    def image(self, block, outcome):
        """The library's image for an image block (None if it cannot be had); each picture
        is looked at, and reported, once per run."""
        key, data, why_not = self.files.picture(outcome.document.path, block.src)
        if key not in self.seen:
            self.seen[key] = self.library_image(block, key, data, why_not, outcome)
        if self.seen[key] is WOULD_ADD:
            outcome.blocks["image"] += 1  # in a dry run no file is written, so no block made
            return None
        return self.seen[key]

    def library_image(self, block, key, data, why_not, outcome):
        def skipped(reason):
            outcome.images.append(f"{block.src or 'an image without src'}: {reason}, skipped")

        if data is None:
            return skipped(why_not)
        name = PurePosixPath(key).name
        if PurePosixPath(name).suffix.lower().lstrip(".") not in settings.WAGTAILIMAGES_EXTENSIONS:
            return skipped("not a picture format the site takes")
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's file hash: not for security
        image_model = get_image_model()
        existing = image_model.objects.filter(file_hash=digest).first()
        if existing:
            outcome.images.append(f"{block.src}: already in the library as “{existing.title}”")
            return existing
        try:
            with PILImage.open(io.BytesIO(data)) as picture:
                width, height = picture.size
        except (OSError, ValueError, PILImage.DecompressionBombError):
            return skipped("not a readable picture")
        if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
            return skipped(f"{width}×{height} pixels is too large")
        if not (block.alt or block.caption):
            outcome.notes.append(f"{block.src} has no alt text: add it before publishing")
        if self.dry_run:
            outcome.images.append(f"{block.src}: would be added to the library")
            return WOULD_ADD
        image = image_model(
            title=(block.alt or block.caption or PurePosixPath(name).stem)[:255],
            file_hash=digest,  # as the admin's upload sets it, so the next import finds it
            file_size=len(data),
        )
        image.file = ImageFile(io.BytesIO(data), name=name)
        image.save()
        outcome.images.append(f"{block.src}: added to the library")
        return image
