from itertools import groupby

from django import template

register = template.Library()


@register.filter
def runs(stream):
    """(block type, blocks) for each run of same-type blocks, so that consecutive steps or
    warning signs render as one list."""
    return [(block_type, list(run)) for block_type, run in groupby(stream, lambda b: b.block_type)]
