"""Who may ask for and fetch a meeting's documents (packet, minutes, export).

Reading follows the meeting (`meetings.view_meeting`: a published agenda for the board and the members, a
draft for the secretariat only). The secretariat renders them; the board may also render a published
meeting's documents (they are built from the frozen annexes, so anyone rendering gets the same content).
"""

import rules

from core.rules import is_board, is_secretariat

from .rules import agenda_is_published

rules.add_perm("meetings.request_documents", is_secretariat | (is_board & agenda_is_published))
