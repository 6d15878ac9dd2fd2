import rules

from core.rules import is_secretariat


@rules.predicate
def must_have_second_factor(user) -> bool:
    from .two_factor import is_required

    return is_required(user)


@rules.predicate
def has_second_factor(user) -> bool:
    from .two_factor import has_second_factor as has_device

    return has_device(user)


rules.add_perm("accounts.view_login_audit", is_secretariat)
rules.add_perm("accounts.view_own_account", rules.is_authenticated)
# Recovery codes are renewed by whoever has a second factor; it is turned off only where it is optional.
rules.add_perm("accounts.manage_own_two_factor", rules.is_authenticated & has_second_factor)
rules.add_perm("accounts.disable_two_factor", rules.is_authenticated & ~must_have_second_factor)
# A lost phone: the secretariat removes the person's second factor (audited, accounts.two_factor).
rules.add_perm("accounts.reset_two_factor", is_secretariat)
