package org.sqnbench.check;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.sqnbench.report.results.BadInputException;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;

/**
 * {@code check --baseline BASE.json CURRENT.json [--tolerance X]}: the regression check ({@link RegressionCheck}).
 * Prints the comparison table; exit 1 when any benchmark's calibrated time is slower than the tolerance allows,
 * 0 otherwise, 2 with one line on stderr for bad input.
 */
public final class CheckCommand {
    public static final String USAGE = "usage: check --baseline BASE.json CURRENT.json [--tolerance X]  (X: allowed slowdown,"
            + " default " + RegressionCheck.DEFAULT_TOLERANCE + " = " + (int) (RegressionCheck.DEFAULT_TOLERANCE * 100)
            + "%)";

    private CheckCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Path baseline = null;
            Path current = null;
            double tolerance = RegressionCheck.DEFAULT_TOLERANCE;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                } else if (a.equals("--baseline") || a.equals("--tolerance")) {
                    if (i + 1 >= args.length) {
                        throw new BadInputException(a + " needs a value; " + USAGE);
                    }
                    String v = args[++i];
                    if (a.equals("--baseline")) {
                        baseline = Path.of(v);
                    } else {
                        tolerance = tolerance(v);
                    }
                } else if (a.startsWith("-")) {
                    throw new BadInputException("unknown option " + a + "; " + USAGE);
                } else if (current != null) {
                    throw new BadInputException("one current file only; " + USAGE);
                } else {
                    current = Path.of(a);
                }
            }
            if (baseline == null || current == null) {
                throw new BadInputException(USAGE);
            }
            List<JmhResult> base = JmhResults.readAll(List.of(baseline)).results();
            List<JmhResult> cur = JmhResults.readAll(List.of(current)).results();
            RegressionCheck.Outcome outcome = RegressionCheck.compare(baseline, base, current, cur, tolerance);
            out.print(outcome.table());
            if (outcome.regressed()) {
                out.println();
                out.println(outcome.slower().size() + " of " + outcome.rows().size()
                        + " benchmarks are slower than the baseline by more than the tolerance.");
                return 1;
            }
            out.println();
            out.println("No benchmark is slower than the tolerance allows (" + outcome.rows().size() + " compared).");
            return 0;
        } catch (BadInputException e) {
            err.println("sqnbench: " + e.getMessage());
            return 2;
        }
    }

    private static double tolerance(String v) {
        try {
            double t = Double.parseDouble(v);
            if (t > 0 && Double.isFinite(t)) {
                return t;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadInputException("--tolerance: '" + v + "' is not a positive number (0.25 = 25%)");
    }
}
