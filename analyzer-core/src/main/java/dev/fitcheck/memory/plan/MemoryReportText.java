package dev.fitcheck.memory.plan;

import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.memory.arch.ModulePart;
import dev.fitcheck.memory.gpu.ServiceUsage;
import dev.fitcheck.memory.inference.InferenceMemory;
import dev.fitcheck.memory.inference.VideoTokens;
import dev.fitcheck.memory.quant.KeptModule;
import dev.fitcheck.memory.quant.PlanProblem;
import java.util.Locale;

/** Renders a {@link MemoryReport} as the text `fitcheck memory` prints. */
public final class MemoryReportText {

    private MemoryReportText() {
    }

    public static String render(MemoryReport r) {
        StringBuilder s = new StringBuilder();
        s.append("Memory plan: ").append(r.model()).append(" (").append(r.title()).append(") on ")
                .append(r.gpu().gpuName()).append(", ").append(r.gpu().total().display()).append('\n');
        s.append("GPU: ").append(r.gpu().source()).append('\n');
        for (ServiceUsage u : r.gpu().services()) {
            s.append(String.format(Locale.ROOT, "  %-12s %9s  %s%n", u.service(), u.memory().display(),
                    u.live() ? "live, pids " + u.pids() : "configured"));
        }
        if (r.gpu().live()) {
            s.append(String.format(Locale.ROOT, "  %-12s %9s%n", "others", r.gpu().others().display()));
        }
        s.append("  available with every service running: ").append(r.gpu().available().display()).append("\n\n");
        s.append("Parameters (from ").append(r.architecture().countedFrom()).append("):\n");
        for (ModulePart p : r.architecture().parts()) {
            s.append(String.format(Locale.ROOT, "  %-10s %-58s %,15d%n", p.role().key(), p.description(), p.parameters()));
        }
        s.append(String.format(Locale.ROOT, "  %-69s %,15d%n%n", "total", r.architecture().parameters()));
        VideoTokens t = r.plans().get(0).inference().tokens();
        s.append(String.format(Locale.ROOT, "Input: %s of video (%d frames x %d = %,d visual tokens, %,d audio tokens), "
                        + "%d text tokens, %d generated%n", minutes(r.question().videoSeconds()), t.frames(), t.tokensPerFrame(),
                t.visualTokens(), t.audioTokens(), r.question().context(), r.question().decodeSteps()));
        s.append("CUDA context: ").append(r.context().display()).append(" (").append(r.contextSource()).append(")\n\n");
        s.append(String.format(Locale.ROOT, "| %-24s | %9s | %9s | %11s | %9s | %9s | %-4s | %-22s | %-14s | %-14s | %-16s |%n",
                "configuration", "weights", "caches", "activations", "context", "need", "fits", "to fit, stop",
                "longest video", "all stopped", "expandable: need"));
        s.append("|").append("-".repeat(26)).append("|").append("-".repeat(11)).append("|").append("-".repeat(11))
                .append("|").append("-".repeat(13)).append("|").append("-".repeat(11)).append("|").append("-".repeat(11))
                .append("|").append("-".repeat(6)).append("|").append("-".repeat(24)).append("|").append("-".repeat(16))
                .append("|").append("-".repeat(16)).append("|").append("-".repeat(18)).append("|\n");
        for (ConfigurationPlan p : r.plans()) {
            String stop = p.fitsNow() ? "-" : p.stopToFit().map(l -> String.join(", ", l)).orElse("does not fit");
            s.append(String.format(Locale.ROOT, "| %-24s | %9s | %9s | %11s | %9s | %9s | %-4s | %-22s | %-14s | %-14s | %-16s |%n",
                    p.configuration().label(), p.weightsReserved().display(), p.caches().display(), p.activations().display(),
                    p.context().display(), p.need().display(), p.fitsNow() ? "yes" : "no", stop,
                    longest(p.longestVideoSecondsNow()), longest(p.longestVideoSecondsAllStopped()),
                    p.needExpandable().display() + (p.fitsNowExpandable() ? ", fits" : "")));
        }
        s.append('\n');
        for (ConfigurationPlan p : r.plans()) {
            if (p.weights().kept().isEmpty() && p.weights().problems().isEmpty() && p.weights().warnings().isEmpty()) {
                continue;
            }
            s.append(p.configuration().label()).append(": llm_int8_skip_modules = ").append(p.weights().skipList()).append('\n');
            for (KeptModule k : p.weights().kept()) {
                s.append(String.format(Locale.ROOT, "  keeps %-30s %9s (+%s over quantized): %s%n", k.module(),
                        new ByteSize(k.bytesKept()).display(), new ByteSize(k.cost()).display(), k.reason()));
            }
            for (PlanProblem pr : p.weights().problems()) {
                s.append("  fails: ").append(pr.module()).append(' ').append(pr.problem()).append("; ").append(pr.fix()).append('\n');
            }
            for (String w : p.weights().warnings()) {
                s.append("  warning: ").append(w).append('\n');
            }
        }
        InferenceMemory full = r.plans().get(0).inference();
        s.append("Peak phase (full precision): ").append(full.peakPhase().name()).append(", at ")
                .append(full.peakPhase().peakAt()).append("; reserved peak set at ").append(full.reservedPeakPhase().reservedAt())
                .append(" (").append(new ByteSize(full.fragmentation()).display()).append(" reserved beyond allocated)\n");
        s.append("Need is reserved memory from a replay of the inference's tensors through PyTorch's caching allocator "
                + "(default segments); \"expandable\" is the same with PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True.\n");
        for (String n : r.notes()) {
            s.append("Note: ").append(n).append('\n');
        }
        return s.toString();
    }

    static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }

    static String longest(double seconds) {
        if (seconds < 0) {
            return "none";
        }
        if (seconds >= MemoryAnalysis.SCAN_LIMIT_SECONDS) {
            return ">= 3 h";
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }
}
