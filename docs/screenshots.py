"""Re-take the README's screenshots from a running portal (`make run`, demo users loaded).

    .venv/bin/python docs/screenshots.py [--base http://127.0.0.1:8000] [--password kkr-demo-2026]

Logs in as the board member (`bestyrelse`) in Debian's chromium and saves the dashboard and the
comparison page at desktop (1280 px) and phone (390 px) width into docs/.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

DOCS = Path(__file__).resolve().parent
SHOTS = [
    ("/", "dashboard"),
    ("/sammenligning/", "comparison"),
]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--user", default="bestyrelse")
    parser.add_argument("--password", default="kkr-demo-2026")
    parser.add_argument("--comparison", default=SHOTS[1][0], help="the comparison page's path")
    args = parser.parse_args()
    shots = [(SHOTS[0][0], SHOTS[0][1]), (args.comparison, SHOTS[1][1])]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for kind, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
            page = context.new_page()
            page.goto(f"{args.base}/login/")
            page.fill("input[name=username]", args.user)
            page.fill("input[name=password]", args.password)
            page.click("button[type=submit]")
            page.wait_for_load_state("networkidle")
            for path, name in shots:
                page.goto(args.base + path)
                page.wait_for_load_state("networkidle")
                target = DOCS / f"{name}-{kind}.png"
                page.screenshot(path=str(target), full_page=kind == "phone")
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
