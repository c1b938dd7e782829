"""Date and number formats per language, where Django's own differ from how the federation
writes them (FORMAT_MODULE_PATH). Anything a module leaves out comes from Django.

French ("16 mai 2017", "18/09/2020", "6,42") and Spanish ("16 de mayo de 2017", "18/09/2020",
"6,42") need nothing beyond Django's formats; English and Arabic have modules here.
"""
