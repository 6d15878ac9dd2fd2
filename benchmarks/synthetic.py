"""Synthetic data for benchmarks and query-budget checks: N years on top of the loaded KKR data.

Each area contributes through `generate_<app>(years)` below; run as `python -m benchmarks.synthetic`.
"""

import argparse
import os

import django


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kkr_portal.settings")
    django.setup()
    from benchmarks import synthetic_areas

    synthetic_areas.generate(args.years)


if __name__ == "__main__":
    main()
