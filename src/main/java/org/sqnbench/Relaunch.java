package org.sqnbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Starts benchmarks.jar again with glibc's malloc limited to one arena ({@value #VARIABLE}={@value #VALUE}), which
 * JMH's forks inherit. Without it a benchmark fork's native temporaries lived in the arena of JMH's benchmark
 * thread, whose heaps glibc unmaps whole once their memory is freed, whatever {@code nn/Backend}'s trim threshold:
 * then every op of the fork faulted in fresh pages, and the same CNN gradient took 28 ms in one fork of four and
 * 12–14 ms in the others. The variable must be in place before the JVM starts, so no call from inside can set it.
 * A variable the user already set (any value) is left alone, and where the command line cannot be read back, or on
 * another OS than Linux, nothing is relaunched.
 */
final class Relaunch {
    static final String VARIABLE = "MALLOC_ARENA_MAX";
    static final String VALUE = "1";
    /** How long a stopped launcher waits for its child to finish stopping (the study removes half-written files). */
    private static final long STOP_WAIT_SECONDS = 60;

    private Relaunch() {
    }

    /**
     * The command to start again with, or empty when this JVM should just run: {@code java} (this JVM's own binary)
     * followed by this JVM's arguments as the kernel holds them ({@code /proc/self/cmdline}, NUL-separated, argv[0]
     * first; ProcessHandle gives up on command lines longer than a page).
     */
    static Optional<List<String>> command(String osName, Map<String, String> env, Path java, byte[] cmdline) {
        if (!osName.startsWith("Linux") || env.containsKey(VARIABLE) || cmdline.length == 0) {
            return Optional.empty();
        }
        String[] argv = new String(cmdline, StandardCharsets.UTF_8).split("\0");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(argv).subList(1, argv.length));
        return Optional.of(command);
    }

    private static byte[] ownCommandLine() {
        try {
            return Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /**
     * Runs this JVM's command line again in a child with {@value #VARIABLE}={@value #VALUE} and returns the child's
     * exit status, or empty when no relaunch is needed or possible. A signal that stops this JVM is passed on (Ctrl-C
     * reaches both through the terminal) and the child is given time to stop cleanly.
     */
    static OptionalInt ifNeeded() {
        Optional<List<String>> command = command(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("java.home"), "bin", "java"), ownCommandLine());
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
        builder.environment().put(VARIABLE, VALUE);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        Thread onStop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sqnbench-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        try {
            return OptionalInt.of(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
    }
}
