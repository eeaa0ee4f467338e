"""`python -m benchmarks.synth --meetings 50 --people 100000 -o DIR`: a synthetic data folder."""

import sys

from benchmarks.synth.cli import main

if __name__ == "__main__":
    sys.exit(main())
