"""Text utilities shared by the importer, the back office and the public site.

Below everything that uses them: `textkit` imports nothing from the project, and `folding` and
`paragraphs` import nothing from Django, so the parser (articles/importing/) can use them.
"""
