package org.sqnbench.check;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.stat.StatUtils;
import org.sqnbench.report.results.BadInputException;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.text.Format;
import org.sqnbench.study.Benchmarks;

/**
 * Compares the benchmarks two result files have in common, each time divided by the calibration kernel's time
 * (CalibrationBenchmark.sgemm) from the same file, so that a machine that is uniformly faster or slower does not read
 * as a change of the code. Compared: per-epoch times (EpochTimeBenchmark, median over the non-diverged epochs) and the
 * hot kernels; not the calibration and memory-bandwidth kernels themselves (they measure the machine) and not the
 * convergence runs (their first epoch includes JIT warm-up).
 */
public final class RegressionCheck {
    /**
     * Default allowed slowdown of the calibrated time, 0.25 = 25%, set by measured run-to-run noise of the CI command
     * (.ci/run: MLP, 2 forks of 3 warm-up and 3 measured epochs per optimizer) on the 2-core development machine:
     * three runs of the same commit, compared pairwise, gave calibrated median ratios within 0.97-1.03 for all five
     * optimizers. (Before the networks bound their native ops once, MB-LBFGS's MLP epochs ranged from 316 to 703 ms
     * between forks and the default had to be 40%.) 25% leaves room for a busier shared machine and still catches
     * a real regression.
     */
    public static final double DEFAULT_TOLERANCE = 0.25;

    /** Benchmarks that measure the machine rather than the code. */
    static final Set<String> NOT_COMPARED = Set.of(Benchmarks.SGEMM, Benchmarks.TRIAD);

    public enum Status { OK, SLOWER, FASTER, NOT_COMPARED }

    /**
     * One benchmark in both files.
     *
     * @param ratio current / baseline after dividing each by its own file's calibration time; NaN if not compared
     */
    public record Row(String benchmark, String params, double baselineMs, double currentMs, double ratio,
                      Status status, String note) {
    }

