"""What every page reads and seldom changes (the menu, say), kept for readers by whichever app
registers the `keep_for_readers` hook (caching/) until a change that shows on every page; built
each time when none does. A registry, so that the site shell needs no caching of its own."""

from wagtail import hooks


def remember(name, build, request=None):
    """`build()`, or the copy of it kept under `name`."""
    for keep in hooks.get_hooks("keep_for_readers"):
        return keep(name, build, request)
    return build()
