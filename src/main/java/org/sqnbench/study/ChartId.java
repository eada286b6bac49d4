package org.sqnbench.study;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every chart the report can draw, by file name. A chart of a per-network family is named {@code stem-network}, e.g.
 * {@code epoch-time-mlp}; each is written once per format. The report's writer, its output folder (which removes
 * the charts of an older report) and report.md's links all take the names from here.
 */
public enum ChartId {
    CONVERGENCE_LOSS("convergence-loss", true, "train loss per epoch"),
    CONVERGENCE_ACCURACY("convergence-accuracy", true, "test accuracy per epoch"),
    CONVERGENCE_LOSS_TIME("convergence-loss-time", true, "train loss against time"),
    FINAL_ACCURACY("final-accuracy", true, "final test accuracy"),
    EPOCH_TIME("epoch-time", true, "time per epoch"),
    EPOCH_TIME_VS_SOURCE("epoch-time-vs-source", true, "time per epoch relative to SGD vs the source"),
    MBLBFGS_OVERHEAD("mblbfgs-overhead", false, "MB-LBFGS overhead against batch size"),
    OVERHEAD_MODEL("overhead-model", false, "MB-LBFGS overhead: cost model against measurement"),
    INVERSE_HESSIAN_PRODUCT("inverse-hessian-product", true, "inverse-Hessian product"),
    INVERSE_HESSIAN_ADDPAIR("inverse-hessian-addpair", true, "inverse-Hessian addPair"),
    GRADIENT_COST("gradient-cost", true, "overlap gradient against l"),
    BB_STEP("bb-step", true, "SGD-BB step");

    /** The formats every chart is written in, as file extensions. */
    public static final List<String> FORMATS = List.of("png", "svg");

    /** A network name as it may appear in a file name (the JSON's {@code network} parameter). */
    private static final String NETWORK = "[\\w.-]+";
    private static final Pattern ANY = Pattern.compile(Arrays.stream(values())
            .map(c -> Pattern.quote(c.stem) + (c.perNetwork ? "-" + NETWORK : ""))
            .collect(Collectors.joining("|", "(", ")")) + "\\.(" + String.join("|", FORMATS) + ")");

    private final String stem;
    private final boolean perNetwork;
    private final String what;

    ChartId(String stem, boolean perNetwork, String what) {
        this.stem = stem;
        this.perNetwork = perNetwork;
        this.what = what;
    }

    /** Whether there is one chart per network. */
    public boolean perNetwork() {
        return perNetwork;
    }

    /** What the chart shows, in a few words, e.g. "time per epoch". */
    public String what() {
        return what;
    }

    /** The base file name (no extension) of this chart for one network. */
    public String file(String network) {
        if (!perNetwork) {
            throw new IllegalStateException(stem + " is one chart for the whole study");
        }
        return stem + "-" + network;
    }

    /** The base file name of a whole-study chart. */
    public String file() {
        if (perNetwork) {
            throw new IllegalStateException(stem + " is drawn per network");
        }
        return stem;
    }

    /** Whether a file name (with extension) is one of the report's charts. */
    public static boolean isChartFile(String fileName) {
        return ANY.matcher(fileName).matches();
    }
}
