"""The range, not one number: sweeps, tornado, break-even, Monte Carlo and the risk register.

Pure: distributions and lever values in, statistics out, through the engine's float path (`engine.fast`) where
many variants are evaluated and through the exact engine where one value must be exact (`solve`). No terminal,
no files. Importing this package imports nothing heavy; its modules import numpy when they are used.

    schema        the `uncertainty:` block of a scenario file (pydantic), hooked into the scenario schema
    distributions normal, lognormal, triangular, uniform, PERT: sampling, quantiles, the copula for correlation
    levers        every numeric lever by its dotted path: validation, exact application, its linear effect
    resolve       the block checked against the baseline, every problem with file and line
    sampling      deterministic draws per block of a fixed grid, so results do not depend on the chunk size
    simulate      the Monte Carlo of a scenario: percentiles and probabilities per year
    risks         the risk register: the benodigde weerstandscapaciteit at a certainty
    sweep, tornado, solve   sensitivity of one figure to one or two levers
"""
