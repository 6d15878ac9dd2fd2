"""Time and memory to refuse hostile files, per importer (the reading path each importer's page calls).

For each importer and each file of tests/hostile_files.py it prints the wall and CPU time to the refusal,
the peak growth of the process's resident memory (Linux: VmHWM after resetting it through clear_refs) and
the message. Each case runs in its own process, so one case's memory does not hide another's.

    .venv/bin/python benchmarks/imports.py
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

IMPORTERS = {
    "contracts": ("contracts.importer", "read", ("delmål", "dato", "værdi", "kommune", "note")),
    "education": ("education.importers", "parse_table", ("kommune", "pladser")),
    "vip": ("vip_climate.importers", "read", ("forpligtelse", "kommune", "status")),
}
FILES = {
    "million-row xlsx": ("million_row_xlsx", "f.xlsx"),
    "million-row xlsx, no range": ("undeclared_million_row_xlsx", "f.xlsx"),
    "million-row csv": ("million_row_csv", "f.csv"),
    "zip bomb (50 MB declared)": ("zip_bomb_xlsx", "f.xlsx"),
    "zip bomb lying about its size": ("lying_zip_bomb_xlsx", "f.xlsx"),
    "shared strings at the 2 MB limit": ("shared_strings_xlsx", "f.xlsx"),
}


def _status(key: str) -> int:
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(key)) * 1024


def one(importer: str, hostile: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kkr_portal.settings")
    import django

    django.setup()
    from importlib import import_module

    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests import hostile_files

    module, function, header = IMPORTERS[importer]
    maker, name = FILES[hostile]
    make = getattr(hostile_files, maker)
    if maker == "million_row_xlsx":
        content = make(header)
    elif maker == "million_row_csv":
        content = make(";".join(header))
    else:
        content = make()
    read = getattr(import_module(module), function)
    upload = SimpleUploadedFile(name, content)
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    before, wall, cpu = _status("VmRSS:"), time.perf_counter(), time.process_time()
    try:
        read(upload)
        outcome = "read (no refusal)"
    except Exception as error:
        outcome = str(error)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = (_status("VmHWM:") - before) / 2**20
    size = len(content) / 2**10
    print(f"{importer:10} {hostile:34} {size:7.0f} kB {wall:6.2f} s {cpu:6.2f} s {peak:6.1f} MB  {outcome}")


def main() -> None:
    if len(sys.argv) == 3:
        one(sys.argv[1], sys.argv[2])
        return
    print(f"{'importer':10} {'file':34} {'size':>10} {'wall':>8} {'CPU':>8} {'peak RSS':>9}  outcome")
    for importer in IMPORTERS:
        for hostile in FILES:
            subprocess.run([sys.executable, __file__, importer, hostile], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
