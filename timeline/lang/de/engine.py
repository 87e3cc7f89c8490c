"""German time-expression engine (being written)."""
from datetime import date
from typing import List, Optional

from timeline.model import Mention


def tag_german(text: str, dct: Optional[date], mode: str) -> List[Mention]:
    return []
