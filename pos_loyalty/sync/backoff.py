"""Exponential backoff with full jitter: a fleet of terminals coming back online does not knock at once."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    base: float = 2.0  # seconds before the first retry (at most)
    cap: float = 300.0
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def ceiling(self, failures: int) -> float:
        return min(self.cap, self.base * 2 ** max(0, failures))

    def delay(self, failures: int) -> float:
        """Wait before retry number failures+1: uniform in [ceiling/2, ceiling] (never a tight loop)."""
        top = self.ceiling(failures)
        return self.rng.uniform(top / 2, top)
