"""Who may moderate readers' stories: one permission, given to Editors and Moderators by
`setup_editorial`, covers the whole queue."""

from django.contrib.auth import get_user_model

from wagtail.permission_policies import ModelPermissionPolicy

MODERATE = "stories.moderate_storysubmission"


class ModerationPolicy(ModelPermissionPolicy):
    """Every action on submissions (view, change, approve, reject, delete) takes the
    moderation permission. None is added by hand: they all come from readers."""

    def user_has_permission(self, user, action):
        return action != "add" and user.has_perm(MODERATE)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not set(actions) - {"add"}:
            return get_user_model().objects.none()
        # Wagtail's own lookup, for the one permission ("moderate" + the model's name).
        return super().users_with_any_permission(["moderate"])

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
