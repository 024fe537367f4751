"""The index: chunks of guides and listings, their vectors in Chroma, and a BM25 keyword index beside them."""
