"""Production settings for `make bench`, with static files collected into the benchmark's own
folder: base.py fixes STATIC_ROOT to the project's static/, which the benchmark leaves alone."""

import os

from healthsite.settings.production import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
