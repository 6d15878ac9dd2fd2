"""Who may do what with the result contract."""

import rules

from core.models import Organisation
from core.rules import is_secretariat


@rules.predicate
def is_erhvervshus_member(user) -> bool:
    """A member of a business hub that is party to a result contract (it reports the measurements)."""
    organisation = getattr(user, "organisation", None) if getattr(user, "organisation_id", None) else None
    if organisation is None or organisation.kind != Organisation.Kind.BUSINESS_HUB:
        return False
    cached = getattr(user, "_kkr_contract_counterpart", None)
    if cached is None:
        cached = user._kkr_contract_counterpart = organisation.result_contracts.exists()
    return cached


# The contract is a public agreement adopted by KKR: every logged-in user may read it.
rules.add_perm("contracts.view_contract", rules.is_authenticated)
rules.add_perm("contracts.enter_measurement", is_secretariat | is_erhvervshus_member)
rules.add_perm("contracts.import_measurements", is_secretariat | is_erhvervshus_member)
rules.add_perm("contracts.copy_contract", is_secretariat)
# A target's figures (threshold, baseline, expected month, weight): the secretariat, in the portal's editor.
rules.add_perm("contracts.edit_targets", is_secretariat)
# The list of targets with the editors above: whoever may use at least one of them.
rules.add_perm("contracts.open_editors", is_secretariat | is_erhvervshus_member)
# A wrong measurement is deleted in the portal by those who enter them (the history keeps it).
rules.add_perm("contracts.delete_measurement", is_secretariat | is_erhvervshus_member)
