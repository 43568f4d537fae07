"""Review dates: when a health page's medical review falls due again."""

from calendar import monthrange

from healthsite.models import SiteSettings


def next_review_after(page, day):
    """When a medical review of `page` on `day` falls due again: after the interval Site
    settings give its type of page (`review_interval_setting`)."""
    months = getattr(SiteSettings.for_site(page.site), page.review_interval_setting)
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))
