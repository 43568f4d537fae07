"""Where the old pages and their pictures are read from: folders on disk (the import_legacy
command) or files uploaded to the admin, held in memory and never written to disk."""

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings

from .legacy_reading import PAGE_SUFFIXES, is_page


class FolderFiles:
    """Files and folders named on the command line."""

    def __init__(self, paths):
        self.paths = [Path(path) for path in paths]

    def pages(self):
        for path in self.paths:
            if path.is_dir():
                yield from sorted(p for p in path.rglob("*") if is_page(p.relative_to(path)))
            else:
                yield path

    def read(self, path):
        return Path(path).read_bytes()

    def picture(self, page, src):
        """(key, bytes or None, why not) of a picture a page shows, by its src."""
        source = urlsplit(src)
        if not src or source.scheme or source.netloc:
            return src, None, "not a file of the old site"
        path = (Path(page).parent / unquote(source.path)).resolve()
        if not path.is_file():
            return str(path), None, "file not found"
        if path.stat().st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
            return str(path), None, "too large a file"
        return str(path), path.read_bytes(), ""


class MemoryFiles:
    """Uploaded files: {PurePosixPath inside the upload: bytes}."""

    def __init__(self, files=None):
        self.files = dict(files or {})

    def __len__(self):
        return len(self.files)

    def pages(self):
        return sorted(path for path in self.files if is_page(path))

    def read(self, path):
        return self.files[PurePosixPath(path)]

    def picture(self, page, src):
        source = urlsplit(src)
        if not src or source.scheme or source.netloc:
            return src, None, "not a file of the old site"
        joined = posixpath.normpath(
            posixpath.join(str(PurePosixPath(page).parent), unquote(source.path))
        )
        path = PurePosixPath(joined.lstrip("/"))
        if path.parts[:1] == ("..",):
            return joined, None, "outside the upload"
        if path in self.files:
            return str(path), self.files[path], ""
        # Pages and pictures chosen together, without their folders: found by name if only
        # one file has it.
        named = [other for other in self.files if other.name.lower() == path.name.lower()]
        if len(named) == 1 and named[0].suffix.lower() not in PAGE_SUFFIXES:
            return str(named[0]), self.files[named[0]], ""
        return str(path), None, "file not found (upload the page's pictures with it)"
