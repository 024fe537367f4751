"""The web page (`career-assistant serve`): chat, interview briefs and the state of the data, on Gradio."""

import os

# This machine has no internet: Gradio must not try to phone home for analytics or version checks.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
