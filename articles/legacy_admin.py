"""The admin's Import view: editors upload old pages (HTML or saved text, several at once, or
a zip), see the dry run's report, then import; health pages' drafts go into the Medical review
workflow.

A big upload is read in batches of BATCH pages, one batch per POST, its state kept in a
LegacyUpload row: each request takes a bounded time, a batch is done whole or not at all, and
an interrupted import carries on from where it stopped (the progress page continues by itself,
or with its button when scripts are off). Uploads never touch the disk (legacy_uploads).
"""

import io
import logging
import zipfile
from datetime import timedelta
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page, Site

from editorial.publishing import needs_review
from healthsite.models import SectionPage

from .legacy_chrome import repeated_texts
from .legacy_files import MemoryFiles
from .legacy_headings import phrase_table
from .legacy_import import LegacyImport, Refused
from .legacy_reading import BadFile, read
from .legacy_report import describe
from .legacy_uploads import BoundedMemoryUploadHandler, limits, megabytes, unpack
from .models import ArticlePage, ConditionPage, LegacyUpload

logger = logging.getLogger(__name__)
BATCH = 20  # pages per request
# Repetition across files (menus, footers) is learned from this many pages of an upload.
SAMPLE = 60
KEPT_FOR = timedelta(days=1)


def sections_for(user):
    """The sections this user may add pages in."""
    root = Site.objects.get(is_default_site=True).root_page
    sections = SectionPage.objects.descendant_of(root).order_by("path")
    return [s for s in sections if s.permissions_for_user(user).can_add_subpage()]


