"""Area generators for synthetic data (filled as the areas land)."""


def generate(years: int) -> None:
    pass
