"""Who may publish datasets and read the API's call log: the secretariat."""

import rules

from core.rules import is_secretariat

rules.add_perm("api.publish_datasets", is_secretariat)
rules.add_perm("api.view_calls", is_secretariat)
