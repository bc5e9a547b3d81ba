"""Running the stages together: `avoin nightly`, atomic publishing, the run lock, reports."""
