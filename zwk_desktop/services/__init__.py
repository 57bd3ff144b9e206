"""Services at the edges: draft store, signing, export, mail. Each replaceable."""
