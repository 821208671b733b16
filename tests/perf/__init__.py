"""Tests of the page cache and of the benchmark\x27s data generator."""
