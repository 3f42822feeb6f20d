"""The build report: dist/index.html and the summary printed after a build."""
