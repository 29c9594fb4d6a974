import sys

from jargonfree.cli import main

sys.exit(main())
