"""Permissions of the VIP area. Status reports use the shared core.*_report rules (core/rules.py)."""

import rules

from core.rules import is_lead_of_report, is_member_of, is_secretariat

rules.add_perm("vip_climate.view_round", is_secretariat)
rules.add_perm("vip_climate.review_queue", is_secretariat)
# obj: an (unsaved) StatusReport for the project and round; the lead of that round may start it.
rules.add_perm("vip_climate.start_report", is_secretariat | is_lead_of_report)
# obj: the Organisation whose commitments are edited.
rules.add_perm("vip_climate.edit_commitments", is_secretariat | is_member_of)
rules.add_perm("vip_climate.export_all_reports", is_secretariat)
rules.add_perm("vip_climate.import_commitments", is_secretariat)
# Reference data (lead periods, participants): the secretariat, in the portal's own editors.
rules.add_perm("vip_climate.manage_projects", is_secretariat)
