"""Mutation testing of the judge (`iwr judge check --mutants`): each task's own site with one event
handler that ran during the task left out must fail the step where its page first differs from the
site's. A mutant that passes every step is a wrong pass; no labels needed, only the recorded pack."""
