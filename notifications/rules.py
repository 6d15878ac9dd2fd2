"""Permissions of the e-mail settings: every logged-in user keeps their own (and only their own)."""

import rules

rules.add_perm("notifications.change_own_preference", rules.is_authenticated)
