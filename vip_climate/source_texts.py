"""Texts quoted from the source documents that the VIP reports show as they stand.

They are the documents' words, not data the secretariat keeps, so they live here rather than in the
database; seed_data.py re-exports them so the seed comparison checks them against the source.
"""

# The governance text that opens the half-yearly status (for the PDF body).
HALF_YEARLY_INTRO = [
    "KKR Hovedstaden besluttede i juni 2019 at se på yderligere tværkommunale initiativer, der kan sætte fart på den grønne omstilling i hovedstadsområdets 29 kommuner. På den baggrund blev det i 2020 besluttet at arbejde med 7 konkrete VIP- Klimaprojekter.",
    "For hvert projekt er udpeget en eller flere tovholder-kommuner/Region H, som bakkes op af Gate 21.",
    "Rapporteringen sker halvårligt i marts/april og oktober/november samt ved slutningen af projektperioden.",
]
