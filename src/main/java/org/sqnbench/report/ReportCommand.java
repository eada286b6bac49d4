package org.sqnbench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sqnbench.report.analysis.Conclusions;
import org.sqnbench.report.analysis.KernelSources;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.analysis.OverheadModel;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.charts.ChartPlan;
import org.sqnbench.report.charts.ChartSpec;
import org.sqnbench.report.charts.ChartWriter;
import org.sqnbench.report.results.BadInputException;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;
import org.sqnbench.report.results.StudyInputs;
import org.sqnbench.report.text.ConclusionsText;
import org.sqnbench.report.text.ConditionsText;
import org.sqnbench.report.text.Figure;
import org.sqnbench.report.text.ReportWriter;
import org.sqnbench.report.text.VerdictText;

/**
 * {@code report FILE.json… [--out DIR]}: reads and pools JMH result files (a study folder counts as its parts'
 * files), writes PNG and SVG charts and report.md into DIR (default plots/), and prints the verdict. Exit status 0,
 * or 2 with one line on stderr for input a user can get wrong; the output directory is then left as it was.
 */
public final class ReportCommand {
    public static final Path DEFAULT_OUT = Path.of("plots");
    public static final String USAGE = "usage: report FILE.json|STUDY-FOLDER... [--out DIR]  (charts and report.md,"
            + " default DIR " + DEFAULT_OUT + ")";

    private ReportCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            List<Path> files = new ArrayList<>();
            Path dir = DEFAULT_OUT;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    out.println(USAGE);
                    return 0;
                } else if (a.equals("--out")) {
                    if (i + 1 >= args.length) {
                        throw new BadInputException("--out needs a directory; " + USAGE);
                    }
                    dir = Path.of(args[++i]);
                } else if (a.startsWith("--out=")) {
                    dir = Path.of(a.substring("--out=".length()));
                } else if (a.startsWith("-")) {
                    throw new BadInputException("unknown option " + a + "; " + USAGE);
                } else {
                    files.add(Path.of(a));
                }
            }
            if (files.isEmpty()) {
                throw new BadInputException("no result files; " + USAGE);
            }
            return write(files, dir, out);
        } catch (BadInputException e) {
            err.println("sqnbench: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Each input (a study folder or a file) read alone, so that the cost model and the floor can set a setting's
     * epochs against the kernels of the same session (a shard that lacks them falls back to the pooled kernels).
     */
    private static List<KernelSources.Input> eachAlone(List<Path> inputs) {
        List<KernelSources.Input> alone = new ArrayList<>();
        for (Path input : inputs) {
            List<JmhResult> results = JmhResults.readAll(StudyInputs.expand(List.of(input)).files()).results();
            alone.add(new KernelSources.Input(String.valueOf(input.getFileName()), EpochData.of(results),
                    KernelTimes.of(results)));
        }
        return alone;
    }

    private static int write(List<Path> inputs, Path dir, PrintStream out) {
        // a study folder stands for its parts' files; its missing parts are said in report.md and below
        StudyInputs.Expanded study = StudyInputs.expand(inputs);
        List<Path> files = study.files();
        JmhResults.Loaded loaded = JmhResults.readAll(files);
        EpochData epochs = EpochData.of(loaded.results());
        KernelTimes kernels = KernelTimes.of(loaded.results());
        KernelSources sources = new KernelSources(kernels, inputs.size() > 1 ? eachAlone(inputs) : List.of());
        Verdict verdict = Verdict.of(epochs, sources);
        Conclusions conclusions = Conclusions.of(epochs, verdict);
        if (System.getProperty("java.awt.headless") == null) {
            // charts are drawn off-screen; without this a missing display could stop the JVM from drawing at all
            System.setProperty("java.awt.headless", "true");
        }
        try (OutputDirectory target = OutputDirectory.open(dir)) {
            ChartPlan plan = ChartPlan.of(epochs, sources, verdict);
            for (ChartSpec c : plan.charts()) {
                ChartWriter.write(c, target.staging());
            }
            List<String> notes = new ArrayList<>(study.notes());
            notes.addAll(loaded.notes());
            notes.addAll(plan.notes());
            List<Figure> figures = plan.charts().stream().map(c -> new Figure(c.file(), c.caption())).toList();
            String md = new ReportWriter(files, loaded.results(), epochs, sources, verdict, conclusions, figures,
                    plan.skipped(), notes).markdown();
            Files.writeString(target.staging().resolve(OutputDirectory.REPORT), md, StandardCharsets.UTF_8);
            OverheadModel model = OverheadModel.of(epochs, sources);
            Files.writeString(target.staging().resolve(OverheadModel.CSV_FILE), model.csv(), StandardCharsets.UTF_8);
            target.publish();
            out.print(VerdictText.text(verdict));
            out.print(ConclusionsText.of(conclusions).text());
            out.print(ConditionsText.text(model));
            out.println();
            study.notes().forEach(out::println);
            out.println("Report: " + plan.charts().size() + " charts (PNG and SVG) and report.md in " + dir
                    + (plan.skipped().isEmpty() ? "" : "; " + plan.skipped().size() + " charts skipped for lack of data,"
                    + " see report.md"));
            return 0;
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the report (" + e.getMessage() + ")");
        }
    }
}
