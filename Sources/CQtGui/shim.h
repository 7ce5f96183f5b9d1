/* Nothing to import: this module exists so that pkg-config's Qt 5 compiler flags
   reach CSyntaxHighlight, whose C++ includes KSyntaxHighlighting's Qt headers. */
