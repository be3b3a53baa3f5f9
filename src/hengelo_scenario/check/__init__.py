"""`hengelo-scenario check`: pinned scenario outcomes (`expect:` figures and snapshots) as regression checks.

Pure apart from reading the scenario files, workbooks and snapshots and writing snapshots on request: no terminal.
The command line (`cli/check_cmd.py`) renders the `CheckReport` as a Rich table, JSON or JUnit XML.
"""
