package org.sqnbench.report.text;

import java.util.Locale;

/** Number formatting for the report's text, locale-independent so that output does not depend on the machine. */
public final class Format {
    private Format() {
    }

    /** Three significant digits, plain notation for the ranges the report meets ("0.0736", "142", "1.21e+04"). */
    public static String sig(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        int decimals = a == 0 ? 0 : Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A ratio with two decimals, "1.21". */
    public static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** An integer count with thousands separators, "8,000". */
    public static String count(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    public static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
