package org.sqnbench.optim;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** A command-line choice among an enum's values: the value of that name, or one line naming the choices. */
final class CliChoice {
    private CliChoice() {
    }

    /** The choice whose command-line name is {@code value}; else "unknown PARAMETER 'value', expected a, b or c". */
    static <E extends Enum<E>> E parse(String parameter, String value, E[] choices, Function<E, String> cliName) {
        for (E e : choices) {
            if (cliName.apply(e).equals(value)) {
                return e;
            }
        }
        List<String> names = Arrays.stream(choices).map(cliName).toList();
        String last = names.get(names.size() - 1);
        String expected = names.size() == 1 ? last
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + last;
        throw new IllegalArgumentException("unknown " + parameter + " '" + value + "', expected " + expected);
    }
}
