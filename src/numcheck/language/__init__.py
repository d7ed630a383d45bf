"""English language data in one home: the data files, their loader, the lemmatizer front.

Extractors and the frame reader take words from here, never from lists of their own,
so a word a newsroom adds to a file under ``numcheck/data`` reaches every reader.
"""
