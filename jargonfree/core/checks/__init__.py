"""One module per check that is not a rule file: uncommon words, passive voice, long and
hard sentences, undefined acronyms, and term consistency."""
