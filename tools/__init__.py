"""Developer tools, not shipped in the app: the synthetic corpus for benchmarks (`corpus`) and the builder of
the default letterhead (`letterhead_build`). They import `iphr_desk`; nothing in `iphr_desk` imports them,
except `iphr-desk dev generate`, which finds them in a source checkout."""
