package dev.fitcheck.report;

import dev.fitcheck.memory.ByteSize;
import dev.fitcheck.memory.arch.ModulePart;
import dev.fitcheck.memory.gpu.GpuUsage;
import dev.fitcheck.memory.gpu.ServiceUsage;
import dev.fitcheck.memory.plan.ConfigurationPlan;
import dev.fitcheck.memory.plan.LoadConfiguration;
import dev.fitcheck.memory.plan.MemoryReport;
import dev.fitcheck.memory.quant.KeptModule;
import dev.fitcheck.memory.quant.PlanProblem;
import dev.fitcheck.workspace.ServiceSpec;
import dev.fitcheck.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns the memory planner's reports, one per model, into the report's memory section. */
final class MemorySectionBuilder {

    private MemorySectionBuilder() {
    }

    static Optional<MemorySection> build(Workspace ws, List<MemoryReport> reports) {
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        GpuUsage gpu = reports.get(0).gpu();
        List<MemorySection.ServiceRow> services = new ArrayList<>();
        for (ServiceUsage s : gpu.services()) {
            String description = ws.services().stream().filter(x -> x.name().equals(s.service()))
                    .map(ServiceSpec::description).findFirst().orElse("");
            services.add(new MemorySection.ServiceRow(s.service(), description, gib(s.memory()), s.live()));
        }
        if (gpu.others().bytes() > 0) {
            services.add(new MemorySection.ServiceRow("other processes", "not a workspace service", gib(gpu.others()), true));
        }
        List<MemorySection.ModelMemory> models = new ArrayList<>();
        for (MemoryReport r : reports) {
            models.add(model(r));
        }
        MemoryReport first = reports.get(0);
        String question = videoText(first.question().videoSeconds()) + " of video, " + first.question().context()
                + " text tokens, " + first.question().decodeSteps() + " tokens generated";
        return Optional.of(new MemorySection(gpu.gpuName(), gib(gpu.total()), gpu.source(), services,
                gib(gpu.available()), question, models));
    }

    private static MemorySection.ModelMemory model(MemoryReport r) {
        List<MemorySection.PartRow> parts = new ArrayList<>();
        for (ModulePart p : r.architecture().parts()) {
            parts.add(new MemorySection.PartRow(p.role().key(), p.description(), r.architecture().parameters(p.role())));
        }
        List<MemorySection.ConfigurationRow> rows = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        List<MemorySection.KeptRow> kept = new ArrayList<>();
        for (ConfigurationPlan p : r.plans()) {
            String withServices = p.fitsNow() ? "fits with every service running"
                    : p.stopToFit().map(stop -> stop.isEmpty() ? "fits with every service running"
                            : "fits after stopping " + String.join(" and ", stop))
                    .orElse("does not fit even with every service stopped");
            List<String> problems = p.weights().problems().stream().map(PlanProblem::problem).toList();
            rows.add(new MemorySection.ConfigurationRow(p.configuration().label(), gib(p.weightsReserved()),
                    gib(p.caches()), gib(p.activations()), gib(p.context()), gib(p.need()), p.need().bytes(),
                    p.fitsNow() && problems.isEmpty(), withServices, videoText(p.longestVideoSecondsNow()),
                    videoText(p.longestVideoSecondsAllStopped()), problems));
            warnings.addAll(p.weights().warnings());
            if (p.configuration() == LoadConfiguration.NF4_TOWERS_FP16 || p.configuration() == LoadConfiguration.NF4) {
                for (KeptModule k : p.weights().kept()) {
                    MemorySection.KeptRow row = new MemorySection.KeptRow(k.module(), k.reason(),
                            gib(new ByteSize(Math.max(0, k.cost()))));
                    if (!kept.contains(row)) kept.add(row);
                }
                p.weights().problems().forEach(pr -> {
                    MemorySection.KeptRow row = new MemorySection.KeptRow(pr.module(), pr.problem() + "; fix: " + pr.fix(), "-");
                    if (!kept.contains(row)) kept.add(row);
                });
            }
        }
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("CUDA context: " + gib(r.context()) + " (" + r.contextSource() + ")");
        return new MemorySection.ModelMemory(r.model(), r.title(), parts, String.format(Locale.ROOT, "%,d",
                r.architecture().parameters()), rows, kept, new ArrayList<>(warnings), notes);
    }

    /** GiB with one decimal; below half a GiB in MiB, so that a 21 MiB module does not read as 0.0 GiB. */
    static String gib(ByteSize b) {
        if (b.bytes() > 0 && b.bytes() < ByteSize.GIB / 2) {
            return String.format(Locale.ROOT, "%.0f MiB", b.mib());
        }
        return String.format(Locale.ROOT, "%.1f GiB", b.gib());
    }

    static String videoText(double seconds) {
        if (seconds <= 0) return "none";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        long m = s / 60;
        long rest = s % 60;
        return rest == 0 ? m + " min" : m + " min " + rest + " s";
    }
}
