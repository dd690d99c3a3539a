package dev.fitcheck.env;

/**
 * The machine lacks something a command needs: a Python interpreter, uv or pip, nvidia-smi, a GPU.
 * The command line prints the sentence and exits with 3.
 */
public class MissingToolError extends RuntimeException {

    public MissingToolError(String sentence) {
        super(sentence);
    }

    public MissingToolError(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
