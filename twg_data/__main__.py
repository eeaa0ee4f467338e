import sys

from twg_data.cli import main

sys.exit(main())
