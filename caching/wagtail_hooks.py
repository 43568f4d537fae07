from wagtail import hooks

from .page_cache import remember

# The site shell's menu and the like, kept until the site's generation changes.
hooks.register("keep_for_readers", remember)
