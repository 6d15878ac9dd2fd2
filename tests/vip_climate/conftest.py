"""The VIP fixtures (vip, spring_2023, autumn_2022, vip2_spring_draft, copenhagen_lead) live in
tests/conftest.py: the notifications and API tests use them too."""
