package io.mlconnector.app.mapping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The mapping file is not valid. Carries every problem found, each with the line of the mapping file it is on, so a
 * finance user can fix them all in one edit.
 */
public class MappingConfigException extends RuntimeException {

    /**
     * @param line    1-based line in the mapping file (0 when unknown)
     * @param path    dotted key path, e.g. {@code glAccount.byExpenseType.LODNG}
     * @param message what is wrong and what is expected
     */
    public record Problem(int line, String path, String message) {
        @Override
        public String toString() {
            return "line " + line + (path.isEmpty() ? "" : " (" + path + ")") + ": " + message;
        }
    }

    private final String source;
    private final List<Problem> problems;

    public MappingConfigException(String source, List<Problem> problems) {
        super(describe(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or resource) the mapping was read from. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        return "mapping " + source + " has " + problems.size() + " problem(s):\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
    }
}
