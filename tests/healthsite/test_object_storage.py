"""Uploads on object storage: with a bucket named in the environment, production settings keep
uploaded files there, and pages show images (renditions made at publishing) from its address.
Against an S3-compatible server of the test's own on a spare port (moto's)."""

import io
import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import boto3
import pytest
from bs4 import BeautifulSoup
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from tests.conftest import page_at
from tests.site_pages import MUSCLE_SPASMS

pytestmark = pytest.mark.fixture_site

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "healthsite-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "healthsite", "AWS_SECRET_ACCESS_KEY": "not-a-secret"}


@pytest.fixture
def bucket(monkeypatch):
    """The address of an empty bucket on an S3-compatible server of our own."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    # moto keeps its buckets in the process, across servers: start from none.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
    s3 = boto3.client("s3", endpoint_url=endpoint)
    s3.create_bucket(Bucket=BUCKET)
    # Readers fetch uploads straight from the bucket, as .env.example asks of production's.
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    yield endpoint
    server.stop()


def objects(endpoint):
    listing = boto3.client("s3", endpoint_url=endpoint).list_objects_v2(Bucket=BUCKET)
    return [item["Key"] for item in listing.get("Contents", [])]


def test_production_settings_keep_uploads_in_the_named_bucket(bucket, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "healthsite.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "backpain.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": bucket,
    }
    env.pop("REDIS_URL", None)
    code = (
        "from django.core.files.base import ContentFile;"
        "from django.core.files.storage import default_storage as storage;"
        "name = storage.save('documents/leaflet.txt', ContentFile(b'Keep moving.'));"
        "print(storage.url(name))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    url = result.stdout.strip().splitlines()[-1]

    assert objects(bucket) == ["documents/leaflet.txt"]
    assert url == f"{bucket}/{BUCKET}/documents/leaflet.txt"  # public: no signature
    assert urllib.request.urlopen(url, timeout=5).read() == b"Keep moving."


@pytest.mark.django_db
def test_an_image_published_on_a_page_is_shown_from_the_bucket(
    bucket, settings, client, django_capture_on_commit_callbacks
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": bucket,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        },
    }
    drawing = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "#4f81bd").save(drawing, "JPEG")
    image = get_image_model()(title="Spine, side view")
    image.file = ImageFile(drawing, name="spine.jpg")
    image.save()
    page = page_at(MUSCLE_SPASMS.url)
    page.hero_image, page.hero_image_alt = image, "The spine seen from the side"

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    stored = objects(bucket)
    assert "original_images/spine.jpg" in stored
    assert any(key.startswith("images/spine.") and key.endswith(".webp") for key in stored)
    html = BeautifulSoup(client.get(MUSCLE_SPASMS.url).content, "html.parser")
    url = html.find("img", alt="The spine seen from the side")["src"]
    assert url.startswith(f"{bucket}/{BUCKET}/images/spine.")
    with urllib.request.urlopen(url, timeout=5) as answer:
        assert answer.headers["Content-Type"].startswith("image/")
