"""What each figure measures: the frame of a claim, read from its sentence.

``parse`` runs the dependency parser over the sentences that hold claims; ``frame``
reads each claim's frame from the parse (the counted noun, its predicate, partitives,
the clause's own time and places, the entity an attribute belongs to); ``context`` reads
the parser-free signals (measure, scope, event, story) the rules also use.
"""
