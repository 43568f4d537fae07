import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Search statistics, suggestions and synonyms live in the cache: start each test without."""
    cache.clear()
