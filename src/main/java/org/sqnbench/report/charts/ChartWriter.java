package org.sqnbench.report.charts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;

/** Saves a chart as PNG (for report.md and quick viewing) and SVG (for print and zooming). */
public final class ChartWriter {
    private ChartWriter() {
    }

    /** Writes {@code dir/<file>.png} and {@code dir/<file>.svg}. */
    public static void write(ChartSpec spec, Path dir) throws IOException {
        // the encoders' file-name methods append extensions themselves; streams keep the names exactly ours
        try (OutputStream png = Files.newOutputStream(dir.resolve(spec.file() + ".png"))) {
            BitmapEncoder.saveBitmap(spec.chart(), png, BitmapEncoder.BitmapFormat.PNG);
        }
        try (OutputStream svg = Files.newOutputStream(dir.resolve(spec.file() + ".svg"))) {
            VectorGraphicsEncoder.saveVectorGraphic(spec.chart(), svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
    }
}
