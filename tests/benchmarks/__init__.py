"""Side-by-side benchmarks: specloom against an anchor measured in the same run."""
