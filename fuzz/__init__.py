"""Fuzzing transcript-kit's parser: mutators built from the corpus, the invariants every parse must keep, a
hypothesis strategy (run in CI by tests/test_fuzz.py), a long-run driver (``python -m fuzz.run``) and an atheris
entry point (``python fuzz/atheris_parse.py``)."""