    /** The comparison of two files. */
    public record Outcome(List<Row> rows, String calibration, double baselineCalibrationMs,
                          double currentCalibrationMs, double tolerance, int unmatched) {
        public List<Row> slower() {
            return rows.stream().filter(r -> r.status() == Status.SLOWER).toList();
        }

        public boolean regressed() {
            return !slower().isEmpty();
        }

        /** The comparison as a plain-text table. */
        public String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT,
                    "Calibration %s: baseline %s ms, current %s ms (current machine %s× the baseline's time)%n",
                    calibration, Format.sig(baselineCalibrationMs), Format.sig(currentCalibrationMs),
                    Format.ratio(currentCalibrationMs / baselineCalibrationMs)));
            b.append(String.format(Locale.ROOT,
                    "Calibrated ratio = (current / its sgemm) / (baseline / its sgemm); tolerance %s%%%n%n",
                    percent(tolerance)));
            int width = rows.stream().mapToInt(r -> name(r).length()).max().orElse(10);
            String format = "%-" + width + "s  %12s  %12s  %10s  %s%n";
            b.append(String.format(Locale.ROOT, format, "benchmark", "baseline ms", "current ms",
                    "calibrated", "status"));
            rows.forEach(r -> b.append(line(format, r)));
            if (unmatched > 0) {
                b.append(String.format(Locale.ROOT,
                        "(%d benchmarks are in only one of the files and were not compared)%n", unmatched));
            }
            if (regressed()) {
                b.append(String.format(Locale.ROOT, "%nSlower than the baseline by more than %s%%:%n",
                        percent(tolerance)));
                slower().forEach(r -> b.append(line(format, r)));
            }
            return b.toString();
        }

        private static String line(String format, Row r) {
            return String.format(Locale.ROOT, format, name(r), Format.sig(r.baselineMs()),
                    Format.sig(r.currentMs()), Format.ratio(r.ratio()),
                    r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (r.note().isEmpty() ? "" : " (" + r.note() + ")"));
        }

        private static String percent(double fraction) {
            return BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString();
        }

        private static String name(Row r) {
            return r.benchmark() + (r.params().isEmpty() ? "" : " {" + r.params() + "}");
        }
    }

    private RegressionCheck() {
    }

    /**
     * @throws BadInputException when either file lacks a calibration result, they share no calibration parameters,
     *                           or they have no compared benchmark in common
     */
    public static Outcome compare(Path baselineFile, List<JmhResult> baseline, Path currentFile,
                                  List<JmhResult> current, double tolerance) {
        JmhResult baseCal = calibration(baselineFile, baseline, currentFile, current);
        JmhResult curCal = current.stream().filter(r -> r.key().equals(baseCal.key())).findFirst().orElseThrow();
        double baseCalMs = median(baseCal.primary().all());
        double curCalMs = median(curCal.primary().all());
        Map<String, JmhResult> currentByKey = new LinkedHashMap<>();
        current.forEach(r -> currentByKey.put(r.key(), r));
        List<Row> rows = new ArrayList<>();
        Set<String> baselineKeys = new HashSet<>();
        for (JmhResult b : baseline) {
            if (NOT_COMPARED.contains(b.shortName()) || !compared(b)) {
                continue;
            }
            baselineKeys.add(b.key());
            JmhResult c = currentByKey.get(b.key());
            if (c == null) {
                continue;
            }
            Optional<Double> bMs = time(b);
            Optional<Double> cMs = time(c);
            if (bMs.isEmpty() || cMs.isEmpty()) {
                rows.add(new Row(b.shortName(), b.paramText(), bMs.orElse(Double.NaN), cMs.orElse(Double.NaN),
                        Double.NaN, Status.NOT_COMPARED, "diverged in every epoch"));
                continue;
            }
            double ratio = (cMs.get() / curCalMs) / (bMs.get() / baseCalMs);
            Status status = ratio > 1 + tolerance ? Status.SLOWER : ratio < 1 / (1 + tolerance) ? Status.FASTER
                    : Status.OK;
            rows.add(new Row(b.shortName(), b.paramText(), bMs.get(), cMs.get(), ratio, status, ""));
        }
        if (rows.isEmpty()) {
            throw new BadInputException(baselineFile + " and " + currentFile
                    + " have no EpochTime or kernel benchmark with the same parameters in common");
        }
        long currentOnly = current.stream().filter(r -> !NOT_COMPARED.contains(r.shortName()) && compared(r))
                .filter(r -> !baselineKeys.contains(r.key())).count();
        int unmatched = (int) (baselineKeys.size() - rows.size() + currentOnly);
        return new Outcome(rows, baseCal.shortName() + (baseCal.params().isEmpty() ? "" : " {" + baseCal.paramText()
                + "}"), baseCalMs, curCalMs, tolerance, unmatched);
    }

    private static boolean compared(JmhResult r) {
        return r.benchmarkClass().equals(EpochData.EPOCH_TIME) || r.mode().equals("avgt");
    }

    /** The calibration result both files have, preferring the single-threaded one. */
    private static JmhResult calibration(Path baselineFile, List<JmhResult> baseline, Path currentFile,
                                         List<JmhResult> current) {
        List<JmhResult> base = baseline.stream().filter(r -> r.shortName().equals(Benchmarks.SGEMM)).toList();
        List<JmhResult> cur = current.stream().filter(r -> r.shortName().equals(Benchmarks.SGEMM)).toList();
        if (base.isEmpty()) {
            throw new BadInputException(baselineFile + ": no " + Benchmarks.SGEMM + " result to calibrate with");
        }
        if (cur.isEmpty()) {
            throw new BadInputException(currentFile + ": no " + Benchmarks.SGEMM + " result to calibrate with");
        }
        return base.stream().filter(b -> cur.stream().anyMatch(c -> c.key().equals(b.key())))
                .min(Comparator.comparing((JmhResult r) -> !"1".equals(r.param("threads")))
                        .thenComparing(JmhResult::key))
                .orElseThrow(() -> new BadInputException("the two files' " + Benchmarks.SGEMM
                        + " results have different parameters; run the calibration the same way"));
    }

    /**
     * Median time of a result: non-diverged epochs for epoch benchmarks, all iterations for kernels. The median, not
     * the mean: in repeated CI runs a single 150 ms epoch among ~105 ms ones moved a 3-epoch mean by 20%.
     */
    private static Optional<Double> time(JmhResult r) {
        if (r.benchmarkClass().equals(EpochData.EPOCH_TIME)) {
            double[] t = EpochData.of(List.of(r)).series(EpochData.EPOCH_TIME).get(0).times();
            return t.length == 0 ? Optional.empty() : Optional.of(median(t));
        }
        return Optional.of(median(r.primary().all()));
    }

    private static double median(double[] values) {
        return StatUtils.percentile(values, 50);
    }
}
