package org.sqnbench.report.text;

import java.util.List;
import org.sqnbench.report.analysis.Roofline;
import org.sqnbench.study.StudyNetwork;

/** report.md's compute roofline of the gradient ({@link Roofline}), beside the kernels' bandwidth table. */
final class RooflineText {
    private RooflineText() {
    }

    static String markdown(List<Roofline.Row> rows) {
        // a paragraph, not a heading: the kernel charts that follow belong to the whole section
        StringBuilder b = new StringBuilder("\n**The gradient against the sgemm.** ");
        if (rows.isEmpty()) {
            return b.append("No GradientFloorBenchmark results.\n").toString();
        }
        b.append("Each GradientFloor result's FLOPs per call over its mean time, against the 512³ sgemm of the ")
                .append("Calibration benchmark on as many threads (threads=0 is the network's default). FLOPs are batch × 2 × the ")
                .append("multiply-adds of the forward pass, the weight gradients and the input gradients ")
                .append("backpropagation needs, weights only: ")
                .append(perSample()).append(" a sample (biases, activations and pooling left out). A gradient far ")
                .append("below the sgemm's rate spends its time outside large matrix products.");
        boolean runs = rows.stream().anyMatch(r -> !r.run().isEmpty());
        if (runs) {
            b.append(" One block of rows per input, each against that input's own sgemm: runs on different days ")
                    .append("are different machines.");
        }
        b.append("\n\n").append(runs ? "| run " : "")
                .append("| network | batch | threads | ms per call | GFLOP per call | GFLOP/s | sgemm GFLOP/s | of sgemm |\n")
                .append(runs ? "|---" : "").append("|---|---:|---|---:|---:|---:|---:|---:|\n");
        for (Roofline.Row r : rows) {
            String param = r.gradient().param("threads");
            b.append(runs ? "| " + r.run() + " " : "").append("| ").append(r.network()).append(" | ")
                    .append(r.batchSize()).append(" | ")
                    .append(r.threads() > 0 ? String.valueOf(r.threads()) : "unknown")
                    .append(param.equals(String.valueOf(r.threads())) ? "" : " (threads=" + param + ")").append(" | ")
                    .append(ReportWriter.meanCi(r.gradient().time())).append(" | ").append(Format.sig(r.flop() / 1e9))
                    .append(" | ").append(Format.sig(r.gflops())).append(" | ");
            if (r.sgemm().isEmpty()) {
                b.append("no sgemm at ").append(r.threads()).append(r.threads() == 1 ? " thread" : " threads")
                        .append(" in these inputs | — |\n");
            } else {
                b.append(Format.sig(r.sgemmGflops())).append(" | ").append(Format.ratio(r.fraction())).append(" |\n");
            }
        }
        return b.toString();
    }

    /** "MLP 454,400, CNN 30,165,600". */
    private static String perSample() {
        StringBuilder s = new StringBuilder();
        for (StudyNetwork n : StudyNetwork.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(n.name()).append(' ').append(Format.count(n.flopsPerSample()));
        }
        return s.toString();
    }
}
