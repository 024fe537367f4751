"""career-assistant: answers about remote ML careers, with citations to role guides and job listings."""

__version__ = "0.1.0"
