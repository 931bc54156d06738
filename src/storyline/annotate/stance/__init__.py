"""Stance of a text towards a claim (FNC-1 classes), and positions' cue words."""

from .model import LABELS, StanceModel, load, shipped

__all__ = ["LABELS", "StanceModel", "load", "shipped"]
