"""Archives: the 7z reader (IGN's datasets), ZIP packages (the FTP), and the checks every extraction shares."""
