"""The demo's reader stories (demo/content/stories/), each with the consent record a real one
has, approved through the stories app's own moderation."""

from datetime import timedelta

from wagtail.models import Page

from stories import moderation
from stories.models import StoryIndexPage, StoryPage, StorySubmission

from .markup import aware, parse_date, read_page_file


def load(folder, log):
    """The stories in `folder` not loaded yet; none where the demo has no stories page (a part
    of it, as the tests' fixture site)."""
    if not StoryIndexPage.objects.exists():
        return
    for path in sorted(folder.glob("*.txt")):
        source = read_page_file(path.read_text())
        if StorySubmission.objects.filter(title=source.meta["title"]).exists():
            continue
        received = aware(parse_date(source.meta["received"]))
        submission = StorySubmission.objects.create(
            title=source.meta["title"],
            story="\n\n".join(line for line in source.fields["body"] if line.strip()),
            teller=source.meta["teller"],
            consent=True,
            received=received,
        )
        page = moderation.approve(submission, user=None)
        # Published a few days after it arrived, as a real one would have been, so the demo's
        # stories are not all "new".
        published = received + timedelta(days=3)
        Page.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
        StoryPage.objects.filter(pk=page.pk).update(last_updated=published)
        log(f"  story: {submission.title}")
