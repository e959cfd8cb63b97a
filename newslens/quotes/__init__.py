"""Who is quoted (transitional: the whole step still lives in speakers.py until it is split by job)."""
from .speakers import *  # noqa: F401,F403
