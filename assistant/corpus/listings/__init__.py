"""Job boards → snapshots: `sources` parse each board's response, `fetch` gets them, `normalize` and `enrich`
make clean tagged listings, `dedupe` folds copies, `snapshots` stores them and `refresh` runs it all."""
