import sys

from jargonfree.cli import main

if __name__ == "__main__":  # the worker process (spawn) imports this module again
    if getattr(sys, "frozen", False):
        # The standalone app: a spawned checker process is this same executable, started
        # with multiprocessing's arguments; freeze_support() runs it and exits.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
