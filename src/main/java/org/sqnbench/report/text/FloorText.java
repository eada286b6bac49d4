package org.sqnbench.report.text;

import java.util.List;
import org.sqnbench.report.analysis.MbLbfgsFloor;
import org.sqnbench.study.Method;
import org.sqnbench.study.StudyNetwork;
import org.sqnbench.study.Traffic;

/** report.md's MB-LBFGS floor per epoch ({@link MbLbfgsFloor}), beside the overhead model. */
final class FloorText {
    private FloorText() {
    }

    static String markdown(List<MbLbfgsFloor.Row> rows) {
        StringBuilder b = new StringBuilder("\n### MB-LBFGS's floor per epoch\n\n");
        if (rows.isEmpty()) {
            return b.append("No MB-LBFGS EpochTime result with an epoch time.\n").toString();
        }
        int m = Method.DEFAULT_MEMORY;
        b.append("The least an MB-LBFGS epoch of k steps can take here: per step the batch gradient G(b) ")
                .append("(GradientFloor) plus three passes over the 2m×n pair matrix and ")
                .append(Traffic.FLOOR_VECTOR_PASSES).append(" n-vector passes at the triad's DRAM bandwidth, floor = ")
                .append("k·(G(b) + (3·2m + ").append(Traffic.FLOOR_VECTOR_PASSES).append(")·4n bytes / bandwidth), ")
                .append("k = sample-gradients / b, both kernels on the setting's own thread count and, when the input ")
                .append("that holds the setting's epochs has them, from that input. The MLP's pair ")
                .append("matrix (").append(Format.sig(matrixMb(StudyNetwork.MLP, m))).append(" MB at m = ").append(m)
                .append(", the CNN's ").append(Format.sig(matrixMb(StudyNetwork.CNN, m)))
                .append(" MB) fits the L3 cache, so for the MLP the DRAM floor overstates that part. Measured: ms per ")
                .append("epoch as in the epoch-time table, the mean of the replicate means ± its 95% t interval.\n\n")
                .append("| setting | optimizer | threads | steps k | ms per epoch | G(b), ms | vector floor per step, ")
                .append("ms | floor, ms | measured ÷ floor |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (MbLbfgsFloor.Row r : rows) {
            b.append("| ").append(r.series().key().setting().shortName()).append(" | ").append(r.series().label())
                    .append(" | ").append(r.threads() > 0 ? String.valueOf(r.threads()) : "unknown").append(" | ")
                    .append(Format.count(r.steps())).append(" | ").append(ReportWriter.replicateMeanCi(r.measured()))
                    .append(" | ");
            if (r.hasFloor()) {
                b.append(Format.sig(r.gradientMs())).append(" | ").append(Format.sig(r.vectorMs())).append(" | ")
                        .append(Format.sig(r.floorMs())).append(" | ").append(Format.ratio(r.ratio())).append(" |\n");
            } else {
                b.append("— | — | — | not in these inputs: ").append(String.join(", ", r.missing())).append(" |\n");
            }
        }
        return b.toString();
    }

    /** The 2m×n pair matrix of fp32, MB. */
    private static double matrixMb(StudyNetwork network, int memory) {
        return Traffic.bytes(2.0 * memory, network.params()) / 1e6;
    }
}
