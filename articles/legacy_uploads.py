"""Old pages uploaded to the admin: held in memory within bounds, zips opened without writing
anything to disk and without letting a path inside one lead anywhere but into the upload.

The bounds (settings.LEGACY_IMPORT_LIMITS) hold before a byte is kept: the request's size is
checked before it is read, each file and the upload's total while they arrive, a zip's entries
and their total size from its directory and again while each is read (a zip may lie about
sizes: a "zip bomb").
"""

import io
import re
import zipfile
import zlib
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.template.defaultfilters import filesizeformat

from .legacy_files import MemoryFiles
from .legacy_reading import PAGE_SUFFIXES

PICTURE_SUFFIXES = {f".{extension}" for extension in settings.WAGTAILIMAGES_EXTENSIONS}
NAME_CHARS = 200
UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")


def limits():
    return settings.LEGACY_IMPORT_LIMITS


def megabytes(size):
    return filesizeformat(size).replace("\xa0", " ")


class BoundedMemoryUploadHandler(FileUploadHandler):
    """Keeps uploaded files in memory, never on disk, and stops reading at the bounds; what
    stopped it is in `refusal` for the form to say."""

    def __init__(self, request=None):
        super().__init__(request)
        self.refusal = ""
        self.total = 0
        self.count = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.count += 1
        if self.count > limits()["files"]:
            self.refusal = f"more than {limits()['files']} files: upload them as one zip"
            raise StopUpload(connection_reset=False)
        self.buffer = io.BytesIO()

    def receive_data_chunk(self, raw_data, start):
        self.total += len(raw_data)
        if self.total > limits()["upload_bytes"]:
            self.refusal = f"the upload is over {megabytes(limits()['upload_bytes'])}"
            raise StopUpload(connection_reset=False)
        self.buffer.write(raw_data)

    def file_complete(self, file_size):
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            self.buffer, self.field_name, self.file_name, self.content_type, file_size,
            self.charset, self.content_type_extra,
        )  # fmt: skip


class Unpacked:
    """The pages and pictures of an upload, and a line for each file left out."""

    def __init__(self):
        self.files = MemoryFiles()
        self.left_out = []
        self.unpacked = 0

    def add(self, path, data):
        kind = path.suffix.lower()
        if kind not in PAGE_SUFFIXES | PICTURE_SUFFIXES:
            return  # styles, scripts and the rest of a "complete" save: not wanted
        if len(data) > limits()["file_bytes"]:
            self.left_out.append(f"{path}: over {megabytes(limits()['file_bytes'])}")
            return
        self.unpacked += len(data)
        if self.unpacked > limits()["unpacked_bytes"]:
            self.left_out.append(f"{path}: the upload is over its unpacked size, left out")
            return
        if path in self.files.files:
            self.left_out.append(f"{path}: a second file of that name, left out")
            return
        self.files.files[path] = data


def unpack(uploads):
    """Unpacked pages and pictures of uploaded files (pages, pictures or zips of them)."""
    result = Unpacked()
    for upload in uploads:
        name = clean_name(upload.name or "upload")
        data = upload.read()
        if name is None:
            result.left_out.append("a file with an unreadable name, left out")
        elif data[:4] == b"PK\x03\x04" or name.suffix.lower() == ".zip":
            unpack_zip(name, data, result)
        else:
            result.add(PurePosixPath(name.name), data)
    return result


def unpack_zip(name, data, result):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [entry for entry in archive.infolist() if not entry.is_dir()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        result.left_out.append(f"{name.name}: not a zip file that can be read")
        return
    if len(entries) > limits()["zip_entries"]:
        result.left_out.append(f"{name.name}: over {limits()['zip_entries']} files, left out")
        return
    declared = sum(entry.file_size for entry in entries)
    if declared > limits()["unpacked_bytes"]:
        result.left_out.append(
            f"{name.name}: unpacks to over {megabytes(limits()['unpacked_bytes'])}, left out"
        )
        return
    for entry in entries:
        path = clean_name(entry.filename)
        if path is None:
            result.left_out.append(f"{name.name}: an entry whose path leads outside the zip")
            continue
        if path.suffix.lower() == ".zip":
            result.left_out.append(f"{path}: a zip inside the zip: unpack it first")
            continue
        if path.suffix.lower() not in PAGE_SUFFIXES | PICTURE_SUFFIXES:
            continue
        if entry.flag_bits & 0x1:
            result.left_out.append(f"{path}: protected by a password")
            continue
        try:
            with archive.open(entry) as member:
                # Read one byte more than allowed: a size the zip's directory understated.
                content = member.read(limits()["file_bytes"] + 1)
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError,
                RuntimeError, ValueError):  # fmt: skip
            result.left_out.append(f"{path}: damaged in the zip")
            continue
        result.add(path, content)


def clean_name(name):
    """A relative path inside the upload, or None for one that would lead out of it (absolute,
    "..", a drive letter) or is not a name at all."""
    name = str(name).replace("\\", "/")
    if UNSAFE_NAME.search(name) or re.match(r"^(/|[a-z]:)", name, re.I):
        return None
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if not parts or ".." in parts or any(len(part) > NAME_CHARS for part in parts):
        return None
    return PurePosixPath(*parts)
