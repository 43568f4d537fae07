"""The editorial process of a site: who writes, who reviews, who publishes, and the "Medical
review" workflow every page goes through. `setup_editorial` (the command of the same name)
creates it; running it again changes nothing."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from healthsite.models import HomePage

from .models import MedicalReviewTask

EDITORS = "Editors"
REVIEWERS = "Medical reviewers"
MODERATORS = "Moderators"
WORKFLOW = "Medical review"

MEDIA = ["wagtailimages.%s_image", "wagtaildocs.%s_document"]

# Per group: page permissions at each site's home page (the only page permissions the group
# keeps, so no one can publish by an older grant), permissions on the root collection of images
# and documents, and permissions on models (snippets, settings, reports).
GROUPS = {
    # Write and submit for review; cannot publish. They correct and reject reader stories;
    # approving one publishes it, which is for Moderators (stories/moderation.py). People are
    # only chosen as authors, not edited: a reviewer's registration is what readers trust.
    # Newsletter issues: write them and send a test to themselves; sending is publishing.
    EDITORS: {
        "pages": ["add", "change"],
        "collections": ["add", "change", "choose"],
        "models": [
            "wagtailadmin.access_admin",
            "editorial.view_person",
            "search.view_searchquerycount",
            "stories.moderate_storysubmission",
            "newsletter.add_newsletterissue",
            "newsletter.change_newsletterissue",
        ],
    },
    # Read and correct pages, approve or reject in the workflow (which publishes for them);
    # cannot publish outside it.
    REVIEWERS: {
        "pages": ["change"],
        "collections": ["choose"],
        "models": ["wagtailadmin.access_admin", "editorial.view_person"],
    },
    # Publish the site's other pages and take any page down (health pages go live only
    # through the review: editorial/publishing.py), approve readers' stories, replace media
    # live pages show; look after people, search tuning and the reports; send newsletter
    # issues and look after subscribers (list, export, erase) and the newsletter's settings;
    # export and erase a reader's personal data.
    MODERATORS: {
        "pages": ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
        "collections": ["add", "change", "delete", "choose"],
        "models": [
            "wagtailadmin.access_admin",
            "editorial.add_person",
            "editorial.change_person",
            "editorial.delete_person",
            "editorial.view_person",
            "search.add_synonym",
            "search.change_synonym",
            "search.delete_synonym",
            "search.view_synonym",
            "search.view_searchquerycount",
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
            "stories.moderate_storysubmission",
            "newsletter.add_newsletterissue",
            "newsletter.change_newsletterissue",
            "newsletter.delete_newsletterissue",
            "newsletter.send_newsletterissue",
            "newsletter.view_subscriber",
            "newsletter.delete_subscriber",
            "newsletter.change_newslettersettings",
            "healthsite.manage_personal_data",
        ],
    },
}


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(action):
    page_type = ContentType.objects.get_for_model(Page)
    return Permission.objects.get(content_type=page_type, codename=f"{action}_page")


class EditorialSetup:
    def __init__(self, log):
        self.log = log
        self.changes = 0

    def change(self, message):
        self.changes += 1
        self.log(f"    {message}")

    def run(self):
        homes = []
        for site in Site.objects.select_related("root_page"):
            if site.root_page.specific_class is HomePage:
                homes.append(site.root_page)
            else:
                self.log(f"  site {site}: skipped, its root is not a home page")
        if not homes:
            raise CommandError(
                "No home page yet: run load_demo_content, or create the home page and make it "
                "the site's root page (Settings → Sites), then run setup_editorial again."
            )
        with transaction.atomic():
            groups = {name: self.group(name, spec, homes) for name, spec in GROUPS.items()}
            self.workflow(groups[REVIEWERS], homes)
        return self.changes

    def group(self, name, spec, homes):
        group, created = Group.objects.get_or_create(name=name)
        self.log(f"  group {name}: {'created' if created else 'already there'}")
        if created:
            self.changes += 1
        self.page_permissions(group, spec["pages"], homes)
        root = Collection.get_first_root_node()
        for action in spec["collections"]:
            for pattern in MEDIA:
                grant = permission(pattern % action)
                _grant, new = GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=grant
                )
                if new:
                    self.change(f"+ {grant.codename} in the {root.name} collection")
        for name in spec["models"]:
            grant = permission(name)
            if not group.permissions.filter(pk=grant.pk).exists():
                group.permissions.add(grant)
                self.change(f"+ {name}")
        return group

    def page_permissions(self, group, actions, homes):
        wanted = {(home.pk, page_permission(action).pk) for home in homes for action in actions}
        for grant in GroupPagePermission.objects.filter(group=group).select_related(
            "page", "permission"
        ):
            if (grant.page_id, grant.permission_id) not in wanted:
                grant.delete()
                self.change(f"- {grant.permission.codename} at {grant.page.title}")
        for home in homes:
            for action in actions:
                _grant, new = GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=page_permission(action)
                )
                if new:
                    self.change(f"+ {action}_page at {home.title}")

    def workflow(self, reviewers, homes):
        task = MedicalReviewTask.objects.filter(name=WORKFLOW).first()
        if task is None:
            task = MedicalReviewTask.objects.create(name=WORKFLOW)
            self.change(f'task "{WORKFLOW}" created')
        elif not task.active:
            task.active = True
            task.save(update_fields=["active"])
            self.change(f'task "{WORKFLOW}" reactivated')
        if not task.groups.filter(pk=reviewers.pk).exists():
            task.groups.add(reviewers)
            self.change(f'task "{WORKFLOW}": approved by {reviewers.name}')

        workflow = Workflow.objects.filter(name=WORKFLOW).first()
        if workflow is None:
            workflow = Workflow.objects.create(name=WORKFLOW)
            self.change(f'workflow "{WORKFLOW}" created')
        elif not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
            self.change(f'workflow "{WORKFLOW}" reactivated')
        if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
            WorkflowTask.objects.create(
                workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count()
            )
            self.change(f'workflow "{WORKFLOW}": task "{task.name}" added')

        for home in homes:
            assigned = WorkflowPage.objects.filter(page=home).first()
            if assigned is None or assigned.workflow_id != workflow.pk:
                WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
                self.change(f'workflow "{WORKFLOW}" assigned at {home.title}')
            # Left alone (an administrator chose it), but those pages skip the medical review.
            others = WorkflowPage.objects.filter(page__path__startswith=home.path).exclude(
                workflow=workflow
            )
            for other in others.select_related("page", "workflow"):
                self.log(
                    f'  warning: "{other.page.title}" and the pages under it use the workflow '
                    f'"{other.workflow.name}" instead'
                )
        self.log(f'  workflow "{WORKFLOW}": every page under {", ".join(map(str, homes))}')


def setup_editorial(log=print):
    """Creates (or completes) the groups, their permissions and the workflow; returns the
    number of changes made (0 when everything was already in place)."""
    log("Setting up groups, permissions and the medical review workflow…")
    changes = EditorialSetup(log).run()
    if changes:
        log(f"Done: {changes} changes; groups {', '.join(GROUPS)} and workflow {WORKFLOW} ready.")
    else:
        log(f"Done: nothing to change; groups {', '.join(GROUPS)} and workflow {WORKFLOW} ready.")
    return changes
