"""Who may moderate readers' stories: one permission, given to Editors and Moderators by
`setup_editorial`, covers the whole queue."""

from wagtail.permission_policies import ModelPermissionPolicy

MODERATE = "stories.moderate_storysubmission"


class ModerationPolicy(ModelPermissionPolicy):
    """Every action on submissions (view, change, approve, reject, delete) takes the
    moderation permission. None is added by hand: they all come from readers."""

    def _get_permission_codename(self, action):
        return MODERATE.split(".")[1]

    def user_has_permission(self, user, action):
        return action != "add" and user.has_perm(MODERATE)