def may_import(user):
    return user.is_active and bool(sections_for(user))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows."""

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Old pages",
        widget=MultipleFileInput(attrs={"accept": ".html,.htm,.txt,.zip"}),
        help_text="HTML files or the text a browser saves of a page, several at once, or a zip "
        "(a page saved “complete” with its _files folder brings its pictures).",
    )
    page_type = forms.ChoiceField(
        label="New pages are", choices=[("condition", "Conditions"), ("article", "Articles")]
    )
    parent = forms.ModelChoiceField(
        queryset=SectionPage.objects.none(),
        required=False,
        label="Section",
        empty_label="The one each page's “Return from … to …” line names",
        help_text="Where new pages go when their own breadcrumb does not say.",
    )
    into = forms.ModelChoiceField(
        queryset=Page.objects.none(),  # set per form: the types are looked up in the database
        required=False,
        label="Import into (one page only)",
        widget=AdminPageChooser(target_models=[ArticlePage, ConditionPage]),
        help_text="A page of the site that the one old page becomes a new draft of, when it is "
        "not found by its old address or slug (the dry run lists likely pages).",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["into"].queryset = Page.objects.type(ArticlePage, ConditionPage)
        self.fields["parent"].queryset = SectionPage.objects.filter(
            pk__in=[section.pk for section in sections_for(user)]
        )

    def clean_into(self):
        page = self.cleaned_data["into"]
        if page and not page.permissions_for_user(self.user).can_edit():
            raise forms.ValidationError("You may not edit that page.")
        return page


@csrf_exempt
def upload(request):
    """Uploads go to memory, within bounds: the handler is set before the CSRF check reads
    the request's body (Django's documented way, hence csrf_exempt then csrf_protect), and a
    request declaring more than the bound is answered without reading it."""
    if not may_import(request.user):
        raise PermissionDenied
    size = request.META.get("CONTENT_LENGTH") or "0"
    if request.method == "POST" and (
        not size.isdigit() or int(size) > limits()["upload_bytes"] + 1024 * 1024
    ):
        refusal = f"The upload is over {megabytes(limits()['upload_bytes'])}: send less at once."
        return form_page(request, UploadForm(user=request.user), refusal, status=413)
    handler = BoundedMemoryUploadHandler(request)
    request.upload_handlers = [handler]
    return checked_upload(request, handler)


@csrf_protect
def checked_upload(request, handler):
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST":
        if handler.refusal:
            return form_page(
                request, UploadForm(user=request.user), f"Not read: {handler.refusal}."
            )
        if form.is_valid():
            contents = unpack(form.cleaned_data["files"])
            pages = contents.files.pages()
            if not pages:
                left_out = "".join(f" {line}." for line in contents.left_out)
                form.add_error(
                    "files", f"No old pages there: give .html, .htm or .txt files.{left_out}"
                )
            elif form.cleaned_data["into"] and len(pages) > 1:
                form.add_error("into", "Import into a page takes one old page.")
            else:
                batch = start(request.user, form.cleaned_data, contents, pages)
                return step_once(request, batch)
    return form_page(request, form)


def form_page(request, form, refusal="", status=200):
    context = {"form": form, "refusal": refusal, "limits": limits()}
    return TemplateResponse(request, "articles/admin/legacy_import.html", context, status=status)


def start(user, options, contents, pages):
    LegacyUpload.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    sample = []
    for path in pages[:SAMPLE]:
        try:
            sample.append(read(path, contents.files.read(path)))
        except BadFile:
            continue
    return LegacyUpload.objects.create(
        user=user,
        files=packed(contents.files),
        page_type=options["page_type"],
        parent=options["parent"],
        into=options["into"],
        pages=[str(path) for path in pages],
        repeated=repeated_texts(sample),
        left_out=contents.left_out,
    )


def packed(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.files.items():
            archive.writestr(str(path), data)
    return buffer.getvalue()


def unpacked(batch):
    with zipfile.ZipFile(io.BytesIO(bytes(batch.files))) as archive:
        return MemoryFiles({PurePosixPath(name): archive.read(name) for name in archive.namelist()})


def batch_for(request, pk):
    batch = get_object_or_404(LegacyUpload, pk=pk)
    if batch.user_id != request.user.pk and not request.user.is_superuser:
        raise PermissionDenied
    return batch


def progress(request, pk):
    batch = batch_for(request, pk)
    entries = batch.imported if batch.phase in ("importing", "imported") else batch.checked
    done = {"checking": "checked", "importing": "imported"}.get(batch.phase)
    return TemplateResponse(
        request,
        "articles/admin/legacy_import_report.html",
        {
            "batch": batch,
            "entries": entries,
            "total": len(batch.pages),
            "running": done is not None,
            "phrases": phrase_table(),
            "counts": counts(entries),
        },
    )


def counts(entries):
    actions = [entry["action"] for entry in entries]
    return {action: actions.count(action) for action in ("created", "updated", "skipped")}


@require_POST
def step(request, pk):
    batch = batch_for(request, pk)
    if batch.phase == "checked" and "confirm" in request.POST:
        LegacyUpload.objects.filter(pk=batch.pk, phase="checked").update(
            phase="importing", position=0
        )
    return step_once(request, batch)


def step_once(request, batch):
    """The next batch of pages, checked or imported; the row locked meanwhile so that two
    requests (a double click) never do the same pages twice."""
    with transaction.atomic():
        batch = LegacyUpload.objects.select_for_update().get(pk=batch.pk)
        if batch.phase in ("checking", "importing"):
            run_batch(request.user, batch)
            batch.save()
    return redirect("legacy_import_progress", batch.pk)


def run_batch(user, batch):
    dry_run = batch.phase == "checking"
    pages = [PurePosixPath(path) for path in batch.pages[batch.position : batch.position + BATCH]]
    report = batch.checked if dry_run else batch.imported
    try:
        importer = LegacyImport(
            batch.page_type, batch.parent, dry_run=dry_run, log=lambda line: None,
            into=batch.into, user=user,
        )  # fmt: skip
        outcomes, bad = importer.run(unpacked(batch), pages=pages, repeated=batch.repeated)
    except Refused as refusal:
        outcomes, bad = [], [(path, str(refusal)) for path in pages]
    except Exception:  # an editor's upload must get an answer, and the next batch its turn
        logger.exception("legacy import of %s failed", pages)
        outcomes, bad = (
            [],
            [(path, "an error the import did not expect (logged)") for path in pages],
        )
    for outcome in outcomes:
        entry = describe(outcome, dry_run)
        if not dry_run and outcome.page is not None:
            entry["notes"].append(submit_for_review(outcome.page, user))
        report.append(entry)
    report += [refused(path, reason) for path, reason in bad]
    batch.position += len(pages)
    if batch.position >= len(batch.pages):
        batch.phase = "checked" if dry_run else "imported"


def refused(path, reason):
    path = PurePosixPath(path)
    return {"file": str(path), "name": path.name, "action": "skipped", "reason": reason,
            "dropped": [], "candidates": []}  # fmt: skip


def submit_for_review(page, user):
    """Health pages' drafts go into their workflow (the Medical review), as the editor's
    Submit would put them; a page already in review keeps its workflow (the reviewer sees the
    new revision)."""
    page = Page.objects.get(pk=page.pk).specific
    if not needs_review(page):
        return "not a health page: publish it when it is ready"
    if page.workflow_in_progress:
        return "already in review: the reviewer sees this new draft"
    workflow = page.get_workflow()
    if workflow is None or not page.permissions_for_user(user).can_submit_for_moderation():
        return "not submitted for review: submit it from the page's editor"
    workflow.start(page, user)
    return f"submitted to {workflow.name}"
