"""Who may do what with the result contract."""

import rules

from core.rules import is_secretariat


@rules.predicate
def is_erhvervshus_member(user) -> bool:
    organisation = getattr(user, "organisation", None) if getattr(user, "organisation_id", None) else None
    return organisation is not None and organisation.name == "Erhvervshus Hovedstaden"


# The contract is a public agreement adopted by KKR: every logged-in user may read it.
rules.add_perm("contracts.view_contract", rules.is_authenticated)
rules.add_perm("contracts.enter_measurement", is_secretariat | is_erhvervshus_member)
rules.add_perm("contracts.import_measurements", is_secretariat | is_erhvervshus_member)
rules.add_perm("contracts.copy_contract", is_secretariat)
