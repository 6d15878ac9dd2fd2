import rules

from core.rules import is_secretariat

rules.add_perm("accounts.view_login_audit", is_secretariat)
rules.add_perm("accounts.view_own_account", rules.is_authenticated)
