"""Who may read and change the education area.

Read: the secretariat, the board and members of any organisation. Change allocations and intake: the
secretariat only. A municipality's local education strategy: the secretariat and that municipality's members.
"""

import rules

from core.rules import is_board, is_member, is_member_of, is_secretariat

can_read = is_secretariat | is_board | is_member

rules.add_perm("education.view", can_read)
rules.add_perm("education.edit_allocation", is_secretariat)
rules.add_perm("education.edit_intake", is_secretariat)
rules.add_perm("education.edit_local_strategy", is_secretariat | is_member_of)
