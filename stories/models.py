"""Readers' stories."""

from healthsite.models import ContentPage


class StoryIndexPage(ContentPage):
    """ "Tell Your Story": invites readers to share their experience of back pain."""

    max_count = 1  # one place where stories are told and moderated
    parent_page_types = ["healthsite.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = "reader stories"
