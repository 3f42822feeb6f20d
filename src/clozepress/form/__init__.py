"""The intermediate form: the typed tree every stage after the read works on, and its JSON."""
