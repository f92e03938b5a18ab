"""A wheel carries the built-in theme: templates/ is mapped into the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from support import ROOT


def test_wheel_builds_a_site_without_the_repository(tmp_path):
    # Built from a copy: setuptools leaves build/ and *.egg-info/ beside the sources.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("generator", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(source)],
        check=True, capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("wiretrace-*.whl")
    unpacked = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(unpacked)
    for name in ("base.html", "index.html", "static/style.css", "static/app.js"):
        assert f"generator/templates/{name}" in names

    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "one.md").write_text(
        "---\ntitle: One\n---\n\nThe council approved the harbour budget on Monday after a long debate.\n")
    # -I ignores the editable install and the checkout; only the unpacked wheel is importable.
    code = f"import sys; sys.path.insert(0, {str(unpacked)!r}); from generator.cli import main; main()"
    result = subprocess.run([sys.executable, "-I", "-c", code, "build", str(site)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (site / "public" / "index.html").read_text(encoding="utf-8")
    assert "One" in page and "style.css" in page
