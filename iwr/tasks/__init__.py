"""The task model: the official task and action types, loading and checking packs, their media, the
expectations of recorded steps, and the recorder that makes new tasks. It sits below the judge."""
