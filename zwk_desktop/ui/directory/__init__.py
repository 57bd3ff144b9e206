"""The directory room: the municipality picker (suggestions while typing, the marks beside
filled fields, the member search) and the page extras that put it on the form's pages."""
