"""Editors' uploads are checked before they are kept: a picture declaring more pixels than the
site can resize, an SVG (which can carry script) and an over-large file are refused with a
message in the form, never a 500."""

import io

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = [pytest.mark.django_db, pytest.mark.fixture_site]

ADD = "/admin/images/add/"


def png(width, height):
    data = io.BytesIO()
    Image.new("1", (width, height)).save(data, "PNG")  # one bit a pixel: small to make and send
    return SimpleUploadedFile("picture.png", data.getvalue(), content_type="image/png")


def upload(admin_client, file):
    fields = {"title": "Upload", "description": "A plain test picture.", "file": file}
    return admin_client.post(ADD, {**fields, "collection": Collection.get_first_root_node().pk})


def test_a_picture_of_reasonable_size_is_kept(admin_client):
    response = upload(admin_client, png(1600, 900))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Upload").exists()


def test_a_decompression_bomb_is_refused(admin_client):
    response = upload(admin_client, png(10_000, 10_000))  # 100 million pixels in a small file
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not get_image_model().objects.filter(title="Upload").exists()


def test_an_svg_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(admin_client, SimpleUploadedFile("drawing.svg", svg, "image/svg+xml"))
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Upload").exists()


def test_an_over_large_file_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload(admin_client, png(1600, 900 * 8))
    assert response.status_code == 200
    assert "too big" in response.content.decode()
