"""The vocabulary every stage shares: the listing model, places, money, skills and the boards.

Both sides read it: the corpus pipeline tags listings with it and question understanding reads questions with
it, so a word the data knows is a word a question can use.
"""
