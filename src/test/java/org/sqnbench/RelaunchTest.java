package org.sqnbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class RelaunchTest {
    private static final Path JAVA = Path.of("/opt/jdk/bin/java");
    /** What /proc/self/cmdline holds for {@code java -Xmx1g -jar target/benchmarks.jar EpochTime -p network=mlp}. */
    private static final byte[] JAR = "java\0-Xmx1g\0-jar\0target/benchmarks.jar\0EpochTime\0-p\0network=mlp\0"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void onLinuxTheSameCommandLineRunsAgain() {
        assertEquals(Optional.of(List.of("/opt/jdk/bin/java", "-Xmx1g", "-jar", "target/benchmarks.jar", "EpochTime",
                "-p", "network=mlp")), Relaunch.command("Linux", Map.of(), JAVA, JAR));
    }

    @Test
    void aVariableTheUserSetIsLeftAlone() {
        assertEquals(Optional.empty(), Relaunch.command("Linux", Map.of("MALLOC_ARENA_MAX", "4"), JAVA, JAR));
    }

    @Test
    void otherSystemsAndAnUnreadableCommandLineRunAsTheyAre() {
        assertEquals(Optional.empty(), Relaunch.command("Mac OS X", Map.of(), JAVA, JAR));
        assertEquals(Optional.empty(), Relaunch.command("Linux", Map.of(), JAVA, new byte[0]));
    }

    /** Started without the variable, the probe relaunches itself; its child sees it and its status comes back. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theChildRunsWithOneArenaAndItsStatusIsPassedOn() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder b = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Probe.class.getName()).redirectErrorStream(true);
        b.environment().remove(Relaunch.VARIABLE);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(7, p.waitFor());
        assertTrue(out.endsWith("MALLOC_ARENA_MAX=1"), out);
    }

    /** Relaunches itself if needed, else prints the variable and exits with 7. */
    public static final class Probe {
        public static void main(String[] args) {
            OptionalInt relaunched = Relaunch.ifNeeded();
            if (relaunched.isPresent()) {
                System.exit(relaunched.getAsInt());
            }
            System.out.println("MALLOC_ARENA_MAX=" + System.getenv(Relaunch.VARIABLE));
            System.exit(7);
        }
    }
}
