"""`make audit`: the built site, served by nginx with gzip, checked page by page.

The audit reuses the hooks' pure functions, imported as MkDocs loads them: as plain modules
from hooks/.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))
