"""The Qt desktop editor: window, editor, highlighter, panels and the worker client."""
