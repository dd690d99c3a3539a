"""Keywords deprecate_kwarg renames, in the shapes transformers writes them and in ones it does not."""
from transformers.utils import deprecation
from transformers.utils.deprecation import deprecate_kwarg


class Trainer:
    @deprecate_kwarg("tokenizer", new_name="processing_class", version="5.0.0", raise_if_both_names=True)
    def __init__(
        self,
        model: "PreTrainedModel" = None,
        processing_class: Optional["PreTrainedTokenizerBase"] = None,
    ):
        pass

    @deprecate_kwarg("past_key_value", "4.58", new_name="past_key_values")
    def forward(self, hidden_states, past_key_values=None):
        pass

    @deprecate_kwarg("past_key_value", new_name="past_key_values", version="4.58")
    def with_kwargs(self, hidden_states, past_key_values=None, **kwargs):
        pass

    @deprecate_kwarg(
        "video_load_backend",
        version="4.59",
        additional_message=". This function will use `torchcodec` by default.",
    )
    def apply_chat_template(self, conversation, chat_template=None):
        pass

    @deprecation.deprecate_kwarg(old_name="reduce_labels", version="4.41", new_name="do_reduce_labels")
    @property
    def reduce(self, do_reduce_labels=False):
        pass

    @deprecate_kwarg("old", new_name="new", version="5", raise_if_greater_or_equal_version=True)
    def raises(self, new=None):
        pass

    @deprecate_kwarg("old", "5", "new", False, False)
    def positional_no_raise(self, new=None):
        pass

    @deprecate_kwarg("old", new_name="new", version="5")
    def positional_only(self, new, /):
        pass

    @deprecate_kwarg("a", new_name="b", version="5")
    @deprecate_kwarg("b", new_name="c", version="5")
    def chain(self, *, c=None):
        pass

    @deprecate_kwarg("b", new_name="c", version="5")
    @deprecate_kwarg("a", new_name="b", version="5")
    def chain_the_wrong_way(self, c=None):
        pass

    @deprecate_kwarg("x", new_name="y", version="5")
    @deprecate_kwarg("x", new_name="z", version="5")
    def twice(self, y=None, z=None):
        pass

    @deprecate_kwarg(*SPEC)
    def splat(self, new=None):
        pass

    @deprecate_kwarg("old" "er", new_name="new", version="5")
    def concatenated(self, new=None):
        pass


@deprecate_kwarg("num_logits_to_keep", version="4.50", new_name="logits_to_keep")
async def lce_forward(self, input_ids=None, logits_to_keep=0):
    pass


@deprecate_kwarg("max_size", version="6.0.0", new_name=None)
def new_name_none(size=None):
    pass
