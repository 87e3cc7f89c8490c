"""``python -m timeline.evaluation CORPUS [--mode narrative] [--json OUT] [--errors] [--per-doc]``."""

import sys

from timeline.evaluation.run import main

sys.exit(main(sys.argv[1:]))
