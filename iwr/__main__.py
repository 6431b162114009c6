"""`python -m iwr` = the `iwr` command."""

from iwr.benchmark.cli import main

main()
