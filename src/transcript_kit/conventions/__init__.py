"""Conventions as data: one shared vocabulary and the publisher profiles built on it (DESIGN.md §1)."""
