"""Retrieval: the kind-agnostic resolver and the text indexes kinds build on."""
