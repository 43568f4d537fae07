"""What the site keeps from readers' contact forms (the site shell's FormPage, Wagtail's
FormSubmission), for the privacy tools (personal_data.py)."""

from wagtail.contrib.forms.models import FormSubmission

from .personal_data import PersonalData, older_than

KEEP_DAYS = 365


def submissions_from(email):
    """Form submissions in which the reader gave `email` (any field)."""
    email = email.casefold()
    return [
        submission
        for submission in FormSubmission.objects.iterator()
        if email in (str(value).casefold() for value in submission.form_data.values())
    ]


def export(email):
    return [
        {
            "form": str(submission.page),
            "sent": submission.submit_time.isoformat(),
            **submission.form_data,
        }
        for submission in submissions_from(email)
    ]


def erase(email):
    found = submissions_from(email)
    FormSubmission.objects.filter(pk__in=[submission.pk for submission in found]).delete()
    return len(found)


def purge(now):
    deleted, _ = FormSubmission.objects.filter(submit_time__lt=older_than(now, KEEP_DAYS)).delete()
    return deleted


CONTACT_MESSAGES = PersonalData(
    name="Contact messages",
    kept_for="12 months",
    export=export,
    erase=erase,
    purge=purge,
)
