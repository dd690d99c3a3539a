"""Imports what a Gemma 2 based model imports from transformers."""
from transformers.models.gemma2.modeling_gemma2 import Gemma2Attention, Gemma2ForCausalLM, Gemma2RMSNorm  # noqa: F401
from transformers.cache_utils import DynamicCache  # noqa: F401
