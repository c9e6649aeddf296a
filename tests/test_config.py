"""Options: shipped defaults, a user overlay, and clear errors for wrong keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.config import Options, load_options
from dyad.errors import ConfigError


def test_defaults_file_matches_the_options_class() -> None:
    assert load_options() == Options()


def test_overlay_and_overrides(tmp_path: Path) -> None:
    overlay = tmp_path / "dyad.yaml"
    overlay.write_text("max_bytes: 1000\nbatch_size: 4\n", encoding="utf-8")
    options = load_options(overlay, batch_size=8)
    assert (options.max_bytes, options.batch_size) == (1000, 8)


@pytest.mark.parametrize("content", ["colour: blue\n", "on_bad_input: explode\n", "- a list\n", "max_bytes: 0\n"])
def test_bad_overlay_is_a_config_error(tmp_path: Path, content: str) -> None:
    overlay = tmp_path / "bad.yaml"
    overlay.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_options(overlay)


def test_missing_overlay_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_options(tmp_path / "nope.yaml")
