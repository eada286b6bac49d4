package org.sqnbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line: the project's commands, help, and mistakes that must end before any fork. */
class MainTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Should a check let a command line through, JMH fails fast on a JVM that does not exist instead of running. */
    private static final String[] NO_RUN = {"-jvm", "/no/such/java", "-foe", "true"};

    private int status(String... args) {
        return Main.status(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int statusBeforeAnyFork(String... args) {
        String[] all = Arrays.copyOf(args, args.length + NO_RUN.length);
        System.arraycopy(NO_RUN, 0, all, args.length, NO_RUN.length);
        return status(all);
    }

    private String oneLine() {
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("sqnbench: "), e);
        return e.strip();
    }

    @Test
    void aParameterNoSelectedBenchmarkDeclaresEndsInOneLineNamingTheirs() {
        assertEquals(2, statusBeforeAnyFork("-p", "optimiser=adam"));
        String e = oneLine();
        assertTrue(e.startsWith("sqnbench: -p optimiser: no selected benchmark has this parameter; theirs are "), e);
        assertTrue(e.contains("optimizer") && e.contains("network") && e.contains("memory"), e);
    }

    @Test
    void theParametersNamedAreThoseOfTheSelectedBenchmarksOnly() {
        // Calibration declares threads only; EpochTime's parameters are not offered for it
        assertEquals(2, statusBeforeAnyFork("Calibration", "-p", "epochs=5"));
        assertEquals("sqnbench: -p epochs: no selected benchmark has this parameter; theirs are threads", oneLine());
    }

    @Test
    void aBadParameterValueEndsInOneLine() {
        assertEquals(2, statusBeforeAnyFork("EpochTime", "-p", "optimizer=lbfgs"));
        assertEquals("sqnbench: unknown optimizer 'lbfgs', expected one of [sgd, momentum, adam, sgd-bb, mb-lbfgs]",
                oneLine());
    }

    @Test
    void anUnknownJmhOptionEndsInOneLine() {
        assertEquals(2, status("-wat"));
        oneLine();
    }

    @Test
    void helpListsEveryCommandWithItsUsageAboveJmhsOptions() {
        String help = Main.commandsHelp();
        for (Main.Command c : Main.COMMANDS) {
            assertTrue(c.usage().startsWith("usage: " + c.name() + " "), c.usage());
            assertTrue(help.contains("\n  " + c.usage() + "\n"), help);
        }
        assertEquals(List.of("report", "check", "sweep"),
                Main.COMMANDS.stream().map(Main.Command::name).limit(3).toList());
    }

    @Test
    void commandsAreDispatchedByTheirFirstWord(@TempDir Path dir) {
        // report and check answer -h with their usage, exit 0; a bad report argument is theirs to refuse
        assertEquals(0, status("report", "-h"));
        assertEquals(0, status("check", "-h"));
        assertEquals(2, status("report", dir.resolve("missing.json").toString(), "--out", dir.toString()));
        assertTrue(Files.notExists(dir.resolve("report.md")));
    }

    @Test
    void aBadSweepOptionEndsInOneLine() {
        assertEquals(2, status("sweep", "epochs"));
        assertTrue(oneLine().startsWith("sqnbench: bad sweep option 'epochs'"));
    }
}
