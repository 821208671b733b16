"""The public site's pages, one module per family: `home`, `lists` (pages of cards), `search`,
`article` (an article and its preview) and `directories` (the indexes)."""
