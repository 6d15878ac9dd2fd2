"""Who may compare the municipalities (those who read the dashboards) and import population (secretariat)."""

import rules

from core.rules import can_read_dashboards, is_secretariat

rules.add_perm("comparison.view", can_read_dashboards)
rules.add_perm("comparison.import_population", is_secretariat)
