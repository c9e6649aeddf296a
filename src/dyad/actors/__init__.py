"""Actors: the knowledge base (data files) and mention resolution."""

from .kb import KnowledgeBase, load_kb
from .resolve import JOINT, ActorResolver

__all__ = ["JOINT", "ActorResolver", "KnowledgeBase", "load_kb"]
